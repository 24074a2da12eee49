"""The home page, the standard pages of the site and its settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock

INTRODUCTION_FEATURES = ["bold", "italic", "link"]


class HomePage(Page):
    """The root of the public site: the network and its manifesto in a few words.

    Other page types (manifesto, library) live under it and declare it as
    their parent, so its own subpage types are left open.
    """

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=INTRODUCTION_FEATURES,
        help_text=_("Quelques phrases qui présentent le réseau et le manifeste."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("contenu"),
        blank=True,
        help_text=_("Suite de la page d'accueil, sous l'introduction (facultatif)."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")


class StandardPage(Page):
    """A page of text: about the network, legal notice, privacy, accessibility."""

    introduction = models.TextField(
        _("chapô"),
        blank=True,
        max_length=600,
        help_text=_(
            "Une ou deux phrases affichées en tête de page, en plus grand (facultatif)."
        ),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("contenu"),
        blank=True,
        help_text=_("Le texte de la page : paragraphes, titres, citations et images."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("page standard")
        verbose_name_plural = _("pages standard")


class AccessibilityStatus(models.TextChoices):
    """Compliance levels that French law asks every public site to display."""

    NOT_COMPLIANT = "non-conforme", _("non conforme")
    PARTIALLY_COMPLIANT = "partiellement-conforme", _("partiellement conforme")
    FULLY_COMPLIANT = "totalement-conforme", _("totalement conforme")


class LegalBasis(models.TextChoices):
    """The grounds of article 6 of the GDPR that suit what the site collects."""

    CONSENT = "consentement", _("le consentement de la personne")
    LEGITIMATE_INTEREST = "interet-legitime", _("l'intérêt légitime de l'association")
    PUBLIC_INTEREST = "mission-publique", _("une mission d'intérêt public")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Who publishes the site, how to reach them, and what the footer links to."""

    # ----- Organisation -----
    organisation_name = models.CharField(
        _("nom de l'organisation"),
        max_length=200,
        default="Territoires pour une IA responsable",
        help_text=_(
            "Nom affiché dans l'en-tête, le pied de page et le titre des pages."
        ),
    )
    default_description = models.TextField(
        _("description par défaut"),
        blank=True,
        max_length=300,
        help_text=_(
            "Résumé du site repris par les moteurs de recherche et les réseaux "
            "sociaux pour les pages qui n'ont pas leur propre description."
        ),
    )
    contact_email = models.EmailField(
        _("adresse de contact"),
        blank=True,
        help_text=_("Adresse publique de l'association, affichée en pied de page."),
    )
    postal_address = models.TextField(
        _("adresse postale"),
        blank=True,
        max_length=500,
        help_text=_("Adresse du siège, sur plusieurs lignes si besoin."),
    )

    # ----- Social networks -----
    mastodon_url = models.URLField(
        _("Mastodon"),
        blank=True,
        help_text=_("Adresse complète du compte, par exemple https://instance/@nom."),
    )
    bluesky_url = models.URLField(
        _("Bluesky"), blank=True, help_text=_("Adresse complète du compte.")
    )
    linkedin_url = models.URLField(
        _("LinkedIn"), blank=True, help_text=_("Adresse complète de la page.")
    )
    peertube_url = models.URLField(
        _("PeerTube"), blank=True, help_text=_("Adresse complète de la chaîne vidéo.")
    )
    default_sharing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de partage par défaut"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Image montrée quand une page est partagée sur un réseau social ; "
            "format paysage, au moins 1200 × 630 pixels."
        ),
    )

    # ----- Legal pages -----
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page des mentions légales"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Liée depuis le pied de page de tout le site."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page des données personnelles"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Liée depuis le pied de page et depuis chaque formulaire."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page de la déclaration d'accessibilité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Liée depuis le pied de page de tout le site."),
    )
    accessibility_status = models.CharField(
        _("état de conformité"),
        max_length=30,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.NOT_COMPLIANT,
        help_text=_(
            "Résultat du dernier audit d'accessibilité (RGAA), affiché en pied de "
            "page. Sans audit, le site est « non conforme »."
        ),
    )

    # ----- Personal data -----
    data_controller = models.CharField(
        _("responsable du traitement"),
        max_length=200,
        blank=True,
        help_text=_(
            "Organisme responsable des données personnelles recueillies par le "
            "site, en général l'association elle-même."
        ),
    )
    data_protection_email = models.EmailField(
        _("contact données personnelles"),
        blank=True,
        help_text=_(
            "Adresse où exercer ses droits (accès, rectification, effacement) ; "
            "celle du délégué à la protection des données s'il y en a un."
        ),
    )
    unconfirmed_retention_days = models.PositiveSmallIntegerField(
        _("conservation des demandes non confirmées (jours)"),
        default=30,
        help_text=_(
            "Délai après lequel une signature dont l'adresse n'a pas été "
            "confirmée est effacée."
        ),
    )
    contact_retention_months = models.PositiveSmallIntegerField(
        _("conservation des coordonnées (mois)"),
        default=36,
        help_text=_(
            "Délai pendant lequel les coordonnées des signataires et des auteurs "
            "de propositions sont gardées après le retrait, le refus ou la fin "
            "du projet."
        ),
    )

    signature_legal_basis = models.CharField(
        _("base légale des signatures"),
        max_length=20,
        choices=LegalBasis.choices,
        default=LegalBasis.CONSENT,
        help_text=_(
            "Fondement du recueil du nom, du mandat et de l'adresse des "
            "signataires du manifeste, affiché sur la page des données "
            "personnelles."
        ),
    )
    contribution_legal_basis = models.CharField(
        _("base légale des propositions et suggestions"),
        max_length=20,
        choices=LegalBasis.choices,
        default=LegalBasis.CONSENT,
        help_text=_(
            "Fondement du recueil des coordonnées de qui propose un projet ou "
            "suggère une mise à jour, affiché sur la page des données "
            "personnelles."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("default_description"),
                FieldPanel("contact_email"),
                FieldPanel("postal_address"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mastodon_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("peertube_url"),
                FieldPanel("default_sharing_image"),
            ],
            heading=_("Réseaux sociaux et partage"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("legal_notice_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("accessibility_status"),
            ],
            heading=_("Pages légales"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("data_controller"),
                FieldPanel("data_protection_email"),
                FieldPanel("unconfirmed_retention_days"),
                FieldPanel("contact_retention_months"),
                FieldPanel("signature_legal_basis"),
                FieldPanel("contribution_legal_basis"),
            ],
            heading=_("Données personnelles"),
        ),
    ]

    # The footer of every page reads the legal pages and the sharing image:
    # fetch them with the settings, in one query.
    select_related = [
        "legal_notice_page",
        "privacy_page",
        "accessibility_page",
        "default_sharing_image",
    ]

    class Meta:
        verbose_name = _("paramètres du site")
        verbose_name_plural = _("paramètres du site")

    @property
    def social_links(self):
        """The social network accounts filled in, as (name, URL) pairs."""
        accounts = [
            ("Mastodon", self.mastodon_url),
            ("Bluesky", self.bluesky_url),
            ("LinkedIn", self.linkedin_url),
            ("PeerTube", self.peertube_url),
        ]
        return [(name, url) for name, url in accounts if url]
