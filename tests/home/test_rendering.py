"""The public pages render in the accessible French shell with their meta data."""

import re

import pytest

from core import personal_data
from home.models import LegalBasis, StandardPage

pytestmark = pytest.mark.django_db


def body_of(response):
    return response.content.decode()


def test_home_page_renders_in_french_with_landmarks(client, home_page):
    """The shell: lang, skip link first, banner, navigation, main and footer."""
    response = client.get("/")
    html = body_of(response)

    assert response.status_code == 200
    assert '<html lang="fr">' in html
    first_link = re.search(r"<body[^>]*>\s*(<a [^>]*>)", html).group(1)
    assert 'class="skip-link"' in first_link
    assert 'href="#contenu"' in first_link
    assert '<main id="contenu"' in html
    assert '<header class="site-header">' in html
    assert "<footer" in html
    assert f'<h1 id="home-title">{home_page.title}</h1>' in html


def test_home_page_has_no_breadcrumb_and_marks_itself_current(client, home_page):
    html = body_of(client.get("/"))

    assert "Fil d’Ariane" not in html
    assert 'class="site-name" href="/" aria-current="page"' in html


def test_home_page_shows_its_introduction(client, home_page):
    home_page.introduction = "<p>Un réseau de collectivités.</p>"
    home_page.save_revision().publish()

    assert "<p>Un réseau de collectivités.</p>" in body_of(client.get("/"))


def test_standard_page_renders_its_blocks(client, make_page, image):
    """Headings keep their level, quotes their source, images their alt text."""
    page = make_page(
        "À propos",
        introduction="Le réseau en deux mots.",
        body=[
            {"type": "heading", "value": {"text": "Nos missions", "level": "h2"}},
            {"type": "heading", "value": {"text": "Le manifeste", "level": "h3"}},
            {"type": "paragraph", "value": "<p>Un <b>paragraphe</b>.</p>"},
            {
                "type": "quote",
                "value": {"text": "Une IA utile.", "attribution": "Une élue"},
            },
            {
                "type": "figure",
                "value": {
                    "image": {
                        "image": image.pk,
                        "alt_text": "Carte des collectivités membres",
                        "decorative": False,
                    },
                    "caption": "Les membres en 2026",
                },
            },
            {
                "type": "figure",
                "value": {
                    "image": {"image": image.pk, "alt_text": "", "decorative": True},
                    "caption": "",
                },
            },
        ],
    )
    html = body_of(client.get(page.url))

    assert "<h1>À propos</h1>" in html
    assert '<p class="lead">Le réseau en deux mots.</p>' in html
    assert "<h2>Nos missions</h2>" in html
    assert "<h3>Le manifeste</h3>" in html
    assert "<p>Un <b>paragraphe</b>.</p>" in html
    assert "<blockquote><p>Une IA utile.</p></blockquote>" in html
    assert "<figcaption>Une élue</figcaption>" in html
    assert 'alt="Carte des collectivités membres"' in html
    assert 'alt=""' in html
    assert "srcset=" in html
    assert "width-800" in html
    assert image.file.url not in html, "the original file is never served"


def test_standard_page_data_protection_block_reads_site_settings(
    client, make_page, site_settings
):
    site_settings.data_controller = "Association du réseau"
    site_settings.unconfirmed_retention_days = 15
    site_settings.contact_retention_months = 24
    site_settings.save()
    page = make_page("Données personnelles", body=[("data_protection_summary", None)])

    html = body_of(client.get(page.url))

    assert "Association du réseau" in html
    assert "effacée après 15 jours" in html
    assert "puis 24 mois après son retrait" in html


def test_data_protection_block_states_what_is_kept_why_and_on_what_basis(
    client, make_page, site_settings
):
    """Each use of personal data is listed with its legal basis from the settings."""
    site_settings.signature_legal_basis = LegalBasis.PUBLIC_INTEREST
    site_settings.save()
    page = make_page("Données personnelles", body=[("data_protection_summary", None)])

    html = body_of(client.get(page.url))

    assert "<h3>Signatures du manifeste</h3>" in html
    assert "Nom, mandat et adresse électronique" in html
    assert "Confirmer la signature" in html
    assert "Une mission d&#x27;intérêt public" in html
    assert html.count("Le consentement de la personne") == (
        len(personal_data.processings()) - 1
    )


def test_breadcrumb_leads_from_home_to_current_page(client, make_page):
    parent = make_page("À propos")
    child = make_page("Gouvernance", parent=parent)

    html = body_of(client.get(child.url))

    trail = re.search(r'<ol class="breadcrumb__list">(.*?)</ol>', html, re.S).group(1)
    links = re.findall(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', trail)
    assert links == [
        ("/", "", "Accueil"),
        (parent.url, "", "À propos"),
        (child.url, ' aria-current="page"', "Gouvernance"),
    ]
    assert 'aria-label="Fil d’Ariane"' in html


def test_page_meta_description_and_sharing_tags(client, make_page):
    page = make_page(
        "À propos",
        seo_title="Qui sommes-nous",
        search_description="Le réseau des collectivités pour une IA responsable.",
    )
    html = body_of(client.get(page.url))
    canonical = page.get_full_url()

    assert (
        "<title>Qui sommes-nous · Territoires pour une IA responsable</title>" in html
    )
    assert (
        '<meta name="description" '
        'content="Le réseau des collectivités pour une IA responsable.">'
    ) in html
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta property="og:title" content="Qui sommes-nous">' in html
    assert (
        '<meta property="og:description" '
        'content="Le réseau des collectivités pour une IA responsable.">'
    ) in html
    assert '<meta property="og:locale" content="fr_FR">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert '<meta name="twitter:title" content="Qui sommes-nous">' in html
    assert "og:image" not in html


def test_meta_description_falls_back_to_the_site_default(
    client, make_page, site_settings
):
    site_settings.default_description = "Le site du réseau."
    site_settings.save()
    page = make_page("Sans description")

    html = body_of(client.get(page.url))

    assert '<meta name="description" content="Le site du réseau.">' in html
    assert '<meta property="og:description" content="Le site du réseau.">' in html


def test_default_sharing_image_is_a_sized_rendition(
    client, make_page, site_settings, image
):
    site_settings.default_sharing_image = image
    site_settings.save()
    page = make_page("À propos")

    html = body_of(client.get(page.url))

    image_url = re.search(r'<meta property="og:image" content="([^"]+)">', html)
    assert image_url is not None
    assert image_url.group(1).startswith("http://testserver/")
    assert "fill-1200x630" in image_url.group(1)
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_public_pages_carry_no_per_user_content(client, admin_user, make_page):
    """A logged-in editor sees the same public page as anyone: no userbar."""
    page = make_page("À propos")
    anonymous_html = body_of(client.get(page.url))
    client.force_login(admin_user)
    editor_html = body_of(client.get(page.url))

    assert editor_html == anonymous_html
    assert "wagtail-userbar" not in editor_html


def test_draft_standard_page_is_not_served(client, make_page):
    page = make_page("Brouillon", live=False)

    assert client.get("/brouillon/").status_code == 404
    assert StandardPage.objects.get(pk=page.pk).live is False


def test_pages_load_nothing_from_elsewhere(client, make_page, image):
    """Stylesheets, icons, scripts and images all come from the site itself."""
    page = make_page(
        "À propos",
        body=[
            {
                "type": "figure",
                "value": {
                    "image": {
                        "image": image.pk,
                        "alt_text": "Carte",
                        "decorative": False,
                    },
                    "caption": "",
                },
            }
        ],
    )
    html = body_of(client.get(page.url))

    resources = re.findall(r'<link rel="(?:stylesheet|icon)" href="([^"]+)"', html)
    resources += re.findall(r'<(?:script|img)\b[^>]*\bsrc="([^"]+)"', html)
    resources += [
        url
        for srcset in re.findall(r'srcset="([^"]+)"', html)
        for url in re.findall(r"(\S+) \d+w", srcset)
    ]
    assert len(resources) >= 4
    assert all(url.startswith("/") and not url.startswith("//") for url in resources)
