"""The controlled vocabularies of a project record.

Stored values are short French slugs: they appear in public addresses (filters)
and in the open data, so they must stay stable once published.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.TextChoices):
    IDEA = "idee", _("Idée")
    EXPERIMENT = "experimentation", _("Expérimentation")
    PILOT = "pilote", _("Pilote")
    PRODUCTION = "en-production", _("En production")
    STOPPED = "arrete", _("Arrêté")


class SystemKind(models.TextChoices):
    RULES = "regles", _("Système à base de règles")
    MACHINE_LEARNING = "apprentissage-automatique", _("Apprentissage automatique")
    GENERATIVE = "generatif", _("IA générative")
    HYBRID = "hybride", _("Hybride")


class BudgetRange(models.TextChoices):
    UNDER_10K = "moins-de-10k", _("Moins de 10 000 €")
    FROM_10K_TO_50K = "10k-50k", _("De 10 000 à 50 000 €")
    FROM_50K_TO_200K = "50k-200k", _("De 50 000 à 200 000 €")
    FROM_200K_TO_1M = "200k-1m", _("De 200 000 € à 1 million d'euros")
    OVER_1M = "plus-de-1m", _("Plus d'un million d'euros")
    NOT_STATED = "non-communique", _("Non communiqué")


class FundingSource(models.TextChoices):
    OWN_BUDGET = "budget-propre", _("Budget propre de la collectivité")
    STATE = "etat", _("État (plan national, appel à projets)")
    EUROPE = "europe", _("Fonds européens")
    OTHER_AUTHORITY = "autre-collectivite", _("Autre collectivité")
    RESEARCH = "recherche", _("Programme de recherche")
    PRIVATE = "prive", _("Partenaire privé ou mécénat")
    OTHER = "autre", _("Autre")


class BuildDuration(models.TextChoices):
    UNDER_3_MONTHS = "moins-de-3-mois", _("Moins de 3 mois")
    FROM_3_TO_6_MONTHS = "3-6-mois", _("De 3 à 6 mois")
    FROM_6_TO_12_MONTHS = "6-12-mois", _("De 6 à 12 mois")
    FROM_1_TO_2_YEARS = "1-2-ans", _("De 1 à 2 ans")
    OVER_2_YEARS = "plus-de-2-ans", _("Plus de 2 ans")
    NOT_STATED = "non-communique", _("Non communiqué")


class Procurement(models.TextChoices):
    PUBLIC_CONTRACT = "marche-public", _("Marché public")
    PURCHASING_CENTRE = "centrale-achat", _("Centrale d'achat")
    IN_HOUSE = "interne", _("Développement interne")
    RESEARCH_PARTNERSHIP = "partenariat-recherche", _("Partenariat de recherche")
    PUBLIC_AGREEMENT = "convention-publique", _("Convention entre acteurs publics")
    CALL_FOR_PROJECTS = "appel-a-projets", _("Appel à projets ou subvention")
    FREE_SOFTWARE_REUSE = "reutilisation-libre", _("Réutilisation d'un logiciel libre")
    OTHER = "autre", _("Autre")


class DataOrigin(models.TextChoices):
    AUTHORITY = "collectivite", _("Données de la collectivité")
    OPEN_DATA = "donnees-ouvertes", _("Données ouvertes")
    PARTNERS = "partenaires", _("Données de partenaires")
    SENSORS = "capteurs", _("Capteurs et objets connectés")
    USERS = "usagers", _("Données fournies par les usagers")
    PURCHASED = "achetees", _("Données achetées")
    SYNTHETIC = "synthetiques", _("Données synthétiques")


class YesNoNotStated(models.TextChoices):
    YES = "oui", _("Oui")
    NO = "non", _("Non")
    NOT_STATED = "non-renseigne", _("Non renseigné")


class Hosting(models.TextChoices):
    IN_HOUSE = "interne", _("Serveurs de la collectivité")
    PUBLIC_OPERATOR = "operateur-public", _("Opérateur public ou mutualisé")
    PROVIDER_FRANCE = "prestataire-france", _("Prestataire en France")
    PROVIDER_EU = "prestataire-ue", _("Prestataire dans l'Union européenne")
    PROVIDER_OUTSIDE_EU = (
        "prestataire-hors-ue",
        _("Prestataire hors de l'Union européenne"),
    )
    NOT_STATED = "non-renseigne", _("Non renseigné")


class SourceLicence(models.TextChoices):
    EUPL = "eupl-1.2", "EUPL 1.2"
    AGPL = "agpl-3.0", "AGPL 3.0"
    GPL = "gpl-3.0", "GPL 3.0"
    LGPL = "lgpl-3.0", "LGPL 3.0"
    MPL = "mpl-2.0", "MPL 2.0"
    CECILL = "cecill-2.1", "CeCILL 2.1"
    CECILL_B = "cecill-b", "CeCILL-B"
    APACHE = "apache-2.0", "Apache 2.0"
    MIT = "mit", "MIT"
    BSD = "bsd-3-clause", "BSD 3-Clause"
    OTHER_FREE = "autre-libre", _("Autre licence libre")
    NOT_PUBLISHED = "non-publie", _("Code non publié")


class EthicsStage(models.TextChoices):
    DESIGN = "conception", _("Conception")
    PROCUREMENT = "choix-prestataire", _("Choix du prestataire")
    EXPERIMENT = "experimentation", _("Expérimentation")
    DEPLOYMENT = "deploiement", _("Déploiement")
    EVALUATION = "evaluation", _("Évaluation")


class LegalBasis(models.TextChoices):
    PUBLIC_TASK = "mission-interet-public", _("Mission d'intérêt public")
    LEGAL_OBLIGATION = "obligation-legale", _("Obligation légale")
    CONSENT = "consentement", _("Consentement")
    CONTRACT = "contrat", _("Contrat")
    NOT_APPLICABLE = "sans-objet", _("Sans objet (aucune donnée personnelle)")
    NOT_STATED = "non-renseigne", _("Non renseigné")


class ImpactAssessment(models.TextChoices):
    """Whether a data protection impact assessment (AIPD) was carried out."""

    DONE = "realisee", _("Réalisée")
    IN_PROGRESS = "en-cours", _("En cours")
    NOT_REQUIRED = "non-requise", _("Non requise")
    NOT_DONE = "non-realisee", _("Non réalisée")
    NOT_STATED = "non-renseigne", _("Non renseigné")


class OrganisationKind(models.TextChoices):
    COMPANY = "entreprise", _("Entreprise")
    RESEARCH = "recherche", _("Recherche")
    ASSOCIATION = "association", _("Association")
    PUBLIC_BODY = "organisme-public", _("Organisme public")
