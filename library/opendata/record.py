"""The public record of a project, described once for every open format.

``FIELDS`` lists, in their published order, the fields of a project that
anyone may read: each with its stable public name, its label, the JSON value
it takes, how it is read from a project page and, unless it is read-only, how
a value is checked and written back. The CSV columns, the JSON export, the
JSON Schema, the fields of the API and the importer are all made from this
list, so that they cannot drift apart. ``GROUPS`` holds the same fields by
section of the record, as the data dictionary presents them.

Only public facts are described here: the contact of whoever proposed a
project, moderators' notes and unpublished drafts never reach this module.

Names are French, in snake_case, and stable. A field is never renamed or
removed, nor a vocabulary value changed, without a new ``SCHEMA_VERSION``
(``library.record``) and an entry in ``CHANGELOG``.
"""

from dataclasses import dataclass

from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext_lazy as _

from .. import assessment
from .. import record as record_sections
from .fields import (
    URL,
    Boolean,
    Choice,
    ChoiceList,
    Date,
    DateTime,
    Derived,
    Documents,
    Email,
    LeadCollectivity,
    Links,
    Month,
    PartnerCollectivities,
    Partners,
    Slug,
    Terms,
    Text,
)

SCHEMA_VERSION = record_sections.SCHEMA_VERSION

# Newest first. Each entry: the version, the date it was published, and what
# changed for whoever reads the data.
CHANGELOG = (
    (
        "1.0",
        "2026-12-03",
        _(
            "Première version publiée : identité, finalité, moyens, partenaires, "
            "technique, impacts, gouvernance, réutilisation, évaluation au "
            "regard du manifeste et dates de la fiche."
        ),
    ),
)

# In a CSV cell, the items of a list of codes are joined by this separator.


# ----- The record -----


def _lead(getter):
    def read(page, context):
        collectivity = page.lead_collectivity
        return getter(collectivity) if collectivity else ""

    return read


def criterion_name(criterion):
    return "evaluation_" + criterion.slug.replace("-", "_")


@dataclass(frozen=True)
class Group:
    """The fields of the record that make one section of a project's page."""

    section: record_sections.Section
    fields: tuple

    @property
    def key(self):
        return self.section.key

    @property
    def heading(self):
        return self.section.heading


def _assessment_fields():
    fields = []
    for criterion in assessment.CRITERIA:
        name = criterion_name(criterion)
        fields += [
            Choice(name, criterion.field_name, description=criterion.question),
            Text(f"{name}_preuves", criterion.evidence_field_name),
        ]
    return fields


GROUPS = (
    Group(
        record_sections.IDENTITY,
        (
            Slug(
                "slug",
                "slug",
                label=_("Identifiant"),
                description=_(
                    "Identifiant de la fiche dans l'adresse de sa page. Un import "
                    "reconnaît par lui un projet déjà présent."
                ),
                in_api=False,
            ),
            Derived(
                "url",
                lambda page, context: iri_to_uri(f"{context.library_url}{page.slug}/"),
                label=_("Adresse de la fiche"),
                in_api=False,
            ),
            Text("titre", "title", label=_("Titre"), description="", in_api=False),
            Text("resume", "summary"),
            Boolean("exemple_fictif", "is_fictional_example"),
            LeadCollectivity(
                "collectivite_porteuse",
                "lead_collectivity",
                description=_(
                    "Identifiant public de la collectivité qui porte le projet : son "
                    "SIREN, ou « departement-<code> », « region-<code> »."
                ),
            ),
            Derived(
                "collectivite_porteuse_nom",
                _lead(lambda collectivity: collectivity.name),
                label=_("Nom de la collectivité porteuse"),
            ),
            Derived(
                "collectivite_porteuse_nature",
                _lead(lambda collectivity: collectivity.kind),
                label=_("Nature de la collectivité porteuse"),
                description=_(
                    "commune, cc, ca, cu, metropole, ept, departement ou region, "
                    "comme dans le référentiel des collectivités."
                ),
            ),
            Derived(
                "collectivite_porteuse_departement",
                _lead(lambda collectivity: collectivity.departement_id or ""),
                label=_("Département de la collectivité porteuse"),
                description=_("Code officiel du département (COG)."),
            ),
            Derived(
                "collectivite_porteuse_region",
                _lead(lambda collectivity: collectivity.region_id or ""),
                label=_("Région de la collectivité porteuse"),
                description=_("Code officiel de la région (COG)."),
            ),
            PartnerCollectivities(
                "collectivites_partenaires",
                "partner_collectivities",
                label=_("Collectivités partenaires"),
                description=_(
                    "Les collectivités qui participent au projet sans le porter."
                ),
            ),
            Terms("themes", "themes"),
            Month("debut", "start_month"),
            Month("fin", "end_month"),
            Choice("phase", "phase"),
            URL("page_web", "website"),
            Text("contact_service", "contact_role"),
            Email("contact_courriel", "contact_email"),
        ),
    ),
    Group(
        record_sections.PURPOSE,
        (
            Text("probleme", "problem"),
            Text("objectifs", "objectives"),
            Text("beneficiaires", "beneficiaries"),
            Text("alternatives", "alternatives"),
            Text("preuves_utilite", "usefulness_evidence"),
        ),
    ),
    Group(
        record_sections.RESOURCES,
        (
            Choice("budget", "budget_range"),
            ChoiceList("financements", "funding_sources"),
            Text("financements_precisions", "funding_details"),
            Text("equipe_interne", "internal_staff"),
            Choice("duree_mise_en_place", "build_duration"),
            Text("competences", "skills"),
        ),
    ),
    Group(
        record_sections.PARTNERS,
        (
            Partners(
                "partenaires",
                "partners",
                label=_("Organisations partenaires"),
                description=_(
                    "Entreprises, laboratoires, associations et organismes publics qui "
                    "ont pris part au projet, et leur rôle. nature : entreprise, "
                    "recherche, association ou organisme-public."
                ),
            ),
            Choice("mode_achat", "procurement"),
            Text("mode_achat_precisions", "procurement_details"),
        ),
    ),
    Group(
        record_sections.TECHNIQUE,
        (
            Choice("nature_systeme", "system_kind"),
            Terms("capacites", "capabilities"),
            Text("donnees_utilisees", "data_used"),
            ChoiceList("origine_donnees", "data_origins"),
            Choice("donnees_personnelles", "personal_data"),
            Choice("hebergement", "hosting"),
            Text("hebergement_precisions", "hosting_details"),
            URL("code_source", "source_code_url"),
            Choice("licence_code", "source_licence"),
            Text("reversibilite", "reversibility"),
        ),
    ),
    Group(
        record_sections.IMPACTS,
        (
            Text("resultats_mesures", "measured_results"),
            Text("effets_inclusion", "inclusion_effects"),
            Text("effets_agents", "agents_effects"),
            Text("cout_environnemental", "environmental_cost"),
            Text("cout_environnemental_methode", "environmental_cost_method"),
        ),
    ),
    Group(
        record_sections.GOVERNANCE,
        (
            Text("risques_biais", "risk_mitigation"),
            Text("controle_humain", "human_oversight"),
            Text("comite_ethique", "ethics_committee"),
            ChoiceList("comite_ethique_etapes", "ethics_committee_stages"),
            Text("participation_citoyenne", "citizen_involvement"),
            Text("contestation", "objection_procedure"),
            Choice("base_legale", "legal_basis"),
            Text("base_legale_precisions", "legal_basis_details"),
            Choice("analyse_impact", "impact_assessment"),
        ),
    ),
    Group(
        record_sections.REUSE,
        (
            Text("enseignements", "lessons_learned"),
            Documents(
                "documents",
                "documents",
                label=_("Documents réutilisables"),
                description=_(
                    "Documents publiés avec la fiche. Lecture seule : un import ne "
                    "dépose pas de fichiers."
                ),
            ),
            Links(
                "liens",
                "links",
                label=_("Liens"),
                description=_("Ressources sur le projet publiées ailleurs."),
            ),
        ),
    ),
    Group(record_sections.ASSESSMENT, tuple(_assessment_fields())),
    Group(
        record_sections.RECORD,
        (
            DateTime(
                "date_publication",
                "first_published_at",
                label=_("Date de première publication"),
                description=_(
                    "Lue par un import seulement quand il crée le projet, pour garder "
                    "la date d'origine d'une fiche venue d'un autre site."
                ),
                on_create_only=True,
                in_api=False,
            ),
            DateTime(
                "date_mise_a_jour",
                "last_published_at",
                label=_("Date de dernière mise à jour"),
                description=_(
                    "Lue par un import seulement quand il crée le projet ; une mise à "
                    "jour par import prend la date de l'import."
                ),
                on_create_only=True,
            ),
            Date(
                "date_prochaine_revue",
                "next_review_date",
                description=_(
                    "Date fixée pour relire la fiche. Vide, la revue tombe un an après "
                    "la dernière mise à jour."
                ),
            ),
            Derived(
                "version_schema_fiche",
                lambda page, context: page.record_schema_version,
                label=_("Version du schéma"),
                description=_(
                    "Version du schéma sous laquelle la fiche a été enregistrée."
                ),
            ),
        ),
    ),
)

FIELDS = tuple(field for group in GROUPS for field in group.fields)
FIELDS_BY_NAME = {field.name: field for field in FIELDS}
NAMES = tuple(FIELDS_BY_NAME)
KEY = FIELDS_BY_NAME["slug"]


def read(page, context, fields=FIELDS):
    """The public record of ``page``, as a dict in the published order."""
    return {field.name: field.read(page, context) for field in fields}


# ----- CSV cells -----

# A spreadsheet may run a cell that starts with one of these as a formula. A
# leading apostrophe is escaped too, so that reading a cell back is exact.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "'")


def neutralise(text):
    """Keep a spreadsheet from reading a cell as a formula."""
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def restore(text):
    """Undo ``neutralise()``: drop one leading apostrophe."""
    return text[1:] if text.startswith("'") else text
