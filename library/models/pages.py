"""The library's pages: its index and one page per documented project."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .. import assessment, record
from ..choices import (
    BudgetRange,
    BuildDuration,
    DataOrigin,
    EthicsStage,
    FundingSource,
    Hosting,
    ImpactAssessment,
    LegalBasis,
    Phase,
    Procurement,
    SourceLicence,
    SystemKind,
    YesNoNotStated,
)
from ..fields import ChoiceListField
from ..opendata.api import api_fields
from ..panels import ProposalPanel
from .assessment import ManifestoAssessment

REVIEW_INTERVAL = datetime.timedelta(days=365)


# The views behind the pages' routes live in library.views, which imports
# these models: each route imports it when called.


class LibraryIndexPage(RoutablePageMixin, Page):
    """The library of territorial AI projects: the list of projects and its filters."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Quelques phrases qui présentent la bibliothèque et invitent les "
            "collectivités à y décrire leurs projets."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.ProjectPage"]

    # Paths under the index that are served by the index itself, so that no
    # project may take them as its slug.
    reserved_slugs = frozenset({"proposer", "au-regard-du-manifeste"})

    class Meta:
        verbose_name = _("bibliothèque de projets")

    @path("")
    def listing(self, request):
        from .. import views

        return views.library_listing(request, self)

    @path("au-regard-du-manifeste/")
    def assessment_summary(self, request):
        from .. import views

        return views.library_assessment_summary(request, self)

    @path("proposer/")
    def propose(self, request):
        from .. import views

        return views.propose(request, self)

    @path("proposer/merci/")
    def proposal_received(self, request):
        from .. import views

        return views.proposal_received(request, self)

    def projects(self):
        """The published projects of the library, as visitors may see them."""
        return ProjectPage.objects.child_of(self).live().public()


class ProjectPage(RoutablePageMixin, ManifestoAssessment, Page):
    """One AI project of a local authority, documented so others can reproduce it.

    The fields follow the sections of ``library.record``; the manifesto
    assessment comes from ``ManifestoAssessment``.
    """

    # ----- Identity -----

    summary = models.CharField(
        _("résumé"),
        max_length=240,
        help_text=_(
            "Le projet en une phrase : ce qu'il fait et pour qui (240 signes au plus)."
        ),
    )
    lead_collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivité porteuse"),
        on_delete=models.PROTECT,
        null=True,
        related_name="led_projects",
        help_text=_("La collectivité qui porte le projet."),
    )
    themes = ParentalManyToManyField(
        "library.Theme",
        verbose_name=_("thèmes"),
        related_name="projects",
        help_text=_("Les domaines de l'action publique que le projet sert."),
    )
    start_month = models.DateField(
        _("début"),
        null=True,
        blank=True,
        help_text=_("Mois de lancement du projet ; seuls le mois et l'année comptent."),
    )
    end_month = models.DateField(
        _("fin"),
        null=True,
        blank=True,
        help_text=_(
            "Mois de fin du projet, s'il est terminé ou arrêté ; seuls le mois "
            "et l'année comptent."
        ),
    )
    phase = models.CharField(
        _("phase"),
        max_length=20,
        choices=Phase.choices,
        db_index=True,
        help_text=_("Où en est le projet aujourd'hui."),
    )
    website = models.URLField(
        _("page web du projet"),
        max_length=500,
        blank=True,
        help_text=_(
            "Page publique qui présente le projet, sur le site de la collectivité."
        ),
    )
    contact_role = models.CharField(
        _("service à contacter"),
        max_length=200,
        blank=True,
        help_text=_(
            "Un service ou une fonction, jamais le nom d'une personne, par "
            "exemple « Direction du numérique »."
        ),
    )
    contact_email = models.EmailField(
        _("adresse de contact"),
        blank=True,
        help_text=_(
            "Une adresse fonctionnelle du service (par exemple "
            "numerique@ville.fr), jamais une adresse nominative."
        ),
    )
    is_fictional_example = models.BooleanField(
        _("exemple fictif"),
        default=False,
        help_text=_(
            "Cochez si la fiche décrit un cas imaginé pour illustrer la "
            "bibliothèque et non un projet réel. Elle sera signalée comme telle."
        ),
    )
    illustration = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("illustration"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Une image qui montre le projet (facultative)."),
    )
    illustration_alt = models.CharField(
        _("texte alternatif de l'illustration"),
        max_length=250,
        blank=True,
        help_text=_(
            "Ce que l'image apporte, pour qui ne la voit pas. Obligatoire si "
            "une illustration est choisie."
        ),
    )

    # ----- Purpose and usefulness -----

    problem = models.TextField(
        _("problème traité"),
        max_length=2000,
        help_text=_(
            "Le besoin ou la difficulté de service public à l'origine du projet."
        ),
    )
    objectives = models.TextField(
        _("objectifs"),
        max_length=2000,
        blank=True,
        help_text=_("Ce que le projet doit permettre, si possible de façon mesurable."),
    )
    beneficiaries = models.TextField(
        _("bénéficiaires"),
        max_length=1000,
        blank=True,
        help_text=_("Qui en bénéficie : habitants, usagers, agents, entreprises…"),
    )
    alternatives = models.TextField(
        _("alternatives envisagées"),
        max_length=1500,
        blank=True,
        help_text=_(
            "Les autres solutions étudiées, sans IA comprise, et pourquoi elles "
            "n'ont pas été retenues."
        ),
    )
    usefulness_evidence = models.TextField(
        _("preuves d'utilité"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Ce qui montre que le projet est utile : mesure, évaluation, retours."
        ),
    )

    # ----- Resources -----

    budget_range = models.CharField(
        _("budget"),
        max_length=20,
        choices=BudgetRange.choices,
        default=BudgetRange.NOT_STATED,
        help_text=_("Coût total du projet à ce jour, toutes dépenses comprises."),
    )
    funding_sources = ChoiceListField(
        _("financements"),
        vocabulary=FundingSource,
        help_text=_("Qui a financé le projet ; plusieurs réponses possibles."),
    )
    funding_details = models.TextField(
        _("précisions sur le financement"),
        max_length=1000,
        blank=True,
        help_text=_("Programme, appel à projets, part de chaque financeur…"),
    )
    internal_staff = models.CharField(
        _("équipe interne"),
        max_length=300,
        blank=True,
        help_text=_(
            "Les agents mobilisés, en fonctions et en temps, par exemple "
            "« un chef de projet à mi-temps, deux techniciens »."
        ),
    )
    build_duration = models.CharField(
        _("durée de mise en place"),
        max_length=20,
        choices=BuildDuration.choices,
        default=BuildDuration.NOT_STATED,
        help_text=_("Du lancement à la première utilisation réelle."),
    )
    skills = models.TextField(
        _("compétences"),
        max_length=1000,
        blank=True,
        help_text=_("Les compétences nécessaires, internes ou externes."),
    )

    # ----- Partners -----

    procurement = models.CharField(
        _("mode d'achat"),
        max_length=24,
        choices=Procurement.choices,
        blank=True,
        help_text=_("Comment le service ou la solution a été obtenu."),
    )
    procurement_details = models.TextField(
        _("précisions sur l'achat"),
        max_length=1000,
        blank=True,
        help_text=_("Type de marché, durée, clauses de réversibilité ou d'ouverture…"),
    )

    # ----- Technique -----

    system_kind = models.CharField(
        _("nature du système"),
        max_length=28,
        choices=SystemKind.choices,
        db_index=True,
        help_text=_("La famille technique du système."),
    )
    capabilities = ParentalManyToManyField(
        "library.AICapability",
        verbose_name=_("capacités d'IA"),
        related_name="projects",
        blank=True,
        help_text=_("Ce que fait le système : vision, langage, prévision…"),
    )
    data_used = models.TextField(
        _("données utilisées"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Les données qui servent à entraîner ou à faire fonctionner le système."
        ),
    )
    data_origins = ChoiceListField(
        _("origine des données"),
        vocabulary=DataOrigin,
        help_text=_("D'où viennent ces données ; plusieurs réponses possibles."),
    )
    personal_data = models.CharField(
        _("données personnelles"),
        max_length=16,
        choices=YesNoNotStated.choices,
        default=YesNoNotStated.NOT_STATED,
        help_text=_("Le système traite-t-il des données personnelles ?"),
    )
    hosting = models.CharField(
        _("hébergement"),
        max_length=24,
        choices=Hosting.choices,
        default=Hosting.NOT_STATED,
        help_text=_("Où le système et ses données sont hébergés."),
    )
    hosting_details = models.CharField(
        _("précisions sur l'hébergement"),
        max_length=500,
        blank=True,
        help_text=_("Hébergeur, qualification (SecNumCloud, HDS…), localisation."),
    )
    source_code_url = models.URLField(
        _("code source"),
        max_length=500,
        blank=True,
        help_text=_("Adresse du dépôt de code source, s'il est publié."),
    )
    source_licence = models.CharField(
        _("licence du code"),
        max_length=16,
        choices=SourceLicence.choices,
        blank=True,
        help_text=_("La licence sous laquelle le code est publié."),
    )
    reversibility = models.TextField(
        _("réversibilité et plan de sortie"),
        max_length=1500,
        blank=True,
        help_text=_(
            "Comment la collectivité peut arrêter le système ou en changer : "
            "récupération des données, des modèles, du code."
        ),
    )

    # ----- Impacts -----

    measured_results = models.TextField(
        _("résultats mesurés"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Les effets observés, chiffrés si possible, et leur méthode de mesure."
        ),
    )
    inclusion_effects = models.TextField(
        _("effets sur l'inclusion"),
        max_length=1500,
        blank=True,
        help_text=_(
            "Effets sur l'accès au service des personnes vulnérables ou "
            "éloignées du numérique."
        ),
    )
    agents_effects = models.TextField(
        _("effets sur le travail des agents"),
        max_length=1500,
        blank=True,
        help_text=_("Ce qui a changé pour les agents : tâches, charge, compétences."),
    )
    environmental_cost = models.TextField(
        _("coût environnemental"),
        max_length=1500,
        blank=True,
        help_text=_(
            "Énergie, matériel, émissions : ce que coûte le projet à l'environnement."
        ),
    )
    environmental_cost_method = models.TextField(
        _("méthode d'estimation du coût environnemental"),
        max_length=1500,
        blank=True,
        help_text=_("Comment ce coût a été estimé : outil, périmètre, hypothèses."),
    )

    # ----- Governance and ethics -----

    risk_mitigation = models.TextField(
        _("risques et maîtrise des biais"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Les risques identifiés, notamment de biais ou de discrimination, "
            "et ce qui a été fait pour les réduire."
        ),
    )
    human_oversight = models.TextField(
        _("contrôle humain"),
        max_length=1500,
        blank=True,
        help_text=_("Qui vérifie les résultats du système, et qui décide in fine."),
    )
    ethics_committee = models.TextField(
        _("comité d'éthique"),
        max_length=1500,
        blank=True,
        help_text=_("Composition et rôle du comité d'éthique, s'il existe."),
    )
    ethics_committee_stages = ChoiceListField(
        _("étapes suivies par le comité d'éthique"),
        vocabulary=EthicsStage,
        help_text=_("Les étapes du projet auxquelles le comité est intervenu."),
    )
    citizen_involvement = models.TextField(
        _("participation des habitants et des associations"),
        max_length=1500,
        blank=True,
        help_text=_("Comment habitants et associations ont été associés aux choix."),
    )
    objection_procedure = models.TextField(
        _("contestation"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Comment une personne peut s'opposer au traitement ou contester "
            "un résultat qui la concerne."
        ),
    )
    legal_basis = models.CharField(
        _("base légale"),
        max_length=24,
        choices=LegalBasis.choices,
        default=LegalBasis.NOT_STATED,
        help_text=_("La base légale du traitement au sens du RGPD."),
    )
    legal_basis_details = models.CharField(
        _("précisions sur la base légale"),
        max_length=500,
        blank=True,
        help_text=_("Texte de loi, délibération ou décision qui fonde le traitement."),
    )
    impact_assessment = models.CharField(
        _("analyse d'impact (AIPD)"),
        max_length=16,
        choices=ImpactAssessment.choices,
        default=ImpactAssessment.NOT_STATED,
        help_text=_(
            "Une analyse d'impact relative à la protection des données a-t-elle "
            "été menée ?"
        ),
    )

    # ----- Reuse -----

    lessons_learned = models.TextField(
        _("enseignements"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Ce que vous referiez, ce que vous feriez autrement, les pièges à éviter."
        ),
    )

    # ----- Record -----

    next_review_date = models.DateField(
        _("prochaine revue"),
        null=True,
        blank=True,
        help_text=_(
            "Date à laquelle la fiche sera relue avec la collectivité. Laissée "
            "vide, elle tombe un an après la dernière mise à jour."
        ),
    )
    record_schema_version = models.CharField(
        _("version du schéma de la fiche"),
        max_length=10,
        default=record.SCHEMA_VERSION,
        help_text=_("Mise à jour automatiquement à chaque enregistrement."),
    )

    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = []

    # The public record, as the open data exports give it (library.opendata).
    api_fields = api_fields()

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("objectives"),
        index.SearchField("beneficiaries"),
        index.SearchField("data_used"),
        index.SearchField("measured_results"),
        index.SearchField("lessons_learned"),
        index.AutocompleteField("summary"),
        index.RelatedFields("lead_collectivity", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("capabilities", [index.SearchField("name")]),
        index.RelatedFields(
            "partners",
            [index.RelatedFields("organisation", [index.SearchField("name")])],
        ),
        index.FilterField("phase"),
        index.FilterField("system_kind"),
    ]

    class Meta:
        verbose_name = _("projet")
        verbose_name_plural = _("projets")

    def save(self, *args, **kwargs):
        self.record_schema_version = record.SCHEMA_VERSION
        self.start_month = first_of_month(self.start_month)
        self.end_month = first_of_month(self.end_month)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.illustration_id and not self.illustration_alt.strip():
            errors["illustration_alt"] = _(
                "Décrivez l'illustration pour les personnes qui ne la voient pas."
            )
        if self.start_month and self.end_month and self.end_month < self.start_month:
            errors["end_month"] = _("La fin ne peut pas précéder le début.")
        if self.slug in LibraryIndexPage.reserved_slugs:
            errors["slug"] = _("Cette adresse est réservée par la bibliothèque.")
        if errors:
            raise ValidationError(errors)

    @path("")
    def record(self, request):
        from .. import views

        return views.project_record(request, self)

    @path("signaler/")
    def suggest_update(self, request):
        from .. import views

        return views.suggest_update(request, self)

    @path("signaler/merci/")
    def suggestion_received(self, request):
        from .. import views

        return views.suggestion_received(request, self)

    @path("historique/")
    def history(self, request):
        from .. import views

        return views.project_history(request, self)

    @property
    def first_publication_date(self):
        return self.first_published_at

    @property
    def last_update_date(self):
        return self.last_published_at

    @property
    def review_date(self):
        """When the record is due for review: as set, else a year after its update."""
        if self.next_review_date:
            return self.next_review_date
        if self.last_published_at:
            return timezone.localdate(self.last_published_at) + REVIEW_INTERVAL
        return None

    def related_projects(self, limit=3):
        """Other published projects sharing the most themes and capabilities."""
        shared_terms = {
            "themes": [theme.pk for theme in self.themes.all()],
            "capabilities": [capability.pk for capability in self.capabilities.all()],
        }
        counts = [
            Count(relation, filter=Q(**{f"{relation}__in": ids}), distinct=True)
            for relation, ids in shared_terms.items()
            if ids
        ]
        if not counts:
            return []
        shared = counts[0] if len(counts) == 1 else counts[0] + counts[1]
        return list(
            ProjectPage.objects.live()
            .public()
            .exclude(pk=self.pk)
            .annotate(shared=shared)
            .filter(shared__gt=0)
            .select_related("lead_collectivity")
            .order_by("-shared", "-last_published_at", "title")[:limit]
        )


def first_of_month(value):
    return value.replace(day=1) if value else value


class ProjectPartnerCollectivity(Orderable):
    """A local authority that takes part in a project it does not lead."""

    project = ParentalKey(
        ProjectPage, on_delete=models.CASCADE, related_name="partner_collectivities"
    )
    collectivity = models.ForeignKey(
        "territories.Collectivity",
        verbose_name=_("collectivité"),
        on_delete=models.PROTECT,
        related_name="project_partnerships",
        help_text=_("Une collectivité partenaire du projet."),
    )
    role = models.CharField(
        _("rôle"),
        max_length=300,
        blank=True,
        help_text=_("Ce qu'elle apporte au projet (facultatif)."),
    )

    panels = [FieldPanel("collectivity"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("collectivité partenaire")
        verbose_name_plural = _("collectivités partenaires")


class ProjectPartner(Orderable):
    """An organisation that took part in a project, and what it did."""

    project = ParentalKey(
        ProjectPage, on_delete=models.CASCADE, related_name="partners"
    )
    organisation = models.ForeignKey(
        "library.PartnerOrganisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="project_partnerships",
        help_text=_("L'organisation partenaire (entreprise, recherche, association…)."),
    )
    role = models.CharField(
        _("rôle"),
        max_length=300,
        blank=True,
        help_text=_("Ce qu'elle a fait : développement, données, évaluation…"),
    )

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")


class ProjectDocument(Orderable):
    """A document of a project that others can reuse (specifications, study…)."""

    project = ParentalKey(
        ProjectPage, on_delete=models.CASCADE, related_name="documents"
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Le document, déposé dans la médiathèque."),
    )
    description = models.CharField(
        _("description"),
        max_length=250,
        blank=True,
        help_text=_("Ce que contient le document, en une phrase (facultatif)."),
    )

    panels = [FieldPanel("document"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class ProjectLink(Orderable):
    """A link to a resource about a project elsewhere (article, dataset, report)."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(
        _("intitulé"),
        max_length=150,
        help_text=_(
            "Ce que le lien montre, par exemple « Rapport d'évaluation 2024 »."
        ),
    )
    url = models.URLField(
        _("adresse"), max_length=500, help_text=_("L'adresse complète de la ressource.")
    )

    panels = [FieldPanel("label"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("lien")
        verbose_name_plural = _("liens")


# ----- Editor's layout -----
# One tab per section of the record, in the order of the public page.


def _assessment_panels():
    panels = [
        HelpPanel(
            content=_(
                "Pour chaque critère du manifeste, répondez et indiquez ce qui "
                "fonde la réponse. « Non renseigné » signale une information "
                "manquante, pas un défaut du projet."
            )
        )
    ]
    for chapter in assessment.CHAPTERS:
        children = []
        for criterion in assessment.criteria_of(chapter):
            children += [
                FieldPanel(criterion.field_name, widget=forms.RadioSelect),
                FieldPanel(criterion.evidence_field_name),
            ]
        panels.append(
            MultiFieldPanel(children, heading=f"{chapter.number}. {chapter.title}")
        )
    return panels


_SECTION_PANELS = {
    record.IDENTITY.key: [
        ProposalPanel(),
        TitleFieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("lead_collectivity"),
        MultipleChooserPanel(
            "partner_collectivities",
            chooser_field_name="collectivity",
            heading=_("Collectivités partenaires"),
            label=_("Collectivité partenaire"),
        ),
        FieldPanel(
            "themes", widget=forms.CheckboxSelectMultiple, required_on_save=False
        ),
        FieldRowPanel(
            [FieldPanel("start_month"), FieldPanel("end_month")],
            heading=_("Période"),
        ),
        FieldPanel("phase"),
        FieldPanel("website"),
        FieldRowPanel(
            [FieldPanel("contact_role"), FieldPanel("contact_email")],
            heading=_("Contact"),
        ),
        FieldPanel("is_fictional_example"),
        MultiFieldPanel(
            [FieldPanel("illustration"), FieldPanel("illustration_alt")],
            heading=_("Illustration"),
        ),
    ],
    record.PURPOSE.key: [FieldPanel(name) for name in record.PURPOSE.fields],
    record.RESOURCES.key: [
        FieldPanel("budget_range"),
        FieldPanel("funding_sources"),
        FieldPanel("funding_details"),
        FieldPanel("internal_staff"),
        FieldPanel("build_duration"),
        FieldPanel("skills"),
    ],
    record.PARTNERS.key: [
        MultipleChooserPanel(
            "partners",
            chooser_field_name="organisation",
            heading=_("Organisations partenaires"),
            label=_("Partenaire"),
        ),
        FieldPanel("procurement"),
        FieldPanel("procurement_details"),
    ],
    record.TECHNIQUE.key: [
        FieldPanel("system_kind"),
        FieldPanel("capabilities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("data_used"),
        FieldPanel("data_origins"),
        FieldPanel("personal_data"),
        FieldRowPanel([FieldPanel("hosting"), FieldPanel("hosting_details")]),
        FieldRowPanel([FieldPanel("source_code_url"), FieldPanel("source_licence")]),
        FieldPanel("reversibility"),
    ],
    record.IMPACTS.key: [FieldPanel(name) for name in record.IMPACTS.fields],
    record.GOVERNANCE.key: [
        FieldPanel("risk_mitigation"),
        FieldPanel("human_oversight"),
        FieldPanel("ethics_committee"),
        FieldPanel("ethics_committee_stages"),
        FieldPanel("citizen_involvement"),
        FieldPanel("objection_procedure"),
        FieldRowPanel([FieldPanel("legal_basis"), FieldPanel("legal_basis_details")]),
        FieldPanel("impact_assessment"),
    ],
    record.REUSE.key: [
        FieldPanel("lessons_learned"),
        InlinePanel(
            "documents", heading=_("Documents réutilisables"), label=_("Document")
        ),
        InlinePanel("links", heading=_("Liens"), label=_("Lien")),
    ],
    record.ASSESSMENT.key: _assessment_panels(),
    record.RECORD.key: [
        FieldPanel("next_review_date"),
        FieldPanel("record_schema_version", read_only=True),
    ],
}

ProjectPage.edit_handler = TabbedInterface(
    [
        *(
            ObjectList(_SECTION_PANELS[section.key], heading=section.heading)
            for section in record.SECTIONS
        ),
        ObjectList(Page.promote_panels, heading=_("Référencement")),
        ObjectList(Page.settings_panels, heading=_("Réglages"), classname="settings"),
    ]
)
