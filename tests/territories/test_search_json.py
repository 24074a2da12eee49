"""The public JSON search that the collectivity picker calls as one types."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = "/collectivites/recherche.json"


def test_json_search_is_at_its_public_address():
    assert reverse("territories:search_json") == URL


def test_json_search_returns_public_facts_of_the_matches(client, small_register):
    """Each match carries its id, label, kind, codes and places, nothing else."""
    response = client.get(URL, {"q": "labege"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    labege = small_register["labege"]
    assert response.json() == {
        "results": [
            {
                "id": labege.pk,
                "label": "Labège (31)",
                "name": "Labège",
                "kind": "commune",
                "kind_label": "Commune",
                "code": "31254",
                "siren": "213102544",
                "departement": {"code": "31", "name": "Haute-Garonne"},
                "region": {"code": "76", "name": "Occitanie"},
            }
        ]
    }


def test_json_search_answers_can_be_cached_by_anyone(client, small_register):
    """The answer holds no per-visitor content: shared caches may keep it."""
    response = client.get(URL, {"q": "labege"})
    assert "public" in response["Cache-Control"]
    assert "max-age=" in response["Cache-Control"]
    assert "Set-Cookie" not in response


def test_json_search_applies_the_matching_rules(client, small_register):
    """Postcode, SIREN and name find the same commune; parts of communes never."""
    for typed in ("31670", "213102544", "LABÈGE"):
        results = client.get(URL, {"q": typed}).json()["results"]
        assert [r["name"] for r in results] == ["Labège"]
    results = client.get(URL, {"q": "Labège-le-Vieux"}).json()["results"]
    assert results == []


@pytest.mark.parametrize(
    "query",
    [{}, {"q": ""}, {"q": "   "}, {"q": "%_%"}, {"q": "\x00"}, {"q": "é" * 5000}],
)
def test_json_search_of_nothing_or_garbage_is_an_empty_list(
    client, small_register, query
):
    """Missing, empty, garbage or very long text gets an empty list, never an error."""
    response = client.get(URL, query)
    assert response.status_code == 200
    assert response.json() == {"results": []}


def test_json_search_only_answers_get(client):
    assert client.post(URL, {"q": "labege"}).status_code == 405
