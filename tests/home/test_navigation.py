"""Main menu from the page tree, footer links from the site settings."""

import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def menu_links(html):
    nav = re.search(r'<nav class="main-nav"[^>]*>(.*?)</nav>', html, re.S)
    if nav is None:
        return []
    return re.findall(
        r'<a href="([^"]+)"(?: aria-current="(\w+)")?>([^<]+)</a>', nav[1]
    )


def test_menu_lists_live_public_pages_marked_for_menus(client, make_page):
    """Drafts, pages kept out of menus and private pages stay out of the menu."""
    about = make_page("À propos", show_in_menus=True)
    make_page("Mentions légales", show_in_menus=False)
    make_page("Brouillon", show_in_menus=True, live=False)
    private = make_page("Espace membres", show_in_menus=True)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    make_page("Sous-page", parent=about, show_in_menus=True)

    links = menu_links(client.get("/").content.decode())

    assert links == [(about.url, "", "À propos")]


def test_menu_marks_the_current_page_and_its_section(client, make_page):
    about = make_page("À propos", show_in_menus=True)
    team = make_page("Équipe", parent=about)
    make_page("Contact", show_in_menus=True)

    assert menu_links(client.get(about.url).content.decode())[0][1] == "page"
    links = menu_links(client.get(team.url).content.decode())
    assert [state for _, state, _ in links] == ["true", ""]


def test_menu_and_footer_cost_a_fixed_number_of_queries(
    client, make_page, site_settings
):
    """Adding pages to the menu or the footer adds no query to a page view."""
    legal = make_page("Mentions légales")
    site_settings.legal_notice_page = legal
    site_settings.save()
    for number in range(2):
        make_page(f"Rubrique {number}", show_in_menus=True)
    client.get("/")

    with CaptureQueriesContext(connection) as few_pages:
        response = client.get("/")
    assert len(menu_links(response.content.decode())) == 2

    for number in range(2, 8):
        make_page(f"Rubrique {number}", show_in_menus=True)
    site_settings.privacy_page = make_page("Données personnelles")
    site_settings.accessibility_page = make_page("Accessibilité")
    site_settings.save()
    client.get("/")

    with CaptureQueriesContext(connection) as many_pages:
        response = client.get("/")
    assert len(menu_links(response.content.decode())) == 8

    assert len(many_pages) == len(few_pages)


def test_footer_links_to_the_live_legal_pages_in_order(
    client, make_page, site_settings
):
    site_settings.legal_notice_page = make_page("Mentions légales")
    site_settings.privacy_page = make_page("Données personnelles")
    site_settings.accessibility_page = make_page("Déclaration d’accessibilité")
    site_settings.accessibility_status = "partiellement-conforme"
    site_settings.save()

    html = client.get("/").content.decode()

    footer = re.search(r'<nav class="site-footer__legal"[^>]*>(.*?)</nav>', html, re.S)
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer[1]) == [
        ("/mentions-legales/", "Mentions légales"),
        ("/donnees-personnelles/", "Données personnelles"),
        ("/declaration-daccessibilite/", "Accessibilité : partiellement conforme"),
    ]


def test_footer_skips_unpublished_legal_pages_but_states_accessibility(
    client, make_page, site_settings
):
    site_settings.legal_notice_page = make_page("Mentions légales", live=False)
    site_settings.save()

    html = client.get("/").content.decode()

    assert "/mentions-legales/" not in html
    assert "Accessibilité : non conforme" in html


def test_footer_shows_contact_and_social_links(client, home_page, site_settings):
    site_settings.contact_email = "contact@reseau.example"
    site_settings.postal_address = "1 place de la Mairie\n31000 Toulouse"
    site_settings.mastodon_url = "https://mastodon.example/@reseau"
    site_settings.save()

    html = client.get("/").content.decode()

    assert "1 place de la Mairie<br>31000 Toulouse" in html
    assert 'href="mailto:contact@reseau.example"' in html
    assert '<a href="https://mastodon.example/@reseau" rel="me">Mastodon</a>' in html


def test_views_without_a_page_can_give_their_own_breadcrumb(home_page):
    """A view that renders no Wagtail page passes its trail in the context."""
    request = RequestFactory().get("/signer/")
    html = render_to_string(
        "includes/breadcrumb.html",
        {"breadcrumb_trail": [("Manifeste", "/manifeste/"), ("Signer", "/signer/")]},
        request=request,
    )

    assert re.findall(r'<a href="([^"]+)"( aria-current="page")?>', html) == [
        ("/", ""),
        ("/manifeste/", ""),
        ("/signer/", ' aria-current="page"'),
    ]
