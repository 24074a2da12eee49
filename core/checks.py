"""Deployment checks for what the site's reliability depends on.

Run by `manage.py check --deploy`; silent when production is configured as the
README describes.
"""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}
IMMEDIATE_TASK_BACKENDS = {
    "django_tasks.backends.immediate.ImmediateBackend",
    "django_tasks.backends.dummy.DummyBackend",
}


@register(Tags.caches, deploy=True)
def check_cache_is_shared(app_configs, **kwargs):
    """Rate limits, login throttling and the forgetting of cached pages' parts
    (menu, footer, library summary) only hold if every process shares a cache."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend not in PROCESS_LOCAL_CACHES:
        return []
    return [
        Warning(
            "The default cache is local to each process: rate limits and login "
            "throttling count separately in every worker, and reset on restart; "
            "a published change to the menu, the footer or the library's summary "
            "shows in the other workers only when their copy expires (5 minutes).",
            hint="Set REDIS_URL to a Redis server shared by every process.",
            id="core.W001",
        )
    ]


@register(deploy=True)
def check_tasks_run_in_background(app_configs, **kwargs):
    """Emails must go through a queue that survives failures and retries them."""
    tasks = getattr(settings, "TASKS", {})
    backend = tasks.get("default", {}).get("BACKEND", "")
    if backend and backend not in IMMEDIATE_TASK_BACKENDS:
        return []
    return [
        Warning(
            "Background tasks run inside the request: a failed email is not retried.",
            hint="Use django_tasks_db.DatabaseBackend and run `manage.py db_worker`.",
            id="core.W002",
        )
    ]
