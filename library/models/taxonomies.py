"""Reference lists that editors curate and pick from when describing a project."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.search import index

from ..choices import OrganisationKind


class Taxon(index.Indexed, models.Model):
    """A term of a short vocabulary, addressed by its slug in public filters.

    Concrete vocabularies declare their own ``name``, with the help text that
    suits them.
    """

    slug = models.SlugField(
        _("identifiant"),
        max_length=100,
        unique=True,
        allow_unicode=False,
        help_text=_(
            "Identifiant utilisé dans les adresses des filtres et les données "
            "ouvertes. Ne le changez plus une fois publié."
        ),
    )
    description = models.TextField(
        _("description"),
        max_length=500,
        blank=True,
        help_text=_("Une ou deux phrases qui précisent ce que recouvre ce terme."),
    )

    panels = [
        TitleFieldPanel("name", placeholder=False),
        FieldPanel("slug"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:100]
        super().save(*args, **kwargs)


class Theme(Taxon):
    """A field of public action a project serves (water, mobility, social, ...)."""

    name = models.CharField(
        _("nom"),
        max_length=100,
        unique=True,
        help_text=_(
            "Domaine de l'action publique, par exemple « Eau et assainissement »."
        ),
    )

    class Meta(Taxon.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")


class AICapability(Taxon):
    """What the AI of a project does (vision, language, forecasting, ...)."""

    name = models.CharField(
        _("nom"),
        max_length=100,
        unique=True,
        help_text=_(
            "Ce que fait le système, par exemple « Vision par ordinateur » ou "
            "« Prévision »."
        ),
    )

    class Meta(Taxon.Meta):
        verbose_name = _("capacité d'IA")
        verbose_name_plural = _("capacités d'IA")


class PartnerOrganisation(index.Indexed, models.Model):
    """An organisation other than a local authority that took part in projects."""

    name = models.CharField(
        _("nom"),
        max_length=200,
        unique=True,
        help_text=_("Nom usuel de l'organisation, tel qu'elle se présente."),
    )
    kind = models.CharField(
        _("nature"),
        max_length=20,
        choices=OrganisationKind.choices,
        help_text=_(
            "Entreprise, laboratoire de recherche, association ou organisme public."
        ),
    )
    website = models.URLField(
        _("site web"),
        max_length=500,
        blank=True,
        help_text=_("Adresse du site officiel de l'organisation."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation partenaire")
        verbose_name_plural = _("organisations partenaires")

    def __str__(self):
        return self.name
