"""Promoted results: chosen by editors for a query, shown before the others."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("search:search")


def promote(query_string, page=None, **fields):
    return SearchPromotion.objects.create(
        query=Query.get(query_string), page=page, sort_order=0, **fields
    )


def test_promoted_results_come_first(client, make_page, make_project):
    make_project("Eau potable", "Le suivi de l'eau potable.")
    guide = make_page("Guide de l'achat public", "Acheter un service numérique.")
    promote("eau", guide, description="Notre guide pour acheter un tel service.")

    response = client.get(SEARCH_URL, {"q": "eau"})

    search = response.context["search"]
    assert [result.url for result in search.promoted] == [guide.url]
    content = response.content.decode()
    assert content.index("Guide de l") < content.index("<mark>Eau</mark> potable")
    assert "Notre guide pour acheter un tel service." in content
    assert search.total == 2


def test_a_promoted_page_is_not_repeated_among_the_results(client, make_page):
    page = make_page("Eau et climat", "L'eau dans nos politiques.")
    promote("eau", page)

    search = client.get(SEARCH_URL, {"q": "eau"}).context["search"]

    assert len(search.promoted) == 1
    assert list(search.page.object_list) == []
    assert search.total == 1


def test_external_links_can_be_promoted(client, home_page):
    promote(
        "cnil",
        external_link_url="https://www.cnil.fr/",
        external_link_text="Le site de la CNIL",
    )

    content = client.get(SEARCH_URL, {"q": "CNIL"}).content.decode()

    assert 'href="https://www.cnil.fr/"' in content


def test_unpublished_promoted_pages_are_not_shown(client, make_page):
    draft = make_page("Brouillon promu", "Texte.", live=False)
    promote("eau", draft)

    search = client.get(SEARCH_URL, {"q": "eau"}).context["search"]

    assert search.promoted == []


def test_a_promotion_without_accents_answers_the_accented_query(client, make_page):
    page = make_page("Plan climat", "Le plan climat de la métropole.")
    promote("energie", page)

    search = client.get(SEARCH_URL, {"q": "Énergie"}).context["search"]

    assert [result.url for result in search.promoted] == [page.url]


def test_a_promotion_is_shown_from_the_next_search(client, make_page):
    """Which queries have promotions is cached: changes are seen at once."""
    guide = make_page("Guide de l'achat public", "Acheter un service numérique.")
    assert not client.get(SEARCH_URL, {"q": "eau"}).context["search"].promoted

    promotion = promote("eau", guide)
    promoted = client.get(SEARCH_URL, {"q": "eau"}).context["search"].promoted
    assert [result.url for result in promoted] == [guide.url]

    promotion.delete()
    assert not client.get(SEARCH_URL, {"q": "eau"}).context["search"].promoted


def test_a_search_for_a_query_without_promotion_does_not_look_them_up(
    client, make_page
):
    promote("eau", make_page("Guide", "Acheter un service."))
    client.get(SEARCH_URL, {"q": "climat"})

    with CaptureQueriesContext(connection) as queries:
        client.get(SEARCH_URL, {"q": "climat"})

    assert not [
        query
        for query in queries.captured_queries
        if SearchPromotion._meta.db_table in query["sql"]
    ]
