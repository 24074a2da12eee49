"""The manifesto and its chapters, as pages editors write in the admin."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import ChapterBodyBlock

INTRODUCTION_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class ManifestoPage(RoutablePageMixin, Page):
    """The manifesto: its introduction, its chapters, and the way to sign it.

    Besides the page itself, it answers at ``signer/`` (the signing form),
    ``confirmer/<token>/`` and ``retirer/<token>/`` (the links sent by email)
    and ``signataires/`` (the list of signatories). Its open data files are
    served next to it by ``manifesto.urls``, since page addresses cannot
    hold a dot.
    """

    introduction = RichTextField(
        _("introduction"),
        features=INTRODUCTION_FEATURES,
        help_text=_("Le préambule du manifeste, affiché avant les chapitres."),
    )
    signing_introduction = RichTextField(
        _("présentation de la signature"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_(
            "Affichée au-dessus du formulaire de signature : qui peut signer, "
            "ce qu'implique la signature."
        ),
    )
    signatories_introduction = RichTextField(
        _("présentation des signataires"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Affichée en tête de la liste des signataires."),
    )
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("signing_introduction"),
        FieldPanel("signatories_introduction"),
    ]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["manifesto.ManifestoChapterPage"]

    class Meta:
        verbose_name = _("manifeste")

    # ----- Routes: each one hands over to a view in manifesto.views -----

    @path("", name="index")
    def index_route(self, request):
        from ..services import signatory_count

        chapters = self.chapters
        for number, chapter in enumerate(chapters, start=1):
            chapter.number = number
        return self.render(
            request,
            context_overrides={
                "chapters": chapters,
                "signatory_count": signatory_count(),
            },
        )

    @path("signer/", name="sign")
    def sign_route(self, request):
        from .. import views

        return views.sign(request, self)

    @path("signer/merci/", name="sign_thanks")
    def sign_thanks_route(self, request):
        from .. import views

        return views.sign_thanks(request, self)

    @path("confirmer/<str:token>/", name="confirm")
    def confirm_route(self, request, token):
        from .. import views

        return views.confirm(request, self, token)

    @path("retirer/<str:token>/", name="withdraw")
    def withdraw_route(self, request, token):
        from .. import views

        return views.withdraw(request, self, token)

    @path("signataires/", name="signatories")
    def signatories_route(self, request):
        from .. import views

        return views.signatories(request, self)

    @classmethod
    def reserved_slugs(cls):
        """The first segments of the routes, which no chapter may take."""
        segments = set()
        for route in cls.get_subpage_urls():
            first = str(route.pattern).strip("^$/").split("/")[0]
            if first and "<" not in first:
                segments.add(first)
        return segments

    # ----- Content -----

    @cached_property
    def chapters(self):
        return list(
            ManifestoChapterPage.objects.child_of(self).live().public().order_by("path")
        )

    def url_for(self, route_name, **kwargs):
        """The address of one of this page's routes, relative to the site."""
        return self.url + self.reverse_subpage(route_name, kwargs=kwargs)

    def full_url_for(self, route_name, request=None, **kwargs):
        return self.get_full_url(request) + self.reverse_subpage(
            route_name, kwargs=kwargs
        )

    @property
    def signing_url(self):
        return self.url_for("sign")

    @property
    def signatories_url(self):
        return self.url_for("signatories")

    def open_data_url(self, extension):
        return f"{self.url}signataires.{extension}"

    def get_sitemap_urls(self, request=None):
        entries = super().get_sitemap_urls(request)
        entries.append(
            {
                "location": self.full_url_for("signatories", request),
                "lastmod": self.last_published_at,
            }
        )
        return entries

    @classmethod
    def find_live(cls):
        """The published manifesto, if there is one (there is one per site)."""
        return cls.objects.live().first()


class ManifestoChapterPage(Page):
    """A chapter of the manifesto, numbered by its place among its siblings."""

    summary = models.TextField(
        _("résumé"),
        max_length=400,
        blank=True,
        help_text=_("Une ou deux phrases qui disent l'essentiel du chapitre."),
    )
    body = StreamField(
        ChapterBodyBlock(),
        verbose_name=_("contenu"),
        help_text=_(
            "Les principes et les engagements du chapitre, dans l'ordre de lecture."
        ),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]

    parent_page_types = ["manifesto.ManifestoPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("chapitre du manifeste")
        verbose_name_plural = _("chapitres du manifeste")

    def clean(self):
        super().clean()
        if self.slug in ManifestoPage.reserved_slugs():
            raise ValidationError(
                {
                    "slug": _(
                        "« %(slug)s » est déjà utilisé par une adresse du manifeste : "
                        "choisissez un autre slug."
                    )
                    % {"slug": self.slug}
                }
            )

    @cached_property
    def number(self):
        """Its rank among the published chapters, counting from 1."""
        return (
            ManifestoChapterPage.objects.sibling_of(self)
            .live()
            .filter(path__lt=self.path)
            .count()
            + 1
        )

    def numbered_blocks(self, chapter_number=None):
        """The body's blocks, each principle and commitment with its number.

        Principles and commitments are numbered apart, after the chapter:
        the second commitment of chapter 3 is "3.2".
        """
        chapter_number = chapter_number or self.number
        counters = {"principle": 0, "commitment": 0}
        numbered = []
        for block in self.body:
            number = None
            if block.block_type in counters:
                counters[block.block_type] += 1
                number = f"{chapter_number}.{counters[block.block_type]}"
            numbered.append({"block": block, "number": number})
        return numbered
