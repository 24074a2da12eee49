import logging
import math
import sys
import uuid

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Errors that mean the database cannot be reached or dropped the connection, as
# opposed to a query that is wrong.
DATABASE_UNAVAILABLE_ERRORS = (OperationalError, InterfaceError)
DATABASE_RETRY_AFTER = 30


def _render_without_database(template_name, context, status, fallback):
    """Render a page that needs neither the database nor the request's context."""
    try:
        content = loader.get_template(template_name).render(context)
        content_type = "text/html; charset=utf-8"
    except Exception:
        logger.exception("Error page could not be rendered: template=%s", template_name)
        content, content_type = fallback, "text/plain; charset=utf-8"
    response = HttpResponse(content, status=status, content_type=content_type)
    add_never_cache_headers(response)
    return response


def too_many_requests(request, retry_after):
    """The French 429 page; nothing of what was sent has been kept."""
    minutes = max(1, math.ceil(retry_after / 60))
    response = _render_without_database(
        "429.html",
        {"retry_after": retry_after, "retry_after_minutes": minutes},
        status=429,
        fallback="Trop de demandes. Réessayez dans quelques minutes.\n",
    )
    response["Retry-After"] = str(retry_after)
    return response


def service_unavailable(request):
    """The French 503 page shown while the database is out of reach."""
    response = _render_without_database(
        "503.html",
        {"retry_after": DATABASE_RETRY_AFTER},
        status=503,
        fallback="Le site est momentanément indisponible. Réessayez dans un instant.\n",
    )
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    return response


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """Answer 503 rather than 500 when the database is what failed.

    Django calls this for errors raised outside views too (in a middleware that
    saves the session, for instance), where `DatabaseUnavailableMiddleware`
    cannot see them.
    """
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE_ERRORS):
        return service_unavailable(request)
    return defaults.server_error(request, template_name)


def _database_is_healthy():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError as error:
        logger.warning("Health check failed: database error=%s", type(error).__name__)
        return False


def _cache_is_healthy():
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        healthy = cache.get(key) == "ok"
        cache.delete(key)
        return healthy
    except Exception as error:
        logger.warning("Health check failed: cache error=%s", type(error).__name__)
        return False


@never_cache
@require_safe
def healthz(request):
    """Tell a load balancer whether this process can serve: 200 if so, else 503."""
    checks = {"database": _database_is_healthy(), "cache": _cache_is_healthy()}
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "error"}
    body.update({name: "ok" if ok else "error" for name, ok in checks.items()})
    return JsonResponse(body, status=200 if healthy else 503)
