"""Builders of library data for tests."""

import datetime

from django.utils import timezone

from library.choices import Phase, SystemKind
from library.models import AICapability, PartnerOrganisation, ProjectPage, Theme
from tests.factories import make_collectivity


def make_theme(name="Eau et assainissement", slug=None):
    theme, _ = Theme.objects.get_or_create(name=name, defaults={"slug": slug or ""})
    return theme


def make_capability(name="Vision par ordinateur", slug=None):
    capability, _ = AICapability.objects.get_or_create(
        name=name, defaults={"slug": slug or ""}
    )
    return capability


def make_organisation(name="Laboratoire d'exemple", kind="recherche"):
    organisation, _ = PartnerOrganisation.objects.get_or_create(
        name=name, defaults={"kind": kind}
    )
    return organisation


def default_collectivity():
    from territories.models import Collectivity

    existing = Collectivity.objects.filter(code="31254").first()
    return existing or make_collectivity()


def make_project(
    index,
    title="Détection des fuites d'eau",
    *,
    themes=(),
    capabilities=(),
    publish=True,
    **fields,
):
    """Create a project under the index, published through a revision by default."""
    fields.setdefault("summary", "Repérer les fuites du réseau d'eau potable.")
    fields.setdefault("problem", "Un quart de l'eau potable se perd en fuites.")
    fields.setdefault("phase", Phase.PILOT)
    fields.setdefault("system_kind", SystemKind.MACHINE_LEARNING)
    if "lead_collectivity" not in fields:
        fields["lead_collectivity"] = default_collectivity()
    page = ProjectPage(title=title, live=False, **fields)
    index.add_child(instance=page)
    page.themes.set(themes)
    page.capabilities.set(capabilities)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def make_projects_quickly(
    index, count, *, offset=0, themes=(), capabilities=(), **fields
):
    """Many live projects without revisions, for tests that need volume only."""
    fields.setdefault("summary", "Un projet parmi d'autres.")
    fields.setdefault("problem", "Un problème.")
    fields.setdefault("phase", Phase.PILOT)
    fields.setdefault("system_kind", SystemKind.RULES)
    if "lead_collectivity" not in fields:
        fields["lead_collectivity"] = default_collectivity()
    now = timezone.now()
    pages = []
    for number in range(offset, offset + count):
        published = now - datetime.timedelta(minutes=number)
        page = ProjectPage(
            title=f"Projet {number:04d}",
            slug=f"projet-{number:04d}",
            live=True,
            first_published_at=published,
            last_published_at=published,
            **fields,
        )
        index.add_child(instance=page)
        pages.append(page)
    ThemeLink = ProjectPage.themes.through
    ThemeLink.objects.bulk_create(
        ThemeLink(projectpage=page, theme=theme) for page in pages for theme in themes
    )
    CapabilityLink = ProjectPage.capabilities.through
    CapabilityLink.objects.bulk_create(
        CapabilityLink(projectpage=page, aicapability=capability)
        for page in pages
        for capability in capabilities
    )
    return pages


def fill_every_field(page):
    """Give every field of the record a recognisable value (in memory)."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    from library import assessment
    from library.choices import (
        BudgetRange,
        BuildDuration,
        DataOrigin,
        EthicsStage,
        FundingSource,
        Hosting,
        ImpactAssessment,
        LegalBasis,
        Procurement,
        SourceLicence,
        YesNoNotStated,
    )
    from library.models import (
        ProjectDocument,
        ProjectLink,
        ProjectPartner,
        ProjectPartnerCollectivity,
    )

    page.start_month = datetime.date(2022, 3, 1)
    page.end_month = datetime.date(2024, 6, 1)
    page.website = "https://www.example.org/fuites"
    page.contact_role = "Direction du cycle de l'eau"
    page.contact_email = "eau@example.org"
    page.illustration = Image.objects.create(
        title="Compteur", file=get_test_image_file()
    )
    page.illustration_alt = "Un compteur d'eau relevé à distance"
    page.objectives = "Réduire les pertes de 20 %."
    page.beneficiaries = "Les abonnés du réseau."
    page.alternatives = "Une recherche acoustique manuelle."
    page.usefulness_evidence = "Trois fuites majeures repérées en six mois."
    page.budget_range = BudgetRange.FROM_50K_TO_200K
    page.funding_sources = [FundingSource.OWN_BUDGET, FundingSource.EUROPE]
    page.funding_details = "Fonds FEDER pour moitié."
    page.internal_staff = "Un chef de projet à mi-temps"
    page.build_duration = BuildDuration.FROM_6_TO_12_MONTHS
    page.skills = "Science des données, hydraulique."
    page.procurement = Procurement.PUBLIC_CONTRACT
    page.procurement_details = "Marché à procédure adaptée de deux ans."
    page.data_used = "Index horaires des compteurs."
    page.data_origins = [DataOrigin.SENSORS]
    page.personal_data = YesNoNotStated.YES
    page.hosting = Hosting.PROVIDER_FRANCE
    page.hosting_details = "Hébergeur qualifié SecNumCloud."
    page.source_code_url = "https://code.example.org/fuites"
    page.source_licence = SourceLicence.EUPL
    page.reversibility = "Données et modèle restitués en fin de marché."
    page.measured_results = "Pertes réduites de 12 % la première année."
    page.inclusion_effects = "Aucun effet sur l'accès au service."
    page.agents_effects = "Les fontainiers interviennent plus tôt."
    page.environmental_cost = "Environ 40 kWh par an de calcul."
    page.environmental_cost_method = "Mesure de la consommation du serveur."
    page.risk_mitigation = "Alertes relues par un technicien."
    page.human_oversight = "Un agent valide chaque intervention."
    page.ethics_committee = "Comité de cinq membres dont deux habitants."
    page.ethics_committee_stages = [EthicsStage.DESIGN, EthicsStage.EVALUATION]
    page.citizen_involvement = "Réunion publique de présentation."
    page.objection_procedure = "Demande écrite au service de l'eau."
    page.legal_basis = LegalBasis.PUBLIC_TASK
    page.legal_basis_details = "Délibération du 12 mai 2022."
    page.impact_assessment = ImpactAssessment.DONE
    page.lessons_learned = "Commencer par un quartier pilote."
    for criterion in assessment.CRITERIA:
        setattr(page, criterion.field_name, assessment.Answer.PARTLY)
        setattr(page, criterion.evidence_field_name, f"Preuve pour {criterion.key}")
    page.partner_collectivities.add(
        ProjectPartnerCollectivity(
            collectivity=make_collectivity(
                name="Toulouse", code="31555", siren="213105554"
            ),
            role="Partage des données de son réseau",
        )
    )
    page.partners.add(
        ProjectPartner(
            organisation=make_organisation("Hydro Données", "entreprise"),
            role="Développement du modèle",
        )
    )
    document = Document(title="Cahier des charges")
    document.file.save("cahier.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    page.documents.add(ProjectDocument(document=document, description="Version 2"))
    page.links.add(
        ProjectLink(label="Rapport d'évaluation", url="https://example.org/rapport")
    )
    return page
