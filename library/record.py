"""The shape of a project record: its sections, in the order a visitor reads them.

The editor's tabs, the public page, the proposal form and the history of
versions follow these sections, so that a record reads the same everywhere.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import assessment

# The version of the record's structure. It changes whenever a field or a
# vocabulary value is added, renamed or removed, and is stored on each record
# so that a reader of the open data knows which structure a record follows.
SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    fields: tuple


IDENTITY = Section(
    "identite",
    _("Identité"),
    (
        "title",
        "summary",
        "lead_collectivity",
        "partner_collectivities",
        "themes",
        "start_month",
        "end_month",
        "phase",
        "website",
        "contact_role",
        "contact_email",
        "is_fictional_example",
        "illustration",
        "illustration_alt",
    ),
)
PURPOSE = Section(
    "finalite",
    _("Finalité et utilité"),
    ("problem", "objectives", "beneficiaries", "alternatives", "usefulness_evidence"),
)
RESOURCES = Section(
    "moyens",
    _("Moyens"),
    (
        "budget_range",
        "funding_sources",
        "funding_details",
        "internal_staff",
        "build_duration",
        "skills",
    ),
)
PARTNERS = Section(
    "partenaires",
    _("Partenaires"),
    ("partners", "procurement", "procurement_details"),
)
TECHNIQUE = Section(
    "technique",
    _("Technique"),
    (
        "system_kind",
        "capabilities",
        "data_used",
        "data_origins",
        "personal_data",
        "hosting",
        "hosting_details",
        "source_code_url",
        "source_licence",
        "reversibility",
    ),
)
IMPACTS = Section(
    "impacts",
    _("Impacts"),
    (
        "measured_results",
        "inclusion_effects",
        "agents_effects",
        "environmental_cost",
        "environmental_cost_method",
    ),
)
GOVERNANCE = Section(
    "gouvernance",
    _("Gouvernance et éthique"),
    (
        "risk_mitigation",
        "human_oversight",
        "ethics_committee",
        "ethics_committee_stages",
        "citizen_involvement",
        "objection_procedure",
        "legal_basis",
        "legal_basis_details",
        "impact_assessment",
    ),
)
REUSE = Section(
    "reutilisation",
    _("Réutilisation"),
    ("lessons_learned", "documents", "links"),
)
ASSESSMENT = Section(
    "evaluation",
    _("Évaluation au regard du manifeste"),
    tuple(
        name
        for criterion in assessment.CRITERIA
        for name in (criterion.field_name, criterion.evidence_field_name)
    ),
)
RECORD = Section(
    "fiche",
    _("Fiche"),
    ("next_review_date", "record_schema_version"),
)

SECTIONS = (
    IDENTITY,
    PURPOSE,
    RESOURCES,
    PARTNERS,
    TECHNIQUE,
    IMPACTS,
    GOVERNANCE,
    REUSE,
    ASSESSMENT,
    RECORD,
)

# Sections shown as plain descriptive text on the public page, between the
# summary box and the assessment panel.
DESCRIPTIVE_SECTIONS = (
    PURPOSE,
    RESOURCES,
    PARTNERS,
    TECHNIQUE,
    IMPACTS,
    GOVERNANCE,
    REUSE,
)
