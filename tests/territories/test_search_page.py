"""The collectivity search as a page, for visitors without JavaScript."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import make_collectivity

pytestmark = pytest.mark.django_db

URL = "/collectivites/recherche/"


def test_search_page_is_at_its_public_address():
    assert reverse("territories:search") == URL


def test_empty_search_page_shows_the_form(client):
    """Without a query, the page offers a labelled search field and no results.

    The breadcrumb leads back home from it.
    """
    response = client.get(URL)
    assert response.status_code == 200
    assertContains(response, '<label for="id_q">')
    assertContains(response, 'name="q"')
    assertNotContains(response, "collectivity-search__results")
    assertContains(response, 'aria-current="page">Rechercher une collectivité</a>')


@pytest.mark.parametrize("query", ["labege", "LABÈGE", "31670", "213102544", "31254"])
def test_search_page_lists_the_matches(client, small_register, query):
    """Name, postcode, SIREN or code: the page lists the matching collectivity."""
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assertContains(response, "1 collectivité trouvée")
    assertContains(response, "Labège (31)")
    assertContains(response, "213102544")
    assertContains(response, f'value="{query}"')


def test_search_page_never_lists_parts_of_communes(client, small_register):
    response = client.get(URL, {"q": "Labège-le-Vieux"})
    assertContains(response, "Aucune collectivité ne correspond à « Labège-le-Vieux »")


def test_search_page_says_when_more_match_than_shown(client, db):
    """Beyond twenty matches, the page says that it shows only the first ones."""
    for number in range(25):
        make_collectivity(
            f"Sainte-Marie {number}",
            code=f"31{number:03d}",
            siren=f"2131{number:05d}",
            postcodes=(),
        )
    response = client.get(URL, {"q": "sainte marie"})
    assertContains(response, "20 collectivités trouvées")
    assertContains(response, "seules les 20 premières sont affichées")
    response = client.get(URL, {"q": "sainte marie 1"})
    assertNotContains(response, "premières")


@pytest.mark.parametrize("query", ["%", "<script>alert(1)</script>", "x" * 5000])
def test_search_page_survives_garbage(client, small_register, query):
    """Garbage gets an ordinary page saying nothing matches, escaped."""
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assertNotContains(response, "<script>alert(1)</script>")
    assertContains(response, "Aucune collectivité ne correspond")


def test_search_page_is_cacheable_and_not_indexed(client, small_register):
    response = client.get(URL, {"q": "labege"})
    assert "public" in response["Cache-Control"]
    assertContains(response, '<meta name="robots" content="noindex">')
