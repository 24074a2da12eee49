"""Suggestions as one types: titles of pages and signatories, as JSON."""

import pytest
from django.urls import reverse

from manifesto.models import Signature

from .conftest import make_signature

pytestmark = pytest.mark.django_db

SUGGESTIONS_URL = reverse("search:suggestions")


def suggestions(client, query):
    response = client.get(SUGGESTIONS_URL, {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["suggestions"]


def test_suggests_titles_that_start_with_what_is_typed(client, make_page, make_project):
    make_project("Énergie des écoles", "Le chauffage.")
    make_page("Énergies renouvelables", "Le solaire.")
    make_page("Eau potable", "Les fuites.")

    found = suggestions(client, "énerg")

    assert sorted(item["title"] for item in found) == [
        "Énergie des écoles",
        "Énergies renouvelables",
    ]
    assert {item["kind"] for item in found} == {"Projet", "Page"}
    assert all(item["url"].startswith("/") for item in found)


def test_suggestions_ignore_accents(client, make_page):
    """ "ener" completes to "Énergie", as "ecol" to "École"."""
    make_page("Énergie des bâtiments", "Le chauffage.")
    make_page("École numérique", "Des tablettes.")

    assert [item["title"] for item in suggestions(client, "ener")] == [
        "Énergie des bâtiments"
    ]
    assert [item["title"] for item in suggestions(client, "ECOL")] == [
        "École numérique"
    ]


def test_several_words_narrow_the_suggestions(client, make_page):
    make_page("Énergie des bâtiments", "Le chauffage.")
    make_page("Énergie des stations d'épuration", "Les pompes.")

    assert [item["title"] for item in suggestions(client, "energie bat")] == [
        "Énergie des bâtiments"
    ]


def test_drafts_are_not_suggested(client, make_page):
    make_page("Énergie en brouillon", "Texte.", live=False)

    assert suggestions(client, "energ") == []


def test_approved_signatories_are_suggested(client, home_page):
    make_signature("L'Isle-Jourdain")
    make_signature("Labège")
    make_signature("Labastide-Beauvoir", status=Signature.Status.AWAITING_MODERATION)

    assert [(item["title"], item["kind"]) for item in suggestions(client, "lab")] == [
        ("Labège", "Collectivité signataire")
    ]
    assert [item["title"] for item in suggestions(client, "isle")] == [
        "L'Isle-Jourdain"
    ]


@pytest.mark.parametrize(
    "query", ["", "e", "'", ":*", "(", "\x00\x00", "x" * 10_000, "de la"]
)
def test_odd_input_gives_a_list(client, make_page, query):
    make_page("Énergie des bâtiments", "Le chauffage.")

    assert isinstance(suggestions(client, query), list)


def test_suggestions_may_be_cached_by_browsers(client, home_page):
    response = client.get(SUGGESTIONS_URL, {"q": "eau"})
    assert "max-age=300" in response["Cache-Control"]
