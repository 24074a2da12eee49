from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Bibliothèque d'IA territoriales")

    def ready(self):
        from core import personal_data

        from . import signals  # noqa: F401
        from .personal_data import ContributionData

        personal_data.register(ContributionData())
