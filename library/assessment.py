"""The manifesto assessment of a project: the criteria, in one place.

Each of the manifesto's four chapters is assessed through a few criteria. For
each criterion a project answers yes, partly, no or not stated, and gives the
evidence behind its answer. Everything that deals with the assessment iterates
over ``CRITERIA``: the model's columns, the editor's panels, the public panel,
the library's summary, the filters and the open data.

Storage: each criterion is two plain columns on the project page, an indexed
answer and a free-text evidence (``assessment_<key>`` and
``assessment_<key>_evidence``), generated from this registry.

- Filtering and counting by criterion are then ordinary indexed lookups on one
  table (``assessment_bias=oui``), and all the criteria of all projects are
  counted in a single aggregate query, whatever their number.
- Page revisions, the admin's comparison of versions, the public history and
  the search index all handle plain fields with no extra work, which they do
  not for related rows.
- The editor always sees every criterion, once, with its question as help
  text: rows in a child table could be missing or duplicated.

The cost is that adding or removing a criterion is a schema migration. That is
intended: the criteria are part of the published record schema, whose version
changes with them.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class Answer(models.TextChoices):
    YES = "oui", _("Oui")
    PARTLY = "en-partie", _("En partie")
    NO = "non", _("Non")
    NOT_STATED = "non-renseigne", _("Non renseigné")


EVIDENCE_MAX_LENGTH = 1000


@dataclass(frozen=True)
class Chapter:
    number: int
    title: str


@dataclass(frozen=True)
class Criterion:
    """One question of the assessment, asked of every project."""

    key: str
    chapter: Chapter
    label: str
    question: str
    slug: str

    @property
    def field_name(self):
        return f"assessment_{self.key}"

    @property
    def evidence_field_name(self):
        return f"assessment_{self.key}_evidence"


SOCIAL = Chapter(1, _("Une IA sociale"))
OPEN = Chapter(2, _("Une IA ouverte et démocratique"))
USEFUL = Chapter(3, _("Une IA utile et proportionnée"))
SHARED = Chapter(4, _("Une gouvernance partagée et territoriale"))

CHAPTERS = (SOCIAL, OPEN, USEFUL, SHARED)

CRITERIA = (
    Criterion(
        "usefulness",
        SOCIAL,
        _("Utilité démontrée"),
        _(
            "L'utilité du projet pour le service public est-elle démontrée par "
            "des mesures ou une évaluation ?"
        ),
        "utilite",
    ),
    Criterion(
        "inclusion",
        SOCIAL,
        _("Inclusion des publics vulnérables"),
        _(
            "Les personnes vulnérables ou éloignées du numérique ont-elles été "
            "prises en compte (accès, recours à un agent) ?"
        ),
        "inclusion",
    ),
    Criterion(
        "bias",
        SOCIAL,
        _("Biais évalués"),
        _("Les risques de biais et de discrimination ont-ils été évalués et traités ?"),
        "biais",
    ),
    Criterion(
        "transparency",
        OPEN,
        _("Transparence"),
        _(
            "Le fonctionnement, les données et les limites du système sont-ils "
            "expliqués publiquement ?"
        ),
        "transparence",
    ),
    Criterion(
        "reversibility",
        OPEN,
        _("Réversibilité"),
        _(
            "La collectivité peut-elle arrêter ou remplacer le système sans "
            "perdre ses données ni le service rendu ?"
        ),
        "reversibilite",
    ),
    Criterion(
        "ethics_committee",
        OPEN,
        _("Comité d'éthique"),
        _("Un comité d'éthique pluriel suit-il le projet à ses différentes étapes ?"),
        "comite-ethique",
    ),
    Criterion(
        "ecological_cost",
        USEFUL,
        _("Coût écologique estimé"),
        _(
            "Le coût environnemental du projet (calcul, matériel, données) "
            "a-t-il été estimé ?"
        ),
        "cout-ecologique",
    ),
    Criterion(
        "frugality",
        USEFUL,
        _("Frugalité"),
        _(
            "La solution retenue est-elle la plus sobre au regard du besoin "
            "(taille du modèle, données, calcul) ?"
        ),
        "frugalite",
    ),
    Criterion(
        "transitions",
        USEFUL,
        _("Contribution aux transitions"),
        _(
            "Le projet contribue-t-il aux transitions sociales et "
            "environnementales du territoire ?"
        ),
        "transitions",
    ),
    Criterion(
        "citizens",
        SHARED,
        _("Habitants et associations associés"),
        _("Des habitants ou des associations ont-ils participé aux choix du projet ?"),
        "habitants",
    ),
    Criterion(
        "agents",
        SHARED,
        _("Agents associés"),
        _(
            "Les agents publics concernés ont-ils été associés à la conception "
            "et au déploiement ?"
        ),
        "agents",
    ),
    Criterion(
        "public_education",
        SHARED,
        _("Information et médiation"),
        _(
            "Le projet donne-t-il lieu à des actions d'information ou de "
            "médiation auprès des habitants ?"
        ),
        "mediation",
    ),
)

CRITERIA_BY_KEY = {criterion.key: criterion for criterion in CRITERIA}


def criteria_of(chapter):
    return [criterion for criterion in CRITERIA if criterion.chapter == chapter]


def model_fields():
    """The model fields that hold the assessment, by attribute name, in order."""
    fields = {}
    for criterion in CRITERIA:
        fields[criterion.field_name] = models.CharField(
            criterion.label,
            max_length=16,
            choices=Answer.choices,
            default=Answer.NOT_STATED,
            db_index=True,
            help_text=criterion.question,
        )
        fields[criterion.evidence_field_name] = models.TextField(
            format_lazy("{} : {}", criterion.label, _("éléments de preuve")),
            max_length=EVIDENCE_MAX_LENGTH,
            blank=True,
            help_text=_(
                "Ce qui fonde la réponse : document, mesure, décision, lien. "
                "Laissez vide si la réponse est « Non renseigné »."
            ),
        )
    return fields
