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

ACCESSIBILITY = {
    "slug": "accessibilite",
    "title": "Déclaration d’accessibilité",
    "search_description": "État de conformité du site au RGAA et voies de recours.",
    "introduction": (
        "L’association s’engage à rendre son site accessible à toutes et à tous, "
        "conformément à l’article 47 de la loi du 11 février 2005."
    ),
    "body": [
        heading("État de conformité"),
        paragraph(
            "<p>Exemple : le site n’a pas encore fait l’objet d’un audit de "
            "conformité au référentiel général d’amélioration de "
            "l’accessibilité (RGAA) ; il est donc déclaré non conforme. Il est "
            "pourtant conçu pour être utilisable au clavier, avec un lecteur "
            "d’écran et sans JavaScript.</p>"
        ),
        heading("Établissement de cette déclaration"),
        paragraph(
            "<p>Exemple : déclaration établie le 1er janvier 2026, à partir "
            "d’une vérification interne.</p>"
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
