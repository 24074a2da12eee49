"""The library as people use it: propose a project, moderate it, find it.

The proposed project is one of its own, absent from the demo content, so
that the journeys can run in any order on the same site.
"""

import re

from .steps import (
    assert_accessible,
    fill_the_project,
    log_in_as_moderator,
    next_step,
    tab_to,
)

LIBRARY = "/bibliotheque/"
PROPOSED_TITLE = "Prévision des crues du Touch"
AGENT_EMAIL = "donnees@plaisance-du-touch.example"
DEMO_PROJECT = "Détection des fuites sur le réseau d'eau potable"


def project_titles(page):
    return page.locator(".project-list .project-card__title").all_inner_texts()


def approve_in_workflow(page, site, title):
    """The moderator opens the proposal awaiting review, approves and publishes."""
    log_in_as_moderator(page, site)
    page.goto(site.address("/admin/"))
    review = page.locator("#awaiting-review-section, section", has_text=title).first
    review.get_by_role("link", name=title).first.click()
    page.get_by_role("button", name="Plus d'actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Approuver et Publier", exact=True).click()


def test_propose_approve_and_find_a_project(axe, site, page, moderator_page):
    """An agent proposes a project through the public form; once a moderator
    approves it in the workflow, a visitor finds it by filtering the library,
    by its keywords, and by the site search."""
    page.goto(site.address(LIBRARY))
    page.get_by_role("link", name="Proposer un projet").first.click()

    fill_the_project(page, PROPOSED_TITLE)
    next_step(page)
    page.get_by_label("Nature du système").select_option(
        label="Apprentissage automatique"
    )
    next_step(page)
    # Every criterion of the manifesto, answered "En partie".
    for answer in page.get_by_role("radio", name="En partie", exact=True).all():
        answer.check()
    page.get_by_label("Votre nom").fill("Sacha Exemple")
    page.get_by_label("Votre adresse électronique").fill(AGENT_EMAIL)
    page.get_by_label("Votre fonction").fill("Chargée de mission données")
    page.get_by_label(re.compile("J'accepte que mes coordonnées")).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Envoyer la proposition").click()

    assert "/proposer/merci/" in page.url, page.locator("main").inner_text()[:600]
    assert_accessible(page)
    site.wait_for_email(AGENT_EMAIL)

    page.goto(site.address(LIBRARY))
    assert PROPOSED_TITLE not in project_titles(page)

    approve_in_workflow(moderator_page, site, PROPOSED_TITLE)

    page.goto(site.address(LIBRARY))
    page.get_by_role("checkbox", name=re.compile("^Eau et assainissement")).check()
    page.get_by_role("checkbox", name=re.compile("^Pilote")).check()
    page.get_by_role("button", name="Afficher les projets").click()
    assert PROPOSED_TITLE in project_titles(page)
    assert DEMO_PROJECT not in project_titles(page)

    page.goto(site.address(LIBRARY))
    page.get_by_label("Mots-clés").fill("crues")
    page.get_by_role("button", name="Afficher les projets").click()
    assert PROPOSED_TITLE in project_titles(page)

    page.get_by_role("link", name=PROPOSED_TITLE).click()
    assert page.locator("h1").inner_text() == PROPOSED_TITLE
    assert "Plaisance-du-Touch" in page.locator("main").inner_text()

    page.locator("#site-search-query").fill("crues Touch")
    page.get_by_role("button", name="Rechercher", exact=True).click()
    page.get_by_role("link", name=PROPOSED_TITLE).click()
    assert page.locator("h1").inner_text() == PROPOSED_TITLE


def test_browse_and_search_the_library_without_javascript(site, page_without_script):
    """With JavaScript off, the filters and the keyword search of the library
    work as plain forms, and lead to a project's record."""
    page = page_without_script
    page.goto(site.address(LIBRARY))

    page.get_by_role("checkbox", name=re.compile("^Eau et assainissement")).check()
    page.get_by_role("button", name="Afficher les projets").click()
    assert DEMO_PROJECT in project_titles(page)
    assert "theme=eau-et-assainissement" in page.url

    page.get_by_label("Mots-clés").fill("fuites")
    page.get_by_role("button", name="Afficher les projets").click()
    assert project_titles(page) == [DEMO_PROJECT]

    page.get_by_role("link", name=DEMO_PROJECT).click()
    assert page.locator("h1").inner_text() == DEMO_PROJECT


def test_browse_the_library_with_the_keyboard_only(site, page):
    """Tab, Space and Enter alone: tick a theme, show the projects, open one."""
    page.goto(site.address(LIBRARY))

    tab_to(page, "input[type=checkbox][value=eau-et-assainissement]")
    page.keyboard.press("Space")
    tab_to(page, ".library-filters button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "theme=eau-et-assainissement" in page.url

    tab_to(page, ".project-list a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() in project_titles_of(site, page)


def project_titles_of(site, page):
    """The titles the library lists for the water theme, read in a new page."""
    other = page.context.new_page()
    try:
        other.goto(site.address(LIBRARY + "?theme=eau-et-assainissement"))
        return project_titles(other)
    finally:
        other.close()
