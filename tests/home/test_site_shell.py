"""The site shell (menu, footer, site settings) is cached and rebuilt on changes."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from home import shell

from .test_navigation import menu_links

pytestmark = pytest.mark.django_db


def menu_titles(client, url="/"):
    return [title for _, _, title in menu_links(client.get(url).content.decode())]


def shell_queries(client, url="/"):
    """The statements a page view runs to build the shell's menu and settings."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [
        query["sql"]
        for query in captured.captured_queries
        if "show_in_menus" in query["sql"].partition("WHERE")[2]
        or "home_sitesettings" in query["sql"]
    ]


def test_the_shell_is_built_once_then_read_from_the_cache(client, make_page):
    make_page("À propos", show_in_menus=True)

    assert shell_queries(client)
    assert shell_queries(client) == []
    assert menu_titles(client) == ["À propos"]


def test_a_newly_published_menu_page_appears(client, make_page):
    draft = make_page("Nous rejoindre", live=False, show_in_menus=True)
    assert menu_titles(client) == []  # the shell is now cached

    draft.get_latest_revision().publish()

    assert menu_titles(client) == ["Nous rejoindre"]


def test_a_published_new_title_replaces_the_old_one(client, make_page):
    page = make_page("À propos", show_in_menus=True)
    assert menu_titles(client) == ["À propos"]

    page.title = "Qui sommes-nous ?"
    page.save_revision().publish()

    assert menu_titles(client) == ["Qui sommes-nous ?"]


def test_an_unpublished_menu_page_disappears(client, make_page):
    page = make_page("À propos", show_in_menus=True)
    make_page("Contact", show_in_menus=True)
    assert menu_titles(client) == ["À propos", "Contact"]

    page.unpublish()

    assert menu_titles(client) == ["Contact"]


def test_a_deleted_menu_page_disappears(client, make_page):
    page = make_page("À propos", show_in_menus=True)
    assert menu_titles(client) == ["À propos"]

    page.delete()

    assert menu_titles(client) == []


def test_a_menu_page_moved_under_another_leaves_the_menu(client, make_page):
    about = make_page("À propos", show_in_menus=True)
    team = make_page("Équipe", show_in_menus=True)
    assert menu_titles(client) == ["À propos", "Équipe"]

    team.move(about, pos="last-child")

    assert menu_titles(client) == ["À propos"]


def test_a_menu_page_made_private_disappears(client, make_page):
    page = make_page("Espace membres", show_in_menus=True)
    assert menu_titles(client) == ["Espace membres"]

    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert menu_titles(client) == []

    restriction.delete()
    assert menu_titles(client) == ["Espace membres"]


def test_changed_site_settings_appear_in_header_and_footer(
    client, make_page, site_settings
):
    client.get("/")
    legal = make_page("Mentions légales")

    site_settings.organisation_name = "Réseau des territoires"
    site_settings.legal_notice_page = legal
    site_settings.accessibility_status = "totalement-conforme"
    site_settings.save()

    html = client.get("/").content.decode()
    assert '<p class="site-footer__name">Réseau des territoires</p>' in html
    assert re.search(r'class="site-name"[^>]*>Réseau des territoires</a>', html)
    assert '<a href="/mentions-legales/">Mentions légales</a>' in html
    assert "Accessibilité : totalement conforme" in html


def test_a_new_root_page_for_the_site_gives_its_own_menu(client, make_page):
    make_page("À propos", show_in_menus=True)
    section = make_page("Rubrique")
    make_page("Sous-rubrique", parent=section, show_in_menus=True)
    assert menu_titles(client) == ["À propos"]

    site = Site.objects.get(is_default_site=True)
    site.root_page = section
    site.save()

    assert menu_links(client.get("/").content.decode()) == [
        ("/sous-rubrique/", "", "Sous-rubrique")
    ]


def test_a_change_during_a_build_is_not_hidden_by_it(client, make_page, monkeypatch):
    """A shell built from the database as it was before a change is not kept."""
    make_page("À propos", show_in_menus=True)
    build = shell.build
    builds = []

    def build_then_change(site, request=None):
        built = build(site, request)
        builds.append(built)
        if len(builds) == 1:
            shell.invalidate()  # a page was published meanwhile
        return built

    monkeypatch.setattr(shell, "build", build_then_change)

    client.get("/")
    client.get("/")
    client.get("/")

    assert len(builds) == 2


def test_an_invalidation_follows_the_commit(
    client, make_page, django_capture_on_commit_callbacks
):
    """Page views between a change and its commit may cache the older state."""
    with django_capture_on_commit_callbacks() as callbacks:
        make_page("À propos", show_in_menus=True)
    client.get("/")
    assert shell_queries(client) == []

    for callback in callbacks:
        callback()

    assert shell_queries(client)
