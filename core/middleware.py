import logging

from django.conf import settings

from .ratelimit import RateLimited
from .views import DATABASE_UNAVAILABLE_ERRORS, service_unavailable, too_many_requests

logger = logging.getLogger(__name__)


def _serialise_policy(directives):
    return "; ".join(
        " ".join([directive, *sources]) for directive, sources in directives.items()
    )


class SecurityHeadersMiddleware:
    """Add the Content-Security-Policy and Permissions-Policy to every response.

    Public pages get the strict `CONTENT_SECURITY_POLICY`. Wagtail's admin runs
    some inline scripts and styles and shows previews in a frame of its own, so
    paths under `CONTENT_SECURITY_POLICY_ADMIN_PREFIX` get
    `CONTENT_SECURITY_POLICY_ADMIN` instead. A view that sets its own header
    keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.public_policy = _serialise_policy(settings.CONTENT_SECURITY_POLICY)
        self.admin_policy = _serialise_policy(settings.CONTENT_SECURITY_POLICY_ADMIN)
        self.admin_prefix = settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIX
        self.permissions_policy = ", ".join(
            f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED
        )

    def __call__(self, request):
        response = self.get_response(request)
        if settings.DEBUG and response.status_code in (404, 500):
            # Django's debugging pages style themselves inline.
            return response
        if request.path.startswith(self.admin_prefix):
            policy = self.admin_policy
        else:
            policy = self.public_policy
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        return response


class RateLimitMiddleware:
    """Answer `RateLimited`, raised by a view, with the French 429 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, RateLimited):
            return too_many_requests(request, exception.retry_after)
        return None


class DatabaseUnavailableMiddleware:
    """Answer a view that lost the database with the French 503 page.

    The connection is opened afresh by the next request (and checked before
    reuse, CONN_HEALTH_CHECKS), so the site recovers by itself once the database
    is back. Errors raised outside views reach `core.views.server_error`, which
    answers the same way.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if settings.DEBUG or not isinstance(exception, DATABASE_UNAVAILABLE_ERRORS):
            return None
        detail = str(exception).strip().splitlines()
        logger.error(
            "Database unavailable, answered 503: error=%s detail=%s",
            type(exception).__name__,
            detail[0] if detail else "",
        )
        return service_unavailable(request)
