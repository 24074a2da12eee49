"""Demo content of the manifesto: the page, its four chapters, a few signatures.

Every step creates what is missing and leaves alone what exists, so that
loading the demo twice changes nothing. The signatures are invented: they are
flagged as examples, and the public list says so.
"""

import logging
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Site
from wagtail.rich_text import RichText

from territories.models import Collectivity

from .models import ManifestoChapterPage, ManifestoPage, Signature

logger = logging.getLogger(__name__)


def principle(title, text):
    return ("principle", {"title": title, "text": RichText(f"<p>{text}</p>")})


def commitment(title, text):
    return ("commitment", {"title": title, "text": RichText(f"<p>{text}</p>")})


def paragraph(html):
    return ("paragraph", RichText(html))


def quotation(text, attribution):
    return ("quotation", {"quotation": text, "attribution": attribution})


INTRODUCTION = (
    "<p>L’intelligence artificielle entre dans les services publics locaux : "
    "elle trie des demandes, repère des fuites d’eau, règle le chauffage des "
    "écoles, propose des itinéraires. Ces outils peuvent rendre service aux "
    "habitants. Ils peuvent aussi écarter des personnes, enfermer une "
    "collectivité chez un fournisseur ou consommer beaucoup d’énergie pour "
    "peu de chose.</p>"
    "<p>Les collectivités qui signent ce manifeste en font une doctrine "
    "commune : <b>l’IA aide la décision publique locale, elle ne remplace "
    "jamais les institutions démocratiques</b>. Elle se choisit, se conduit "
    "et s’évalue en responsabilité, avec celles et ceux qu’elle concerne.</p>"
)

SIGNING_INTRODUCTION = (
    "<p>Peuvent signer les communes, les intercommunalités (communautés de "
    "communes, d’agglomération, urbaines, métropoles, établissements publics "
    "territoriaux), les départements et les régions.</p>"
    "<p>Une délibération du conseil n’est pas obligatoire, mais elle donne "
    "tout son poids à l’engagement : indiquez-la si elle existe.</p>"
)

SIGNATORIES_INTRODUCTION = (
    "<p>Ces collectivités ont signé le Manifeste pour une IA responsable. "
    "Chaque signature a été confirmée par courriel puis vérifiée par notre "
    "équipe.</p>"
)

CHAPTERS = [
    {
        "slug": "une-ia-sociale",
        "title": "Une IA sociale",
        "summary": (
            "Une IA publique doit prouver qu’elle rend service, à toutes et à "
            "tous, sans écarter personne ni reproduire d’injustice."
        ),
        "body": [
            paragraph(
                "<p>Un service public se juge à ce qu’il apporte aux habitants. "
                "Une IA n’y échappe pas : sa place se mérite, elle ne va pas de "
                "soi.</p>"
            ),
            principle(
                "L’utilité se démontre avant de se proclamer",
                "Un projet d’IA part d’un besoin constaté, et non d’une "
                "technologie disponible. Son bénéfice pour les habitants ou les "
                "agents est mesuré, comparé aux autres solutions possibles.",
            ),
            principle(
                "Personne n’est laissé de côté",
                "Les personnes éloignées du numérique, en situation de handicap "
                "ou de précarité gardent un accès humain au service. L’IA "
                "s’ajoute au guichet, elle ne le supprime pas.",
            ),
            principle(
                "Aucune décision ne discrimine",
                "Les données et les modèles sont examinés pour détecter les "
                "biais qui défavoriseraient un quartier, un âge, un sexe ou une "
                "origine.",
            ),
            commitment(
                "Nous évaluons l’utilité de chaque projet",
                "Avant de le déployer, puis à intervalles réguliers, avec des "
                "indicateurs rendus publics.",
            ),
            commitment(
                "Nous maintenons toujours un contact humain",
                "Toute personne peut s’adresser à un agent et obtenir une "
                "réponse sans passer par un système automatisé.",
            ),
            commitment(
                "Nous testons nos systèmes contre les discriminations",
                "Avant leur mise en service et à chaque évolution importante, en "
                "associant des personnes concernées.",
            ),
        ],
    },
    {
        "slug": "une-ia-ouverte-et-democratique",
        "title": "Une IA ouverte et démocratique",
        "summary": (
            "Ce que fait une IA publique doit pouvoir être compris, discuté, "
            "corrigé et, s’il le faut, arrêté."
        ),
        "body": [
            principle(
                "La transparence est la règle",
                "Les habitants savent quand une IA intervient dans une décision "
                "qui les concerne, sur quelles données elle s’appuie et qui en "
                "répond.",
            ),
            principle(
                "Rien n’est irréversible",
                "La collectivité garde la maîtrise de ses données et de ses "
                "choix : elle peut changer de fournisseur ou revenir en arrière "
                "sans tout perdre.",
            ),
            principle(
                "L’éthique s’exerce à plusieurs",
                "Un comité pluraliste, où siègent élus, agents, chercheurs et "
                "habitants, accompagne les projets de leur conception à leur "
                "arrêt.",
            ),
            commitment(
                "Nous publions la liste de nos systèmes d’IA",
                "Avec leur finalité, leurs données, leur fournisseur et le "
                "service responsable.",
            ),
            commitment(
                "Nous prévoyons la sortie dès l’achat",
                "Nos marchés imposent la récupération des données et des "
                "paramètres, et un format ouvert quand il existe.",
            ),
            commitment(
                "Nous réunissons un comité d’éthique à chaque étape",
                "Il est consulté avant le lancement, au moment du déploiement "
                "et lors de chaque bilan ; ses avis sont publiés.",
            ),
            quotation(
                "Un algorithme public qu’on ne peut pas expliquer n’a pas sa "
                "place dans une décision publique.",
                "Exemple : un élu d’une collectivité signataire",
            ),
        ],
    },
    {
        "slug": "une-ia-utile-et-proportionnee",
        "title": "Une IA utile et proportionnée",
        "summary": (
            "Une IA publique est sobre : son coût écologique est évalué, et "
            "elle sert les transitions sociales et environnementales."
        ),
        "body": [
            principle(
                "Le coût écologique compte dans la décision",
                "Calcul, stockage, matériel : l’empreinte d’un projet est "
                "estimée avant de le lancer et mise en regard de ce qu’il "
                "apporte.",
            ),
            principle(
                "Le plus simple qui suffit",
                "Un tableau bien tenu ou quelques règles valent souvent mieux "
                "qu’un grand modèle. La solution la plus frugale qui répond au "
                "besoin est préférée.",
            ),
            principle(
                "L’IA sert les transitions",
                "Les projets qui économisent l’eau ou l’énergie, réduisent les "
                "déplacements inutiles ou protègent la biodiversité passent en "
                "premier.",
            ),
            commitment(
                "Nous estimons l’empreinte environnementale de chaque projet",
                "Et nous publions la méthode employée, pour que d’autres "
                "puissent la reprendre ou la contester.",
            ),
            commitment(
                "Nous choisissons des solutions frugales",
                "Modèles de taille adaptée, hébergement sobre, durée de "
                "conservation des données limitée au nécessaire.",
            ),
        ],
    },
    {
        "slug": "une-gouvernance-partagee-et-territoriale",
        "title": "Une gouvernance partagée et territoriale",
        "summary": (
            "Les choix d’IA d’un territoire se font avec ses habitants, ses "
            "associations, ses agents et ses entreprises."
        ),
        "body": [
            principle(
                "Les choix d’IA sont des choix politiques",
                "Ils relèvent des instances élues et du débat public, pas "
                "seulement des services techniques ou des fournisseurs.",
            ),
            principle(
                "Chacun peut comprendre et participer",
                "L’IA est un sujet d’éducation populaire : la collectivité "
                "explique, forme et ouvre le débat, au-delà des spécialistes.",
            ),
            principle(
                "Les agents sont associés",
                "Celles et ceux qui utiliseront l’outil participent à sa "
                "conception et à son évaluation ; leur métier évolue avec eux, "
                "pas sans eux.",
            ),
            commitment(
                "Nous associons habitants et associations aux projets",
                "Par des ateliers, des consultations ou des jurys citoyens, "
                "dès la définition du besoin.",
            ),
            commitment(
                "Nous partageons ce que nous apprenons",
                "Nous documentons nos projets dans la bibliothèque d’IA "
                "territoriales, échecs compris, pour que d’autres collectivités "
                "en profitent.",
            ),
        ],
    },
]

# (kind, official code, status, days since signing, mandate, public message)
EXAMPLE_SIGNATURES = [
    (
        Collectivity.Kind.COMMUNE,
        "35238",
        Signature.Status.APPROVED,
        40,
        "Maire",
        "Exemple : nous signons pour que chaque outil numérique reste au "
        "service des habitants.",
    ),
    (Collectivity.Kind.COMMUNE, "38185", Signature.Status.APPROVED, 25, "Maire", ""),
    (
        Collectivity.Kind.METROPOLE,
        "200046977",
        Signature.Status.APPROVED,
        18,
        "Vice-président délégué au numérique",
        "",
    ),
    (
        Collectivity.Kind.DEPARTEMENT,
        "33",
        Signature.Status.APPROVED,
        9,
        "Présidente du conseil départemental",
        "",
    ),
    (
        Collectivity.Kind.REGION,
        "76",
        Signature.Status.APPROVED,
        3,
        "Présidente du conseil régional",
        "",
    ),
    (
        Collectivity.Kind.CA,
        "243100633",
        Signature.Status.AWAITING_MODERATION,
        1,
        "Président",
        "",
    ),
    (
        Collectivity.Kind.COMMUNE,
        "44109",
        Signature.Status.AWAITING_CONFIRMATION,
        0,
        "Adjointe au maire",
        "",
    ),
]


def load_demo_content():
    manifesto = get_or_create_manifesto()
    for content in CHAPTERS:
        add_chapter(manifesto, content)
    add_example_signatures()


def get_or_create_manifesto():
    manifesto = ManifestoPage.objects.first()
    if manifesto is not None:
        return manifesto
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise RuntimeError("No default site: load the home demo content first.")
    manifesto = ManifestoPage(
        title="Manifeste pour une IA responsable",
        slug="manifeste",
        show_in_menus=True,
        search_description=(
            "Le manifeste des collectivités pour une intelligence artificielle "
            "sociale, ouverte, sobre et gouvernée avec les habitants."
        ),
        introduction=INTRODUCTION,
        signing_introduction=SIGNING_INTRODUCTION,
        signatories_introduction=SIGNATORIES_INTRODUCTION,
    )
    site.root_page.add_child(instance=manifesto)
    manifesto.save_revision().publish()
    logger.info("Demo manifesto created: id=%d", manifesto.pk)
    return manifesto


def add_chapter(manifesto, content):
    existing = manifesto.get_children().filter(slug=content["slug"]).first()
    if existing is not None:
        return existing
    chapter = ManifestoChapterPage(
        title=content["title"],
        slug=content["slug"],
        summary=content["summary"],
        body=content["body"],
    )
    manifesto.add_child(instance=chapter)
    chapter.save_revision().publish()
    logger.info("Demo chapter created: id=%d", chapter.pk)
    return chapter


def add_example_signatures():
    """Sign for a few authorities of the register, if the register is loaded."""
    now = timezone.now()
    for kind, code, status, days_ago, mandate, message in EXAMPLE_SIGNATURES:
        collectivity = Collectivity.objects.signable().filter(kind=kind, code=code)
        collectivity = collectivity.first()
        if collectivity is None:
            logger.info("Demo signature skipped, not in the register: code=%s", code)
            continue
        if Signature.objects.filter(collectivity=collectivity).exists():
            continue
        signed_at = now - timedelta(days=days_ago)
        confirmed = status != Signature.Status.AWAITING_CONFIRMATION
        decided = status == Signature.Status.APPROVED
        signature = Signature.objects.create(
            collectivity=collectivity,
            signer_name="Personne d’exemple",
            signer_mandate=mandate,
            email=f"exemple-{code}@collectivite.example",
            public_message=message,
            status=status,
            is_example=True,
            created_at=signed_at,
            confirmed_at=signed_at if confirmed else None,
            decided_at=signed_at + timedelta(days=1) if decided else None,
        )
        logger.info("Demo signature created: id=%d", signature.pk)
