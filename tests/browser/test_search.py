"""The site search as visitors use it: from the header, by keyboard, with
suggestions as they type, and without JavaScript."""

import re

from .steps import arrow_down_to, assert_accessible, tab_to

DEMO_PROJECT = "Détection des fuites sur le réseau d'eau potable"


def result_titles(page):
    return page.locator(".search-result__title").all_inner_texts()


def test_search_from_the_header_with_the_keyboard_only(site, page):
    """Tab to the header's box, type, Enter: the results list the project;
    Tab to the first result and Enter opens it."""
    page.goto(site.address("/"))
    tab_to(page, "#site-search-query")
    page.keyboard.type("fuites d'eau")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/recherche/" in page.url
    titles = result_titles(page)
    assert DEMO_PROJECT in titles

    tab_to(page, ".search-result__title a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == titles[0]


def test_open_a_suggestion_with_the_keyboard(axe, site, page):
    """Suggestions appear as one types; Down arrow and Enter open one."""
    page.goto(site.address("/"))
    tab_to(page, "#site-search-query")
    page.keyboard.type("fuites")
    suggestion = page.get_by_role("option", name=re.compile(re.escape(DEMO_PROJECT)))
    suggestion.wait_for()
    assert_accessible(page)
    arrow_down_to(page, suggestion)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == DEMO_PROJECT


def test_search_and_filter_by_kind_without_javascript(site, page_without_script):
    """With JavaScript off, the header's box is a plain form, and the kinds
    of results are links that narrow the list."""
    page = page_without_script
    page.goto(site.address("/"))
    page.locator("#site-search-query").fill("eau")
    page.get_by_role("button", name="Rechercher", exact=True).click()
    assert DEMO_PROJECT in result_titles(page)

    page.locator(".search-filters").get_by_role(
        "link", name=re.compile("^Projets")
    ).click()
    assert DEMO_PROJECT in result_titles(page)
    assert "type=projets" in page.url
