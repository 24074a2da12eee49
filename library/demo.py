"""Demo content of the library: its index, vocabularies and a dozen projects.

Every project here is invented to show what a record looks like, and is
flagged as a fictional example, which the site says wherever the project
appears; the authorities it names are real ones of the register, chosen only
to spread the examples over kinds of authority and régions. The organisations
are invented too, and say so in their name.

Loading is idempotent: what exists (found by slug or name) is left as it is,
so that loading twice changes nothing and editors' changes are kept.
"""

import datetime
import logging

from wagtail.models import Site

from territories.models import Collectivity

from . import assessment
from .choices import Phase, SystemKind
from .models import (
    AICapability,
    LibraryIndexPage,
    PartnerOrganisation,
    ProjectPage,
    ProjectPartner,
    ProjectPartnerCollectivity,
    Theme,
)
from .opendata.demo import get_or_create_open_data_page

logger = logging.getLogger(__name__)

INDEX = {
    "slug": "bibliotheque",
    "title": "Bibliothèque d'IA territoriales",
    "introduction": (
        "<p>Des projets d'intelligence artificielle menés par des collectivités, "
        "décrits pour que d'autres puissent en juger et les reproduire : ce "
        "qu'ils font, ce qu'ils coûtent, avec qui, pour quels résultats, et "
        "comment ils répondent au manifeste.</p>"
        "<p>Les fiches marquées « Exemple fictif » illustrent la bibliothèque : "
        "elles ne décrivent pas de projets réels.</p>"
    ),
}

THEMES = [
    ("Eau et assainissement", "eau-et-assainissement"),
    ("Énergie et bâtiments", "energie-et-batiments"),
    ("Mobilité", "mobilite"),
    ("Action sociale", "action-sociale"),
    ("Relation aux usagers", "relation-aux-usagers"),
    ("Environnement et nature en ville", "environnement"),
    ("Déchets et propreté", "dechets-et-proprete"),
    ("Administration et démocratie locale", "administration"),
    ("Voirie et espace public", "voirie"),
    ("Éducation et jeunesse", "education"),
]

CAPABILITIES = [
    ("Détection d'anomalies", "detection-anomalies"),
    ("Prévision", "prevision"),
    ("Optimisation", "optimisation"),
    ("Vision par ordinateur", "vision"),
    ("Traitement du langage", "langage"),
    ("Génération de texte", "generation-de-texte"),
    ("Classification", "classification"),
]

ORGANISATIONS = [
    ("Hydrodonnées (exemple)", "entreprise"),
    ("Laboratoire universitaire d'informatique (exemple)", "recherche"),
    ("Association de médiation numérique (exemple)", "association"),
    ("Syndicat mixte du numérique (exemple)", "organisme-public"),
    ("Bureau d'études en énergie (exemple)", "entreprise"),
]

# The authorities named by the examples: (kind, official code) in the register.
K = Collectivity.Kind
NIORT = (K.CA, "200041317")
DIJON = (K.COMMUNE, "21231")
BREST = (K.METROPOLE, "242900314")
ISERE = (K.DEPARTEMENT, "38")
NANTES = (K.METROPOLE, "244400404")
NORD = (K.DEPARTEMENT, "59")
MONTPELLIER = (K.COMMUNE, "34172")
GRENOBLE = (K.METROPOLE, "200040715")
LA_ROCHELLE = (K.CA, "241700434")
LABEGE = (K.COMMUNE, "31254")
GIRONDE = (K.DEPARTEMENT, "33")
BRETAGNE = (K.REGION, "53")
SAINT_DENIS = (K.COMMUNE, "97411")
BORDEAUX = (K.COMMUNE, "33063")

DEMO_COLLECTIVITIES = (
    NIORT,
    DIJON,
    BREST,
    ISERE,
    NANTES,
    NORD,
    MONTPELLIER,
    GRENOBLE,
    LA_ROCHELLE,
    LABEGE,
    GIRONDE,
    BRETAGNE,
    SAINT_DENIS,
    BORDEAUX,
)

Y, P, N = assessment.Answer.YES, assessment.Answer.PARTLY, assessment.Answer.NO


def month(year, number):
    return datetime.date(year, number, 1)


PROJECTS = [
    {
        "slug": "detection-fuites-reseau-eau",
        "title": "Détection des fuites sur le réseau d'eau potable",
        "lead": NIORT,
        "themes": ["eau-et-assainissement"],
        "capabilities": ["detection-anomalies", "prevision"],
        "phase": Phase.PRODUCTION,
        "system_kind": SystemKind.MACHINE_LEARNING,
        "partners": [
            ("Hydrodonnées (exemple)", "Développement et maintenance du modèle")
        ],
        "fields": {
            "summary": (
                "Repérer au plus tôt les fuites du réseau en comparant les débits "
                "nocturnes mesurés aux débits attendus."
            ),
            "start_month": month(2022, 4),
            "problem": (
                "Une part importante de l'eau produite se perd dans les "
                "canalisations avant d'atteindre les abonnés ; les fuites "
                "discrètes restent des mois sans être vues."
            ),
            "objectives": "Réduire les pertes du réseau et le délai de réparation.",
            "beneficiaries": (
                "Les abonnés du service de l'eau et les équipes de réseau."
            ),
            "alternatives": (
                "Campagnes d'écoute acoustique, gardées en complément sur les "
                "secteurs signalés."
            ),
            "usefulness_evidence": (
                "Comparaison du rendement du réseau un an avant et un an après "
                "la mise en service."
            ),
            "budget_range": "50k-200k",
            "funding_sources": ["budget-propre", "etat"],
            "internal_staff": (
                "Un ingénieur réseau à mi-temps, l'équipe de recherche de fuites"
            ),
            "build_duration": "6-12-mois",
            "procurement": "marche-public",
            "data_used": (
                "Débits des sectorisations au pas de dix minutes, historique des "
                "réparations."
            ),
            "data_origins": ["collectivite", "capteurs"],
            "personal_data": "non",
            "hosting": "prestataire-france",
            "source_licence": "non-publie",
            "reversibility": (
                "Le marché prévoit la restitution des données et des paramètres "
                "du modèle dans un format ouvert."
            ),
            "measured_results": (
                "Rendement du réseau passé de 78 % à 82 % en deux ans (chiffres "
                "d'exemple)."
            ),
            "agents_effects": (
                "Les équipes partent sur des secteurs ciblés plutôt qu'en tournée."
            ),
            "environmental_cost": (
                "Calcul léger, quelques minutes par nuit sur un serveur mutualisé."
            ),
            "human_oversight": (
                "Chaque alerte est qualifiée par un technicien avant intervention."
            ),
            "legal_basis": "sans-objet",
            "impact_assessment": "non-requise",
            "lessons_learned": "Fiabiliser d'abord les compteurs de sectorisation.",
        },
        "assessment": {
            "usefulness": (Y, "Gain de rendement mesuré sur deux ans."),
            "reversibility": (Y, "Clause de restitution dans le marché."),
            "ecological_cost": (P, "Estimation du calcul, sans le matériel."),
            "frugality": (Y, "Modèle statistique simple, pas d'apprentissage profond."),
            "transitions": (Y, "Moins d'eau prélevée dans la ressource."),
            "agents": (Y, "Conçu avec l'équipe de recherche de fuites."),
        },
    },
    {
        "slug": "pilotage-energetique-ecoles",
        "title": "Pilotage énergétique des écoles",
        "lead": DIJON,
        "themes": ["energie-et-batiments", "education"],
        "capabilities": ["prevision", "optimisation"],
        "phase": Phase.PILOT,
        "system_kind": SystemKind.MACHINE_LEARNING,
        "partners": [
            ("Bureau d'études en énergie (exemple)", "Instrumentation et réglages")
        ],
        "fields": {
            "summary": (
                "Anticiper le chauffage des écoles selon la météo et l'occupation "
                "pour ne chauffer que lorsque c'est utile."
            ),
            "start_month": month(2023, 9),
            "problem": (
                "Des bâtiments chauffés les jours sans classe et aux heures vides."
            ),
            "objectives": (
                "Baisser la consommation de chauffage sans dégrader le confort."
            ),
            "beneficiaries": "Élèves, enseignants et agents des écoles.",
            "budget_range": "50k-200k",
            "funding_sources": ["budget-propre", "europe"],
            "build_duration": "6-12-mois",
            "procurement": "marche-public",
            "data_used": (
                "Températures intérieures, planning d'occupation, prévisions météo."
            ),
            "data_origins": ["capteurs", "collectivite", "donnees-ouvertes"],
            "personal_data": "non",
            "hosting": "interne",
            "measured_results": (
                "Pilote en cours sur six écoles ; premiers résultats attendus en fin "
                "d'hiver."
            ),
            "environmental_cost": "Capteurs sur batterie, remplacés tous les cinq ans.",
            "environmental_cost_method": (
                "Inventaire du matériel installé et de sa durée de vie."
            ),
            "legal_basis": "sans-objet",
            "impact_assessment": "non-requise",
        },
        "assessment": {
            "usefulness": (P, "Mesure en cours sur un hiver complet."),
            "ecological_cost": (Y, "Inventaire du matériel et du calcul."),
            "frugality": (P, "Capteurs ajoutés là où la GTB manquait."),
            "transitions": (Y, "Baisse attendue des émissions du patrimoine scolaire."),
        },
    },
    {
        "slug": "optimisation-station-epuration",
        "title": "Optimisation de l'aération d'une station d'épuration",
        "lead": BREST,
        "themes": ["eau-et-assainissement", "energie-et-batiments"],
        "capabilities": ["optimisation"],
        "phase": Phase.EXPERIMENT,
        "system_kind": SystemKind.HYBRID,
        "partners": [
            (
                "Laboratoire universitaire d'informatique (exemple)",
                "Modélisation du procédé",
            )
        ],
        "fields": {
            "summary": (
                "Régler l'aération des bassins au plus juste de la charge "
                "polluante, premier poste de consommation de la station."
            ),
            "start_month": month(2024, 2),
            "problem": "L'aération tourne souvent au-delà du besoin, par précaution.",
            "objectives": (
                "Réduire l'électricité consommée en respectant les normes de rejet."
            ),
            "budget_range": "10k-50k",
            "funding_sources": ["budget-propre", "recherche"],
            "procurement": "partenariat-recherche",
            "data_used": "Mesures d'oxygène dissous, d'ammonium et de débit entrant.",
            "data_origins": ["capteurs"],
            "personal_data": "non",
            "hosting": "interne",
            "source_code_url": "https://example.org/code/aeration",
            "source_licence": "eupl-1.2",
            "human_oversight": (
                "Les consignes restent bornées et l'exploitant peut reprendre la main."
            ),
            "legal_basis": "sans-objet",
            "impact_assessment": "non-requise",
        },
        "assessment": {
            "reversibility": (Y, "Retour aux consignes fixes à tout moment."),
            "transparency": (Y, "Code publié sous licence libre."),
            "frugality": (Y, "Règles métier complétées par un petit modèle."),
            "ecological_cost": (N, ""),
        },
    },
    {
        "slug": "transport-a-la-demande-rural",
        "title": "Transport à la demande dans les territoires ruraux",
        "lead": ISERE,
        "themes": ["mobilite", "action-sociale"],
        "capabilities": ["optimisation"],
        "phase": Phase.PRODUCTION,
        "system_kind": SystemKind.RULES,
        "partner_collectivities": [GRENOBLE],
        "fields": {
            "summary": (
                "Regrouper les réservations de trajets pour composer chaque jour "
                "des tournées de minibus."
            ),
            "start_month": month(2021, 1),
            "problem": "Des villages sans ligne régulière, des habitants sans voiture.",
            "beneficiaries": (
                "Personnes âgées, jeunes et demandeurs d'emploi des communes rurales."
            ),
            "budget_range": "200k-1m",
            "funding_sources": ["budget-propre", "autre-collectivite"],
            "procurement": "marche-public",
            "data_used": (
                "Réservations, adresses de prise en charge, temps de parcours."
            ),
            "data_origins": ["usagers", "donnees-ouvertes"],
            "personal_data": "oui",
            "hosting": "prestataire-france",
            "inclusion_effects": (
                "Réservation possible par téléphone auprès d'un agent."
            ),
            "objection_procedure": (
                "Demande auprès du service mobilité, par écrit ou par téléphone."
            ),
            "legal_basis": "mission-interet-public",
            "impact_assessment": "realisee",
        },
        "assessment": {
            "usefulness": (Y, "Fréquentation suivie mois par mois."),
            "inclusion": (Y, "Canal téléphonique gardé pour toutes les réservations."),
            "transparency": (P, "Règles de regroupement décrites sur le site."),
            "citizens": (P, "Consultation des conseils municipaux concernés."),
        },
    },
    {
        "slug": "assistant-questions-habitants",
        "title": "Assistant de réponse aux questions des habitants",
        "lead": NANTES,
        "themes": ["relation-aux-usagers"],
        "capabilities": ["langage", "generation-de-texte"],
        "phase": Phase.EXPERIMENT,
        "system_kind": SystemKind.GENERATIVE,
        "partners": [
            (
                "Association de médiation numérique (exemple)",
                "Tests avec des habitants éloignés du numérique",
            )
        ],
        "fields": {
            "summary": (
                "Proposer aux agents d'accueil un brouillon de réponse appuyé sur "
                "les pages officielles, qu'ils relisent avant tout envoi."
            ),
            "start_month": month(2024, 10),
            "problem": "Des délais de réponse longs aux messages des habitants.",
            "objectives": "Répondre plus vite sans remplacer l'agent.",
            "budget_range": "10k-50k",
            "funding_sources": ["budget-propre"],
            "procurement": "reutilisation-libre",
            "data_used": (
                "Pages publiques du site de la collectivité ; aucun message n'entraîne"
                " le modèle."
            ),
            "data_origins": ["collectivite"],
            "personal_data": "oui",
            "hosting": "operateur-public",
            "human_oversight": "Aucune réponse ne part sans validation d'un agent.",
            "ethics_committee": (
                "Comité réunissant élus, agents, chercheurs et habitants."
            ),
            "ethics_committee_stages": ["conception", "experimentation"],
            "citizen_involvement": (
                "Ateliers de test avec une association de médiation."
            ),
            "legal_basis": "mission-interet-public",
            "impact_assessment": "en-cours",
        },
        "assessment": {
            "inclusion": (P, "Tests avec des publics éloignés du numérique."),
            "bias": (P, "Relecture d'un échantillon de brouillons par le comité."),
            "ethics_committee": (Y, "Comité pluriel dès la conception."),
            "citizens": (Y, "Ateliers avec une association de médiation."),
            "agents": (Y, "Agents d'accueil associés au choix de l'outil."),
            "ecological_cost": (N, ""),
        },
    },
    {
        "slug": "tri-demandes-aide-sociale",
        "title": "Tri automatique des demandes d'aide sociale",
        "lead": NORD,
        "themes": ["action-sociale"],
        "capabilities": ["classification", "langage"],
        "phase": Phase.STOPPED,
        "system_kind": SystemKind.MACHINE_LEARNING,
        "fields": {
            "summary": (
                "Un outil de tri des courriers de demande d'aide, arrêté après "
                "l'expérimentation faute de garanties suffisantes."
            ),
            "start_month": month(2022, 1),
            "end_month": month(2023, 6),
            "problem": "Des délais d'orientation des demandes vers le bon service.",
            "budget_range": "50k-200k",
            "procurement": "marche-public",
            "personal_data": "oui",
            "hosting": "prestataire-ue",
            "risk_mitigation": (
                "Audit des erreurs de tri par type de demande et de public."
            ),
            "ethics_committee": "Saisi à mi-parcours, il a recommandé l'arrêt.",
            "ethics_committee_stages": ["experimentation", "evaluation"],
            "legal_basis": "mission-interet-public",
            "impact_assessment": "realisee",
            "lessons_learned": (
                "Associer le comité d'éthique dès la conception ; mesurer les "
                "erreurs par public avant tout déploiement."
            ),
        },
        "assessment": {
            "usefulness": (N, "Gain de temps inférieur au temps de contrôle."),
            "bias": (Y, "Audit des erreurs de tri par public."),
            "ethics_committee": (P, "Saisi tardivement."),
            "reversibility": (Y, "Retour au tri manuel sans perte."),
        },
    },
    {
        "slug": "reperage-ilots-de-chaleur",
        "title": "Repérage des îlots de chaleur urbains",
        "lead": MONTPELLIER,
        "themes": ["environnement", "voirie"],
        "capabilities": ["vision"],
        "phase": Phase.PILOT,
        "system_kind": SystemKind.MACHINE_LEARNING,
        "fields": {
            "summary": (
                "Cartographier les surfaces minérales et la végétation à partir "
                "d'images aériennes pour choisir où planter et désimperméabiliser."
            ),
            "start_month": month(2023, 5),
            "problem": (
                "Des quartiers qui surchauffent l'été, sans carte fine pour agir."
            ),
            "budget_range": "10k-50k",
            "funding_sources": ["budget-propre", "etat"],
            "data_used": (
                "Orthophotographies et relevés de température publiés en données "
                "ouvertes."
            ),
            "data_origins": ["donnees-ouvertes"],
            "personal_data": "non",
            "hosting": "interne",
            "source_licence": "mit",
            "citizen_involvement": "Carte présentée en réunions de quartier.",
            "legal_basis": "sans-objet",
            "impact_assessment": "non-requise",
        },
        "assessment": {
            "transparency": (Y, "Carte et méthode publiées."),
            "transitions": (Y, "Sert le plan d'adaptation au climat."),
            "citizens": (P, "Présentation en réunions de quartier."),
            "public_education": (Y, "Carte commentée dans le journal municipal."),
        },
    },
    {
        "slug": "inventaire-arbres-imagerie",
        "title": "Inventaire des arbres par imagerie",
        "lead": GRENOBLE,
        "themes": ["environnement"],
        "capabilities": ["vision", "classification"],
        "phase": Phase.PRODUCTION,
        "system_kind": SystemKind.MACHINE_LEARNING,
        "partners": [
            (
                "Laboratoire universitaire d'informatique (exemple)",
                "Entraînement et évaluation du modèle",
            )
        ],
        "fields": {
            "summary": (
                "Tenir à jour l'inventaire du patrimoine arboré en détectant les "
                "arbres sur des images de rue et aériennes."
            ),
            "start_month": month(2021, 9),
            "problem": "Un inventaire coûteux à tenir à jour sur le terrain.",
            "budget_range": "50k-200k",
            "funding_sources": ["budget-propre", "recherche"],
            "procurement": "partenariat-recherche",
            "data_origins": ["collectivite", "donnees-ouvertes"],
            "personal_data": "non",
            "hosting": "operateur-public",
            "source_code_url": "https://example.org/code/arbres",
            "source_licence": "apache-2.0",
            "measured_results": (
                "Neuf arbres sur dix correctement repérés sur le secteur test (chiffre"
                " d'exemple)."
            ),
            "legal_basis": "sans-objet",
            "impact_assessment": "non-requise",
        },
        "assessment": {
            "usefulness": (Y, "Taux de détection mesuré sur un secteur de référence."),
            "transparency": (Y, "Code et jeu d'évaluation publiés."),
            "agents": (Y, "Jardiniers associés à la vérification."),
        },
    },
    {
        "slug": "frequentation-decheteries",
        "title": "Prévision de la fréquentation des déchèteries",
        "lead": LA_ROCHELLE,
        "themes": ["dechets-et-proprete"],
        "capabilities": ["prevision"],
        "phase": Phase.PRODUCTION,
        "system_kind": SystemKind.MACHINE_LEARNING,
        "fields": {
            "summary": (
                "Annoncer aux habitants les heures d'affluence et adapter les "
                "rotations de bennes."
            ),
            "start_month": month(2022, 10),
            "problem": "Des files d'attente le samedi et des bennes pleines trop tôt.",
            "budget_range": "moins-de-10k",
            "funding_sources": ["budget-propre"],
            "procurement": "interne",
            "data_used": "Comptages des entrées par badge, agrégés par heure.",
            "data_origins": ["collectivite", "donnees-ouvertes"],
            "personal_data": "non",
            "hosting": "interne",
            "environmental_cost": (
                "Un modèle réentraîné chaque semaine sur un ordinateur de bureau."
            ),
            "legal_basis": "sans-objet",
            "impact_assessment": "non-requise",
        },
        "assessment": {
            "frugality": (Y, "Modèle simple entraîné en interne."),
            "ecological_cost": (P, "Ordre de grandeur du calcul seulement."),
            "usefulness": (P, "Baisse des attentes ressentie, non mesurée."),
        },
    },
    {
        "slug": "aide-redaction-comptes-rendus",
        "title": "Aide à la rédaction des comptes rendus de conseil municipal",
        "lead": LABEGE,
        "themes": ["administration"],
        "capabilities": ["generation-de-texte", "langage"],
        "phase": Phase.IDEA,
        "system_kind": SystemKind.GENERATIVE,
        "partner_collectivities": [BORDEAUX],
        "fields": {
            "summary": (
                "Étudier un outil qui propose un premier jet de compte rendu à "
                "partir de l'enregistrement des séances."
            ),
            "problem": "La rédaction des comptes rendus mobilise longuement un agent.",
            "alternatives": "Mutualiser la rédaction avec des communes voisines.",
            "budget_range": "non-communique",
            "personal_data": "oui",
            "legal_basis": "non-renseigne",
        },
        "assessment": {
            "transparency": (N, ""),
            "ethics_committee": (N, ""),
        },
    },
    {
        "slug": "priorisation-entretien-routes",
        "title": "Priorisation de l'entretien des routes départementales",
        "lead": GIRONDE,
        "themes": ["voirie", "mobilite"],
        "capabilities": ["vision", "classification"],
        "phase": Phase.PILOT,
        "system_kind": SystemKind.MACHINE_LEARNING,
        "fields": {
            "summary": (
                "Relever les dégradations de chaussée par caméra embarquée pour "
                "programmer les travaux là où ils sont les plus utiles."
            ),
            "start_month": month(2024, 3),
            "problem": "Des relevés visuels longs et irréguliers selon les secteurs.",
            "budget_range": "50k-200k",
            "funding_sources": ["budget-propre"],
            "procurement": "marche-public",
            "data_used": "Images de chaussée ; visages et plaques floutés à la source.",
            "data_origins": ["capteurs"],
            "personal_data": "oui",
            "hosting": "prestataire-france",
            "risk_mitigation": (
                "Floutage embarqué, images brutes supprimées sous sept jours."
            ),
            "legal_basis": "mission-interet-public",
            "impact_assessment": "realisee",
        },
        "assessment": {
            "bias": (
                P,
                "Vérification de la détection selon l'état et le type de route.",
            ),
            "transparency": (P, "Information sur les véhicules et le site."),
            "agents": (Y, "Agents des routes associés à la notation."),
        },
    },
    {
        "slug": "transport-scolaire-previsions",
        "title": "Prévision des besoins en transport scolaire",
        "lead": BRETAGNE,
        "themes": ["mobilite", "education"],
        "capabilities": ["prevision"],
        "phase": Phase.EXPERIMENT,
        "system_kind": SystemKind.HYBRID,
        "partners": [
            ("Syndicat mixte du numérique (exemple)", "Hébergement et données")
        ],
        "fields": {
            "summary": (
                "Anticiper les inscriptions aux lignes scolaires pour dimensionner "
                "les cars avant la rentrée."
            ),
            "start_month": month(2024, 1),
            "problem": "Des cars trop pleins ou presque vides à la rentrée.",
            "budget_range": "10k-50k",
            "funding_sources": ["budget-propre"],
            "procurement": "convention-publique",
            "data_origins": ["collectivite", "partenaires"],
            "personal_data": "non",
            "hosting": "operateur-public",
            "legal_basis": "sans-objet",
            "impact_assessment": "non-requise",
        },
        "assessment": {
            "usefulness": (P, "Comparaison prévue avec la rentrée suivante."),
            "frugality": (Y, "Règles et régression simple."),
            "reversibility": (Y, "Données et code chez l'opérateur public."),
        },
    },
    {
        "slug": "detection-depots-sauvages",
        "title": "Détection des dépôts sauvages",
        "lead": SAINT_DENIS,
        "themes": ["dechets-et-proprete", "voirie"],
        "capabilities": ["vision"],
        "phase": Phase.EXPERIMENT,
        "system_kind": SystemKind.MACHINE_LEARNING,
        "fields": {
            "summary": (
                "Signaler aux équipes de propreté les dépôts repérés sur les "
                "photos des tournées, sans identifier les personnes."
            ),
            "start_month": month(2024, 6),
            "problem": "Des dépôts signalés tard, parfois après plusieurs semaines.",
            "budget_range": "10k-50k",
            "funding_sources": ["budget-propre", "europe"],
            "procurement": "appel-a-projets",
            "personal_data": "non",
            "hosting": "prestataire-france",
            "citizen_involvement": (
                "Présentation au conseil citoyen avant l'expérimentation."
            ),
            "legal_basis": "sans-objet",
            "impact_assessment": "non-requise",
        },
        "assessment": {
            "citizens": (P, "Présentation au conseil citoyen."),
            "transitions": (P, "Meilleure collecte, effet sur le tri non mesuré."),
        },
    },
]


def load_demo_content():
    index = get_or_create_index()
    if index is None:
        return
    themes = {slug: get_or_create_term(Theme, name, slug) for name, slug in THEMES}
    capabilities = {
        slug: get_or_create_term(AICapability, name, slug)
        for name, slug in CAPABILITIES
    }
    organisations = {
        name: PartnerOrganisation.objects.get_or_create(
            name=name, defaults={"kind": kind}
        )[0]
        for name, kind in ORGANISATIONS
    }
    for spec in PROJECTS:
        add_project(index, spec, themes, capabilities, organisations)
    get_or_create_open_data_page()


def get_or_create_index():
    existing = LibraryIndexPage.objects.first()
    if existing is not None:
        return existing
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page.specific if site else None
    if home is None or not LibraryIndexPage.can_create_at(home):
        logger.warning("Library demo skipped: the site has no home page")
        return None
    index = LibraryIndexPage(
        title=INDEX["title"],
        slug=INDEX["slug"],
        introduction=INDEX["introduction"],
        show_in_menus=True,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    logger.info("Demo library created: id=%d", index.pk)
    return index


def get_or_create_term(model, name, slug):
    term = model.objects.filter(slug=slug).first()
    return term or model.objects.create(name=name, slug=slug)


def find_collectivity(designation):
    kind, code = designation
    return (
        Collectivity.objects.filter(kind=kind, code=code)
        .order_by("-is_current")
        .first()
    )


def add_project(index, spec, themes, capabilities, organisations):
    if ProjectPage.objects.filter(slug=spec["slug"]).exists():
        return
    lead = find_collectivity(spec["lead"])
    if lead is None:
        logger.warning(
            "Demo project skipped, its authority is not in the register: %s",
            spec["slug"],
        )
        return

    page = ProjectPage(
        title=spec["title"],
        slug=spec["slug"],
        lead_collectivity=lead,
        phase=spec["phase"],
        system_kind=spec["system_kind"],
        is_fictional_example=True,
        live=False,
        **spec["fields"],
    )
    for key, (answer, evidence) in spec["assessment"].items():
        criterion = assessment.CRITERIA_BY_KEY[key]
        setattr(page, criterion.field_name, answer)
        setattr(page, criterion.evidence_field_name, evidence)
    page.themes.set([themes[slug] for slug in spec["themes"]])
    page.capabilities.set([capabilities[slug] for slug in spec["capabilities"]])
    for designation in spec.get("partner_collectivities", ()):
        partner = find_collectivity(designation)
        if partner is not None:
            page.partner_collectivities.add(
                ProjectPartnerCollectivity(collectivity=partner)
            )
    for name, role in spec.get("partners", ()):
        page.partners.add(ProjectPartner(organisation=organisations[name], role=role))

    index.add_child(instance=page)
    page.save_revision().publish()
    logger.info("Demo project created: id=%d", page.pk)
