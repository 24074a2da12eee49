"""Keyboard only: the skip link comes first, focus always shows, tasks get done."""

import re

import pytest

from .pages import PUBLIC_PAGE_TYPES
from .steps import arrow_down_to, tab_to
from .tools import focused_element

# More stops than the longest page has (the proposal form, about 120).
MAX_TAB_STOPS = 300


def describe(element):
    return (
        f"<{element['tag']} id={element['id']!r} class={element['className']!r}>"
        f" {element['text']!r}"
    )


@pytest.mark.parametrize("page_type", PUBLIC_PAGE_TYPES, ids=lambda p: p.name)
def test_skip_link_is_first_and_leads_to_the_content(site, page, page_type):
    """The first Tab shows the skip link; Enter on it moves the focus to <main>."""
    page_type.first_visit.open(page, site)

    page.keyboard.press("Tab")
    skip_link = focused_element(page)

    assert skip_link is not None
    assert "skip-link" in skip_link["className"], describe(skip_link)
    assert skip_link["inViewport"] and skip_link["width"] > 0, "not shown"
    assert skip_link["outline"] or skip_link["shadow"], "its focus does not show"

    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    assert page.evaluate("location.hash") == "#contenu"


@pytest.mark.parametrize("page_type", PUBLIC_PAGE_TYPES, ids=lambda p: p.name)
def test_focus_always_shows(site, page, page_type):
    """Every element that Tab reaches is on screen and outlined while focused."""
    page_type.first_visit.open(page, site)
    unseen = []
    stops = 0

    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        element = focused_element(page)
        if element is None:
            break  # Past the last element, the focus leaves the page.
        stops += 1
        if not (element["outline"] or element["shadow"]):
            unseen.append(f"{describe(element)}: outline {element['outlineStyle']}")
        elif not element["inViewport"]:
            unseen.append(f"{describe(element)}: off screen")
    else:
        raise AssertionError(f"Tab never left the page in {MAX_TAB_STOPS} stops")

    assert stops > 1
    assert not unseen, "Focus not visible on:\n" + "\n".join(unseen)


def test_search_a_collectivity_with_the_keyboard_only(site, page):
    """From the skip link, Tab to the search field, type, Enter: results show."""
    page.goto(site.address("/collectivites/recherche/"))

    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    tab_to(page, "main input[name=q]")
    page.keyboard.type("Labège")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "q=Lab" in page.url
    results = page.locator(".collectivity-search__list li")
    assert results.count() >= 1
    assert "Labège" in results.first.inner_text()


# The button that sends a step forward (or the last one): "Précédent" alone
# carries a name.
FORWARD_BUTTON = "main form[method=post] button[type=submit]:not([name])"


def test_propose_a_project_with_the_keyboard_only(site, page):
    """Tab, typing, Space, the arrows of the suggestions and Enter alone take
    the agent through the three steps of the proposal form."""
    page.goto(site.address("/bibliotheque/"))
    tab_to(page, "main a[href$='/proposer/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    tab_to(page, "[name=title]")
    page.keyboard.type("Tri des courriers entrants")
    tab_to(page, "[name=summary]")
    page.keyboard.type("Orienter les courriers vers le bon service.")
    tab_to(page, "main input[role=combobox]")
    page.keyboard.type("Plaisance-du")
    arrow_down_to(
        page, page.get_by_role("option", name=re.compile(r"^Plaisance-du-Touch"))
    )
    page.keyboard.press("Enter")
    water = page.get_by_role("checkbox", name="Eau et assainissement")
    tab_to(page, f"#{water.get_attribute('id')}")
    page.keyboard.press("Space")
    tab_to(page, "select[name=phase]")
    page.keyboard.type("Pilote")
    tab_to(page, "[name=problem]")
    page.keyboard.type("Des courriers attendent d'être orientés.")
    tab_to(page, FORWARD_BUTTON)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Étape 2 sur 3" in page.locator("main h2").first.inner_text()

    tab_to(page, "select[name=system_kind]")
    page.keyboard.type("Apprentissage")
    tab_to(page, FORWARD_BUTTON)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Étape 3 sur 3" in page.locator("main h2").first.inner_text()

    tab_to(page, "[name=submitter_name]")
    page.keyboard.type("Camille Exemple")
    tab_to(page, "[name=submitter_email]")
    page.keyboard.type("camille@plaisance-du-touch.example")
    tab_to(page, "[name=submitter_role]")
    page.keyboard.type("Chargée de mission")
    tab_to(page, "[name=accept_privacy]")
    page.keyboard.press("Space")
    tab_to(page, FORWARD_BUTTON)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "/proposer/merci/" in page.url, page.locator("main").inner_text()[:600]


def test_suggest_an_update_with_the_keyboard_only(site, page):
    """From a project's page, Tab to the link, type the suggestion, send it."""
    page.goto(site.address("/bibliotheque/detection-fuites-reseau-eau/"))
    tab_to(page, "main a[href$='/signaler/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    tab_to(page, "[name=message]")
    page.keyboard.type("Le budget a changé en 2026.")
    tab_to(page, "main form[method=post] button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "/signaler/merci/" in page.url, page.locator("main").inner_text()[:600]
