"""Demo content of the home app: home page, standard pages, settings, demo admin.

Every step creates what is missing and leaves alone what exists, so that
loading the demo twice changes nothing. Anything invented is marked as an
example in the text itself.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from .models import HomePage, SiteSettings, StandardPage

logger = logging.getLogger(__name__)

ORGANISATION_NAME = "Territoires pour une IA responsable"


def paragraph(html):
    return ("paragraph", RichText(html))


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def quote(text, attribution=""):
    return ("quote", {"text": text, "attribution": attribution})


HOME_TITLE = "Pour une intelligence artificielle au service des territoires"
HOME_INTRODUCTION = (
    "<p>Communes, intercommunalités, départements et régions se dotent d’outils "
    "d’intelligence artificielle pour repérer une fuite d’eau, économiser "
    "l’énergie d’une école ou mieux répondre aux habitants. Notre réseau les "
    "aide à faire ces choix en responsabilité.</p>"
    "<p>Le <b>Manifeste pour une IA responsable</b> pose une règle simple : "
    "l’IA aide la décision publique locale, elle ne remplace jamais les "
    "institutions démocratiques. Les collectivités qui le signent s’engagent "
    "pour une IA sociale, ouverte, utile et gouvernée avec leurs habitants. "
    "La <b>bibliothèque d’IA territoriales</b> rassemble les projets qu’elles "
    "mènent, décrits pour que d’autres puissent les juger et les reproduire.</p>"
)

ABOUT = {
    "slug": "a-propos",
    "title": "À propos du réseau",
    "show_in_menus": True,
    "search_description": (
        "Qui nous sommes : un réseau de collectivités territoriales pour une "
        "intelligence artificielle responsable au service de l’action publique."
    ),
    "introduction": (
        "Un réseau de collectivités qui partagent leurs pratiques pour que "
        "l’intelligence artificielle serve l’action publique locale."
    ),
    "body": [
        heading("Pourquoi ce réseau"),
        paragraph(
            "<p>Les outils d’intelligence artificielle entrent dans les services "
            "publics locaux, souvent par la porte d’un marché public ou d’une "
            "offre commerciale. Chaque collectivité se retrouve seule face à "
            "des questions difficiles : l’outil est-il utile, qui en porte la "
            "responsabilité, que coûte-t-il à l’environnement, comment en "
            "sortir ? Le réseau met ces questions en commun.</p>"
        ),
        heading("Ce que nous faisons"),
        paragraph(
            "<ul><li>Nous portons le Manifeste pour une IA responsable et "
            "accueillons les collectivités qui le signent.</li>"
            "<li>Nous tenons la bibliothèque d’IA territoriales, où les projets "
            "sont documentés avec leurs résultats, leurs coûts et leurs "
            "limites.</li>"
            "<li>Nous organisons des échanges entre élus, agents, chercheurs et "
            "associations.</li></ul>"
        ),
        quote(
            "Une IA publique se juge à ce qu’elle apporte aux habitants, pas à "
            "sa nouveauté.",
            "Exemple : une élue d’une commune membre du réseau",
        ),
        heading("Gouvernance"),
        paragraph(
            "<p>Exemple : l’association est administrée par un conseil de douze "
            "représentants de collectivités membres, élus pour trois ans par "
            "l’assemblée générale.</p>"
        ),
    ],
}

LEGAL_NOTICE = {
    "slug": "mentions-legales",
    "title": "Mentions légales",
    "search_description": "Éditeur, directeur de la publication et hébergeur du site.",
    "introduction": "",
    "body": [
        heading("Éditeur du site"),
        paragraph(
            "<p>Exemple : association Territoires pour une IA responsable, "
            "association régie par la loi du 1er juillet 1901, 10 rue de "
            "l’Exemple, 75000 Paris. Adresse : contact@ia-territoires.example.</p>"
        ),
        heading("Directeur de la publication"),
        paragraph("<p>Exemple : la présidente de l’association.</p>"),
        heading("Hébergement"),
        paragraph(
            "<p>Exemple : hébergeur Exemple SAS, 1 avenue de l’Exemple, 59000 "
            "Lille, dont les serveurs sont situés en France.</p>"
        ),
        heading("Réutilisation des contenus"),
        paragraph(
            "<p>Les textes du site, dont le manifeste, et les données de la "
            "bibliothèque peuvent être réutilisés librement, à condition d’en "
            "citer la source. Les logos des collectivités restent la propriété "
            "de celles-ci.</p>"
        ),
    ],
}

PRIVACY = {
    "slug": "donnees-personnelles",
    "title": "Données personnelles",
    "search_description": (
        "Quelles données le site recueille, pourquoi, pour combien de temps, "
        "et comment exercer vos droits."
    ),
    "introduction": (
        "Ce site ne vous suit pas : il ne dépose aucun cookie de mesure "
        "d’audience ou de publicité et ne fait appel à aucun service tiers."
    ),
    "body": [
        heading("Ce que nous recueillons, et pourquoi"),
        paragraph(
            "<ul><li>Quand une collectivité signe le manifeste : le nom et le "
            "mandat de la personne qui signe, et une adresse électronique qui "
            "sert à confirmer la signature et à informer de la décision. Cette "
            "adresse n’est jamais publiée.</li>"
            "<li>Quand un agent propose un projet ou suggère une correction : "
            "une adresse de contact, pour poser des questions sur le projet. "
            "Elle n’est jamais publiée.</li></ul>"
            "<p>Exemple : ces traitements reposent sur l’intérêt légitime de "
            "l’association à tenir un manifeste et une bibliothèque "
            "fiables.</p>"
        ),
        heading("Qui est responsable et combien de temps nous gardons ces données"),
        ("data_protection_summary", None),
        heading("Vos droits"),
        paragraph(
            "<p>Vous pouvez demander l’accès à vos données, leur correction ou "
            "leur effacement, et vous opposer à leur traitement, en écrivant à "
            "l’adresse ci-dessus. Si vous estimez que vos droits ne sont pas "
            "respectés, vous pouvez adresser une réclamation à la CNIL.</p>"
        ),
        heading("Cookies"),
        paragraph(
            "<p>Un visiteur ne reçoit qu’un cookie, et seulement sur les pages "
            "de formulaire : il protège les formulaires contre les envois "
            "frauduleux. Nécessaire au service, il ne demande pas de "
            "consentement.</p>"
        ),
    ],
}

# The statement follows the RGAA's model. It claims no more than the browser
# tests check (tests/browser/): keep the two in step when either changes.
ACCESSIBILITY = {
    "slug": "accessibilite",
    "title": "Déclaration d’accessibilité",
    "search_description": (
        "État de conformité du site au RGAA, ce qui a été vérifié et comment, "
        "et voies de recours."
    ),
    "introduction": (
        "L’association Territoires pour une IA responsable s’engage à rendre son "
        "site accessible, conformément à l’article 47 de la loi n° 2005-102 du "
        "11 février 2005. Cette déclaration s’applique à l’ensemble du site "
        "public."
    ),
    "body": [
        heading("État de conformité"),
        paragraph(
            "<p>Le site n’a pas encore fait l’objet d’un audit de conformité au "
            "référentiel général d’amélioration de l’accessibilité (RGAA 4.1), "
            "réalisé par une personne qui examine chaque critère. En l’absence "
            "d’un tel audit, il est déclaré <b>non conforme</b> au RGAA et son "
            "taux de conformité n’est pas connu.</p>"
        ),
        heading("Ce qui est vérifié, et comment"),
        paragraph(
            "<p>À chaque modification du site, des tests automatiques ouvrent "
            "ses pages dans le navigateur Chromium, piloté par l’outil "
            "Playwright, comme le ferait un visiteur. Ils vérifient :</p>"
            "<ul>"
            "<li>avec le moteur axe-core, l’absence de manquement aux règles "
            "des WCAG 2.1, niveaux A et AA, que cet outil sait détecter, sur "
            "chaque page telle qu’elle s’affiche, mais aussi quand une "
            "recherche ne trouve rien et quand un formulaire revient avec des "
            "erreurs ;</li>"
            "<li>avec le Nu HTML Checker, validateur du W3C, que le code HTML "
            "de ces pages ne contient aucune erreur ;</li>"
            "<li>au clavier seul, que la première touche Tabulation atteint un "
            "lien d’évitement qui mène au contenu, que chaque élément atteint "
            "à la tabulation est visible et signale sa prise de focus par un "
            "contour, et que les tâches du site s’accomplissent avec les "
            "touches Tabulation, Entrée et Espace ;</li>"
            "<li>que les pages s’affichent sans défilement horizontal sur un "
            "écran de téléphone (375 pixels de large), et les formulaires à "
            "320 pixels de large comme avec un zoom de 200 % ;</li>"
            "<li>que ces tâches s’accomplissent aussi sans JavaScript.</li>"
            "</ul>"
            "<p>Ces vérifications portent, en partie, sur les critères 1.1 "
            "(alternative textuelle des images), 3.2 (contraste des textes), "
            "8.2 (code valide), 8.3 et 8.5 (langue et titre de la page), 10.7 "
            "(prise de focus visible), 10.11 (affichage sans défilement "
            "horizontal), 11.1 (étiquettes des champs) et 12.7 (lien "
            "d’évitement) du RGAA. Un outil automatique ne juge ni la "
            "pertinence d’une alternative ou d’une étiquette, ni la clarté "
            "d’un texte : ces points, comme les autres critères, demandent un "
            "examen humain qui reste à faire.</p>"
        ),
        heading("Pages vérifiées"),
        paragraph(
            "<p>Chaque type de page publique du site : la page d’accueil, les "
            "pages de contenu (à propos, mentions légales, données "
            "personnelles), la présente déclaration, la recherche d’une "
            "collectivité et sa fiche, le manifeste et ses chapitres, le "
            "formulaire de signature, la page qui confirme son envoi, celle "
            "d’un lien de confirmation non valable, la liste des signataires, "
            "la bibliothèque de projets et sa synthèse au regard du manifeste, "
            "la fiche d’un projet et son historique, les formulaires pour "
            "proposer un projet ou signaler une erreur et leurs pages de "
            "confirmation, la page des données ouvertes et son dictionnaire des "
            "données, la recherche sur "
            "tout le site et la page d’erreur « page introuvable ». Les "
            "pages de "
            "recherche et de liste sont vérifiées avec des résultats, sans "
            "résultat et avant toute recherche ; les formulaires, vides puis "
            "renvoyés avec des erreurs.</p>"
        ),
        heading("Parcours vérifiés"),
        paragraph(
            "<ul>"
            "<li>Signer le manifeste au nom d’une collectivité choisie en "
            "tapant une partie de son nom, confirmer la signature depuis le "
            "courriel reçu, puis la retrouver dans la liste des signataires "
            "une fois validée par l’équipe : à la souris, et sans "
            "JavaScript ; au clavier seul, jusqu’à la confirmation.</li>"
            "<li>Proposer un projet pour la bibliothèque, puis, une fois la "
            "proposition validée par l’équipe, le retrouver par les filtres "
            "et par les mots-clés de la bibliothèque ; au clavier seul, "
            "proposer un projet à travers les trois étapes du formulaire et "
            "signaler une erreur sur la fiche d’un projet.</li>"
            "<li>Rechercher sur tout le site depuis l’en-tête et ouvrir un "
            "résultat, ou une suggestion proposée pendant la saisie : au "
            "clavier seul, et sans JavaScript.</li>"
            "<li>Filtrer la bibliothèque et ouvrir la fiche d’un projet, "
            "filtrer la liste des signataires, rechercher une collectivité : "
            "au clavier seul et sans JavaScript.</li>"
            "</ul>"
        ),
        heading("Environnement de test"),
        paragraph(
            "<p>Les vérifications sont faites avec le navigateur Chromium sous "
            "Linux. Aucun test n’a encore été mené avec un lecteur d’écran "
            "(NVDA, JAWS, VoiceOver, TalkBack) ni avec d’autres navigateurs.</p>"
            "<p>Technologies utilisées pour la réalisation du site : HTML, CSS "
            "et, en complément facultatif, JavaScript.</p>"
        ),
        heading("Établissement de cette déclaration"),
        paragraph(
            "<p>Exemple : déclaration établie le 1er janvier 2026, à partir "
            "des vérifications automatiques décrites ci-dessus.</p>"
        ),
        heading("Retour d’information et contact"),
        paragraph(
            "<p>Si vous n’arrivez pas à accéder à un contenu ou à un service, "
            "écrivez-nous à l’adresse indiquée en bas de page : nous vous "
            "répondrons et vous proposerons une autre façon d’y accéder.</p>"
        ),
        heading("Voies de recours"),
        paragraph(
            "<p>Si vous nous avez signalé un défaut d’accessibilité sans obtenir "
            "de réponse satisfaisante, vous pouvez saisir le Défenseur des "
            "droits, par son formulaire en ligne, par un de ses délégués dans "
            "votre région, ou par courrier gratuit : Défenseur des droits, "
            "Libre réponse 71120, 75342 Paris CEDEX 07.</p>"
        ),
    ],
}


def load_demo_content():
    home = get_or_create_home_page()
    fill_home_page(home)
    site = configure_default_site(home)
    pages = {
        key: add_standard_page(home, content)
        for key, content in [
            ("about", ABOUT),
            ("legal_notice", LEGAL_NOTICE),
            ("privacy", PRIVACY),
            ("accessibility", ACCESSIBILITY),
        ]
    }
    fill_site_settings(site, pages)
    create_demo_admin()


def get_or_create_home_page():
    """The home page; the migrations create it, unless it was deleted since."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    home = HomePage(title="Accueil", slug="accueil")
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    logger.info("Demo home page created: id=%d", home.pk)
    return home


def fill_home_page(home):
    if home.introduction:
        return
    home.title = HOME_TITLE
    home.introduction = HOME_INTRODUCTION
    home.search_description = (
        "Le réseau des collectivités pour une intelligence artificielle "
        "responsable : le manifeste, ses signataires et la bibliothèque des "
        "projets d’IA territoriales."
    )
    home.save_revision().publish()
    logger.info("Demo home page filled: id=%d", home.pk)


def configure_default_site(home):
    """Serve the home page on the address of the development server."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    if site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    # Wagtail's placeholder address gives wrong absolute URLs (sitemap,
    # canonical links) on the development server.
    if (site.hostname, site.port) == ("localhost", 80):
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = address.hostname or site.hostname
        site.port = address.port or (443 if address.scheme == "https" else 80)
        site.site_name = ORGANISATION_NAME
        site.save()
        logger.info("Demo site address set: id=%d", site.pk)
    return site


def add_standard_page(parent, content):
    existing = parent.get_children().filter(slug=content["slug"]).first()
    if existing is not None:
        return existing
    page = StandardPage(
        slug=content["slug"],
        title=content["title"],
        show_in_menus=content.get("show_in_menus", False),
        search_description=content["search_description"],
        introduction=content["introduction"],
        body=content["body"],
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    logger.info("Demo page created: id=%d", page.pk)
    return page


def fill_site_settings(site, pages):
    site_settings = SiteSettings.for_site(site)
    changed = []
    defaults = {
        "default_description": (
            "Le manifeste des collectivités pour une IA responsable, ses "
            "signataires et la bibliothèque des projets d’IA territoriales."
        ),
        "contact_email": "contact@ia-territoires.example",
        "postal_address": "Exemple : 10 rue de l’Exemple\n75000 Paris",
        "mastodon_url": "https://mastodon.example/@ia_territoires",
        "data_controller": "Exemple : association Territoires pour une IA responsable",
        "data_protection_email": "donnees@ia-territoires.example",
        "legal_notice_page": pages["legal_notice"],
        "privacy_page": pages["privacy"],
        "accessibility_page": pages["accessibility"],
    }
    for field, value in defaults.items():
        if not getattr(site_settings, field):
            setattr(site_settings, field, value)
            changed.append(field)
    if changed:
        site_settings.save()
        logger.info("Demo site settings filled: id=%d", site_settings.pk)


def create_demo_admin():
    """Create the demo superuser, on development settings only."""
    username = getattr(settings, "DEMO_ADMIN_USERNAME", None)
    password = getattr(settings, "DEMO_ADMIN_PASSWORD", None)
    if not username or not password:
        return
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        return
    user = User.objects.create_superuser(username=username, email="", password=password)
    logger.info("Demo administrator created: id=%d", user.pk)
