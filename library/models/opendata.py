"""The page that presents the site's open data and its licence."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

DEFAULT_LICENCE_NAME = "Licence Ouverte / Open Licence version 2.0"
DEFAULT_LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"


class OpenDataPage(RoutablePageMixin, Page):
    """The open data of the site: what each file holds, its schema, its licence.

    The list of datasets, their addresses and their counts are made by the
    site; editors write the introduction and choose the licence. Its route
    ``champs/`` is the data dictionary: each field of a project's record, by
    section, in the order of the files.
    """

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "Ce que le réseau publie en données ouvertes et pourquoi ; la liste "
            "des jeux de données suit, tenue à jour par le site."
        ),
    )
    licence_name = models.CharField(
        _("licence"),
        max_length=200,
        default=DEFAULT_LICENCE_NAME,
        help_text=_(
            "Nom de la licence des données, repris dans les fichiers JSON. La "
            "Licence Ouverte d'Etalab est l'usage pour les acteurs publics."
        ),
    )
    licence_url = models.URLField(
        _("adresse du texte de la licence"),
        max_length=500,
        default=DEFAULT_LICENCE_URL,
        help_text=_("Adresse où lire le texte complet de la licence."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("licence_name"), FieldPanel("licence_url")],
            heading=_("Licence"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("page des données ouvertes")
        verbose_name_plural = _("pages des données ouvertes")

    @path("")
    def datasets(self, request):
        from ..opendata import catalogue

        return self.render(
            request, context_overrides=catalogue.page_context(request, self)
        )

    @path("champs/")
    def field_dictionary(self, request):
        from ..opendata import catalogue

        return self.render(
            request,
            template="library/open_data_dictionary.html",
            context_overrides=catalogue.dictionary_context(request, self),
        )

    def get_sitemap_urls(self, request=None):
        from ..opendata import catalogue

        entries = super().get_sitemap_urls(request)
        if catalogue.published_library() is not None:
            entries.append(
                {
                    "location": self.get_full_url(request)
                    + self.reverse_subpage("field_dictionary"),
                    "lastmod": self.last_published_at,
                }
            )
        return entries

    @property
    def licence(self):
        return {"nom": self.licence_name, "url": self.licence_url}


def published_licence():
    """The licence of the open data, as its page states it, else the default."""
    page = OpenDataPage.objects.live().first()
    if page is not None:
        return page.licence
    return {"nom": DEFAULT_LICENCE_NAME, "url": DEFAULT_LICENCE_URL}
