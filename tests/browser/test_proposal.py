"""The proposal form, step by step, as a visitor goes through it.

pages.py reaches the form's first step; the other steps follow a sent step,
so their accessibility, validity and size are checked here.
"""

import re

from tests.conftest import skip_or_fail

from .ecoindex import EcoIndex
from .measure import COUNT_DOM_ELEMENTS, MIN_ECOINDEX, measure_first_visit
from .steps import assert_accessible, fill_the_project, next_step, proposal_step
from .tools import check_html, describe_html_errors, missing_html_checker

PROPOSAL = "/bibliotheque/proposer/"
TITLE = "Prévision des crues de la Save"


def choose_the_kind_of_system(page):
    page.get_by_label("Nature du système").select_option(
        label="Apprentissage automatique"
    )


def send(page, button):
    """Press ``button``; the response of the page it leads to."""
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=button, exact=True).click()
    return navigation.value


def test_every_step_is_accessible_valid_and_light(axe, browser, site, page):
    """Each step, as first shown and as sent back with a mistake: axe-core finds
    no violation, the HTML checker no error, and with the requests and weight
    of a first visit to the form its DOM keeps the page in EcoIndex grade A."""
    reason = missing_html_checker()
    if reason:
        skip_or_fail(reason)
    first_visit = measure_first_visit(browser, site.address(PROPOSAL))
    documents, sizes = {}, {}

    def look_at(state, response):
        assert response.status == 200, state
        assert_accessible(page)
        documents[state] = response.text()
        sizes[state] = page.evaluate(COUNT_DOM_ELEMENTS)

    look_at("step 1", page.goto(site.address(PROPOSAL)))
    page.get_by_label("Nom du projet").fill(TITLE)
    look_at("step 1, essentials missing", send(page, "Suivant"))
    fill_the_project(page, TITLE)
    look_at("step 2", send(page, "Suivant"))
    source_code = page.get_by_label(re.compile("^Code source"))
    source_code.fill("pas une adresse")
    look_at("step 2, kind and address wrong", send(page, "Suivant"))
    choose_the_kind_of_system(page)
    source_code.fill("")
    look_at("step 3", send(page, "Suivant"))
    page.get_by_label("Votre adresse électronique").fill("pas-une-adresse")
    look_at("step 3, contact missing", send(page, "Envoyer la proposition"))

    assert "Étape 3 sur 3" in proposal_step(page)
    html_errors = check_html(documents)
    assert not any(html_errors.values()), "\n".join(
        f"{state}:\n{describe_html_errors(errors)}"
        for state, errors in html_errors.items()
        if errors
    )
    for state, size in sizes.items():
        ecoindex = EcoIndex(size, first_visit.request_count, first_visit.kilobytes)
        assert ecoindex.score > MIN_ECOINDEX, (
            f"{state}: {size} DOM elements, EcoIndex {ecoindex.score:.1f}"
        )


def test_going_back_keeps_what_was_typed(site, page):
    """ "Précédent" shows the step before with its answers, the collectivity
    chosen among the suggestions included; what was typed on the step left
    is there again on the way forward."""
    page.goto(site.address(PROPOSAL))
    fill_the_project(page, TITLE)
    next_step(page)
    page.get_by_label("Données utilisées").fill("Relevés des stations de la Save.")
    page.get_by_label("Précisions sur l'hébergement").fill("Serveurs du syndicat")

    next_step(page, "Précédent")

    assert "Étape 1 sur 3" in proposal_step(page)
    assert page.get_by_label("Nom du projet").input_value() == TITLE
    collectivity = page.get_by_role("combobox", name="Collectivité porteuse")
    assert collectivity.input_value().startswith("Plaisance-du-Touch")
    assert page.get_by_label("Eau et assainissement").is_checked()

    next_step(page)

    assert "Étape 2 sur 3" in proposal_step(page)
    data_used = page.get_by_label("Données utilisées").input_value()
    assert data_used == "Relevés des stations de la Save."


def test_enter_in_a_field_moves_forward(site, page):
    """Enter in a text field sends the step forward, never back."""
    page.goto(site.address(PROPOSAL))
    fill_the_project(page, TITLE)
    next_step(page)
    choose_the_kind_of_system(page)

    with page.expect_navigation():
        page.get_by_label("Précisions sur l'hébergement").press("Enter")

    assert "Étape 3 sur 3" in proposal_step(page)
