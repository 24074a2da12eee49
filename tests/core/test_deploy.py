"""With production settings, Django's deployment checklist finds nothing to say."""

import json
import os
import secrets
import subprocess
import sys

from django.test import override_settings

from config.settings import base
from core import checks

PRODUCTION_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
    "DJANGO_ALLOWED_HOSTS": "ia-territoires.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_with_production_settings(*arguments, environment=PRODUCTION_ENVIRONMENT):
    """Run a Python command in a fresh interpreter under production settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "REDIS_URL"
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, *arguments],
        capture_output=True,
        text=True,
        env=env,
        cwd=base.BASE_DIR,
        check=False,
    )


def test_check_deploy_reports_nothing():
    """`manage.py check --deploy --fail-level WARNING` passes, and says nothing."""
    result = run_with_production_settings(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING"
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_check_deploy_warns_when_rate_limits_would_count_per_process():
    """Without a shared cache, the checklist says throttling would not hold."""
    environment = {k: v for k, v in PRODUCTION_ENVIRONMENT.items() if k != "REDIS_URL"}
    result = run_with_production_settings(
        "manage.py", "check", "--deploy", environment=environment
    )

    assert "core.W001" in result.stderr


PRINT_SECURITY_SETTINGS = """
import json
from django.conf import settings
import django
django.setup()
print(json.dumps({
    "hsts": settings.SECURE_HSTS_SECONDS,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "redirect_exempt": settings.SECURE_REDIRECT_EXEMPT,
    "session_cookie_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_cookie_secure": settings.CSRF_COOKIE_SECURE,
    "session_idle": settings.SESSION_COOKIE_AGE,
    "save_every_request": settings.SESSION_SAVE_EVERY_REQUEST,
    "tasks": settings.TASKS["default"]["BACKEND"],
    "health_checks": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
    "trusted_proxies": settings.TRUSTED_PROXY_COUNT,
}))
"""


def test_production_settings_protect_the_site():
    """HTTPS only, secure cookies, short admin sessions, queued emails."""
    result = run_with_production_settings("-c", PRINT_SECURITY_SETTINGS)

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["hsts"] >= 60 * 60 * 24 * 365
    assert values["ssl_redirect"] is True
    assert values["session_cookie_secure"] is True
    assert values["csrf_cookie_secure"] is True
    assert values["session_idle"] <= 60 * 60
    assert values["save_every_request"] is True
    assert values["tasks"] == "django_tasks_db.DatabaseBackend"
    assert values["health_checks"] is True
    assert values["trusted_proxies"] == 1


def test_health_check_is_reachable_over_plain_http_in_production():
    """A load balancer probing over HTTP is not redirected to HTTPS."""
    result = run_with_production_settings(
        "-c",
        "import django, re; from django.conf import settings; django.setup(); "
        "print(any(re.search(p, 'healthz') for p in settings.SECURE_REDIRECT_EXEMPT))",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_checklist_warns_when_emails_would_be_sent_inside_the_request():
    """Tasks run in the request cannot retry a failed email: the checklist says so."""
    immediate = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    database = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    with override_settings(TASKS=immediate):
        warnings = checks.check_tasks_run_in_background(None)
    with override_settings(TASKS=database):
        no_warnings = checks.check_tasks_run_in_background(None)

    assert [warning.id for warning in warnings] == ["core.W002"]
    assert no_warnings == []
