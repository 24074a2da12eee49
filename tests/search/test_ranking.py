"""Ranking: a match in a title comes before a mention in a text."""

import pytest
from django.urls import reverse
from wagtail.models import Site

from search.services import RankedPages, SiteScope, matching_pages

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("search:search")


def result_titles(client, query, **parameters):
    response = client.get(SEARCH_URL, {"q": query, **parameters})
    return [
        str(result.title).replace("<mark>", "").replace("</mark>", "")
        for result in response.context["search"].page.object_list
    ]


def test_a_title_match_comes_before_a_single_mention(client, make_project):
    """The project about irrigation is first, whatever the order of creation."""
    make_project(
        "Tableau de bord des services",
        "Des indicateurs pour les services, dont un sur l'irrigation des parcs, "
        "la propreté, l'éclairage, la voirie et les écoles de la commune.",
    )
    make_project("Irrigation raisonnée", "Arroser les parcs selon la météo.")
    make_project(
        "Suivi de la voirie",
        "Repérer les nids-de-poule, et ailleurs l'irrigation des cultures.",
    )

    assert result_titles(client, "irrigation")[0] == "Irrigation raisonnée"
    assert result_titles(client, "irrigation", type="projets")[0] == (
        "Irrigation raisonnée"
    )


def test_title_matches_come_first_among_pages_of_every_kind(
    client, make_page, make_project
):
    make_page("Nos partenaires", "Nous travaillons avec des laboratoires publics.")
    make_project("Laboratoire de données", "Un service commun aux communes.")

    assert result_titles(client, "laboratoire")[0] == "Laboratoire de données"


@pytest.mark.postgresql
def test_matches_are_ranked_in_wagtails_order(make_page, make_project, home_page):
    """The page ranks the matches it found as Wagtail's own search would."""
    make_project("Eau potable", "Suivi de l'eau et de l'eau de pluie.")
    make_project("Fuites d'eau", "Repérer les fuites du réseau d'eau.")
    make_project("Voirie", "Nettoyer les rues, arroser à l'eau de pluie.")
    make_project("Voirie bis", "Nettoyer les rues, arroser à l'eau de pluie.")
    make_page("Nos partenaires", "Les syndicats des eaux et de l'assainissement.")
    scope = SiteScope(Site.objects.get(is_default_site=True))

    expected = [page.pk for page in scope.pages.search("eau", operator="and")]
    matches = matching_pages(scope, "eau")
    ranked = RankedPages([match for kind in matches.values() for match in kind])

    assert len(expected) == 5
    assert [page.pk for page, _text in ranked[0:10]] == expected
    assert [page.pk for page, _text in ranked[1:3]] == expected[1:3]
    assert all(text for _page, text in ranked[0:10])
