from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ManifestoConfig(AppConfig):
    name = "manifesto"
    verbose_name = _("Manifeste et signatures")

    def ready(self):
        from core import personal_data

        from . import signals  # noqa: F401
        from .personal_data import SignatureData

        personal_data.register(SignatureData())
