from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site-wide plumbing: security headers, rate limits, email queue, health."""

    name = "core"
    verbose_name = _("Fonctionnement du site")

    def ready(self):
        from . import (
            checks,  # noqa: F401  (registers the deployment checks)
            lookups,  # noqa: F401  (registers field__any_of)
        )
