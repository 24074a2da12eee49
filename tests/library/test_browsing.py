"""Browsing the library: each filter alone and combined, its counts, sort, pages."""

import html

import pytest
from django.core.paginator import Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core.fulltext import bounded_matches, full_text_search
from library import assessment
from library.browsing import PAGE_SIZE, filter_by_text
from library.templatetags.library_tags import nearby_pages
from territories.models import Collectivity
from tests.factories import make_collectivity, make_departement, make_region

from .builders import make_capability, make_project, make_projects_quickly, make_theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(library_index):
    """Four published projects and a draft, spread over every facet."""
    water = make_theme("Eau et assainissement")
    energy = make_theme("Énergie")
    vision = make_capability("Vision par ordinateur")
    forecasting = make_capability("Prévision")
    labege = make_collectivity()  # a commune of Occitanie
    brittany = make_departement("35", "Ille-et-Vilaine", make_region("53", "Bretagne"))
    rennes = make_collectivity(
        name="Rennes Métropole",
        kind=Collectivity.Kind.METROPOLE,
        code="243500139",
        siren="243500139",
        departement=brittany,
        postcodes=(),
    )
    projects = {
        "leaks": make_project(
            library_index,
            "Détection des fuites",
            themes=[water],
            capabilities=[forecasting],
            phase="en-production",
            system_kind="apprentissage-automatique",
            lead_collectivity=labege,
            assessment_bias="oui",
            assessment_frugality="oui",
        ),
        "plants": make_project(
            library_index,
            "Pilotage des stations d'épuration",
            themes=[water, energy],
            capabilities=[forecasting],
            phase="pilote",
            system_kind="hybride",
            lead_collectivity=rennes,
            assessment_bias="en-partie",
        ),
        "lighting": make_project(
            library_index,
            "Éclairage public adaptatif",
            themes=[energy],
            capabilities=[vision],
            phase="pilote",
            system_kind="regles",
            lead_collectivity=rennes,
            assessment_bias="non",
        ),
        "bins": make_project(
            library_index,
            "Tri des déchets par caméra",
            themes=[energy],
            capabilities=[vision],
            phase="arrete",
            system_kind="apprentissage-automatique",
            lead_collectivity=labege,
        ),
    }
    make_project(library_index, "Brouillon", themes=[water], publish=False)
    return projects


def titles(response):
    return sorted(project.title for project in response.context["browse"].page)


def facet(response, param):
    return next(f for f in response.context["browse"].facets if f.param == param)


def counts(response, param):
    return {option.value: option.count for option in facet(response, param).options}


def test_the_index_lists_published_projects_only(client, catalogue, library_index):
    response = client.get(library_index.url)
    assert response.status_code == 200
    assert titles(response) == sorted(p.title for p in catalogue.values())
    assert response.context["browse"].total == 4


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"theme": "eau-et-assainissement"}, ["leaks", "plants"]),
        ({"phase": "pilote"}, ["lighting", "plants"]),
        ({"systeme": "apprentissage-automatique"}, ["bins", "leaks"]),
        ({"capacite": "vision-par-ordinateur"}, ["bins", "lighting"]),
        ({"collectivite": "metropole"}, ["lighting", "plants"]),
        ({"region": "76"}, ["bins", "leaks"]),
        ({"biais": "oui"}, ["leaks"]),
        ({"frugalite": "non-renseigne"}, ["bins", "lighting", "plants"]),
    ],
)
def test_each_filter_alone(client, catalogue, library_index, params, expected):
    response = client.get(library_index.url, params)
    assert titles(response) == sorted(catalogue[key].title for key in expected)


def test_options_of_one_filter_add_up(client, catalogue, library_index):
    response = client.get(library_index.url, {"phase": ["pilote", "arrete"]})
    assert titles(response) == sorted(
        catalogue[key].title for key in ("bins", "lighting", "plants")
    )


def test_filters_combine(client, catalogue, library_index):
    response = client.get(
        library_index.url,
        {"theme": "energie", "phase": "pilote", "biais": ["non", "en-partie"]},
    )
    assert titles(response) == sorted(
        catalogue[key].title for key in ("lighting", "plants")
    )
    response = client.get(
        library_index.url,
        {"theme": "energie", "region": "53", "capacite": "vision-par-ordinateur"},
    )
    assert titles(response) == [catalogue["lighting"].title]


def test_filters_combine_with_a_text_query(client, catalogue, library_index):
    response = client.get(library_index.url, {"q": "stations", "theme": "energie"})
    assert titles(response) == [catalogue["plants"].title]
    response = client.get(library_index.url, {"q": "stations", "phase": "arrete"})
    assert titles(response) == []


@pytest.mark.postgresql
@pytest.mark.parametrize("text", ["fuite", "stations épuration", "dechets", "camera"])
def test_the_index_lookup_keeps_what_wagtails_search_keeps(
    catalogue, library_index, text
):
    """On PostgreSQL the filter reads the full-text index directly: the
    projects kept are those Wagtail's search of the listing finds."""
    found, _ = filter_by_text(library_index, text)
    with full_text_search():
        searched, _ = bounded_matches(library_index.projects(), text)
    kept = sorted(found.values_list("pk", flat=True))
    assert kept
    assert kept == sorted(searched)


def test_counts_without_filters(client, catalogue, library_index):
    """Each option counts the published projects that have it."""
    response = client.get(library_index.url)
    assert counts(response, "theme") == {"eau-et-assainissement": 2, "energie": 3}
    assert counts(response, "phase") == {
        "idee": 0,
        "experimentation": 0,
        "pilote": 2,
        "en-production": 1,
        "arrete": 1,
    }
    assert counts(response, "systeme")["apprentissage-automatique"] == 2
    assert counts(response, "capacite") == {"prevision": 2, "vision-par-ordinateur": 2}
    assert counts(response, "collectivite")["commune"] == 2
    assert counts(response, "collectivite")["metropole"] == 2
    assert counts(response, "region") == {"53": 2, "76": 2}
    assert counts(response, "biais") == {
        "oui": 1,
        "en-partie": 1,
        "non": 1,
        "non-renseigne": 1,
    }


def test_counts_follow_the_other_filters(client, catalogue, library_index):
    """An option counts what choosing it would give, given the other facets."""
    response = client.get(library_index.url, {"theme": "energie", "phase": "pilote"})
    # The phase's own choice does not narrow its counts; the theme's does.
    assert counts(response, "phase")["pilote"] == 2
    assert counts(response, "phase")["arrete"] == 1
    assert counts(response, "phase")["en-production"] == 0
    # And the other way round.
    assert counts(response, "theme") == {"eau-et-assainissement": 1, "energie": 2}
    assert counts(response, "region") == {"53": 2, "76": 0}
    assert counts(response, "biais")["non"] == 1


def test_counts_follow_the_text_query(client, catalogue, library_index):
    response = client.get(library_index.url, {"q": "caméra"})
    assert counts(response, "theme") == {"eau-et-assainissement": 0, "energie": 1}


def test_the_form_shows_counts_and_keeps_choices(client, catalogue, library_index):
    response = client.get(library_index.url, {"phase": "pilote", "q": "adaptatif"})
    content = html.unescape(response.content.decode())
    assert 'name="phase" value="pilote" checked> Pilote (1 projet)</label>' in content
    assert 'name="q" value="adaptatif"' in content
    assert "Retirer « Phase : Pilote »" in content
    assert "Retirer les mots-clés « adaptatif »" in content


def test_unknown_values_are_ignored(client, catalogue, library_index):
    response = client.get(library_index.url, {"phase": "inconnue", "tri": "hasard"})
    assert response.status_code == 200
    assert response.context["browse"].total == 4
    assert response.context["browse"].sort == "recent"


def test_sort_by_title_or_by_update(client, catalogue, library_index):
    by_title = client.get(library_index.url, {"tri": "titre"})
    assert [p.title for p in by_title.context["browse"].page] == sorted(
        p.title for p in catalogue.values()
    )
    recent = client.get(library_index.url, {"tri": "recent"})
    assert [p.title for p in recent.context["browse"].page] == [
        catalogue[key].title for key in ("bins", "lighting", "plants", "leaks")
    ]


def test_pages_keep_the_filters(client, library_index):
    make_projects_quickly(library_index, PAGE_SIZE + 3)
    first = client.get(library_index.url, {"phase": "pilote"})
    assert len(first.context["browse"].page) == PAGE_SIZE
    content = html.unescape(first.content.decode())
    assert 'href="?phase=pilote&page=2"' in content
    second = client.get(library_index.url, {"phase": "pilote", "page": 2})
    assert len(second.context["browse"].page) == 3


def test_the_summary_counts_answers_criterion_by_criterion(
    client, catalogue, library_index
):
    """A page of the library shows how all published projects answer each
    criterion; each count leads to the projects that give that answer."""
    address = library_index.url + library_index.reverse_subpage("assessment_summary")
    response = client.get(address, {"phase": "pilote"})
    summary = response.context["summary"]
    assert summary["total"] == 4
    bias_row = next(
        row
        for chapter in summary["chapters"]
        for row in chapter["rows"]
        if row["criterion"].key == "bias"
    )
    assert {cell["answer"].value: cell["count"] for cell in bias_row["answers"]} == {
        "oui": 1,
        "en-partie": 1,
        "non": 1,
        "non-renseigne": 1,
    }
    content = html.unescape(response.content.decode())
    for criterion in assessment.CRITERIA:
        assert str(criterion.label) in content
    assert f'href="{library_index.url}?biais=oui"' in content


def test_the_index_links_to_the_summary_and_keeps_criterion_filters(
    client, catalogue, library_index
):
    """Criterion filters come from the summary's links: the index's form has
    no boxes for them, but keeps them when the visitor adds other filters."""
    response = client.get(library_index.url, {"biais": "oui", "tri": "titre"})
    content = html.unescape(response.content.decode())
    summary = library_index.url + library_index.reverse_subpage("assessment_summary")
    assert f'href="{summary}"' in content
    assert '<input type="hidden" name="biais" value="oui">' in content
    assert 'type="checkbox" name="biais"' not in content
    assert "Retirer « Biais évalués : Oui »" in content
    assert response.context["browse"].total == 1


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(
            url, {"theme": "eau-et-assainissement", "biais": "non-renseigne"}
        )
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_projects(client, library_index):
    """Listing 10 or 200 projects, with filters and counts, costs as many queries."""
    water = make_theme("Eau et assainissement")
    vision = make_capability("Vision par ordinateur")
    make_projects_quickly(library_index, 10, themes=[water], capabilities=[vision])
    client.get(library_index.url)  # the site's routing caches fill on first use
    with_ten = count_queries(client, library_index.url)

    make_projects_quickly(
        library_index, 190, offset=10, themes=[water], capabilities=[vision]
    )
    client.get(library_index.url)  # the site's shell and the summary are built again
    with_two_hundred = count_queries(client, library_index.url)

    assert with_ten == with_two_hundred


def test_a_text_matching_more_than_the_bound_is_capped_and_said_so(
    client, library_index, monkeypatch
):
    """Beyond the bound, the list, its total and its counts cover the bound only."""
    monkeypatch.setattr("library.browsing.MAX_MATCHES", 3)
    make_projects_quickly(library_index, 3, summary="Capteurs de crue.", phase="pilote")
    make_projects_quickly(
        library_index, 3, offset=3, summary="Capteurs de crue.", phase="arrete"
    )
    make_projects_quickly(library_index, 2, offset=6, summary="Autre chose.")

    response = client.get(library_index.url, {"q": "capteurs"})

    browse = response.context["browse"]
    assert browse.text_has_more
    assert browse.total == 3
    kept = list(browse.page)
    assert len(kept) == 3
    assert all("Capteurs" in project.summary for project in kept)
    # Counts add up to what is kept, and match the projects kept.
    phases = counts(response, "phase")
    assert sum(phases.values()) == 3
    assert phases["pilote"] == sum(project.phase == "pilote" for project in kept)
    content = html.unescape(response.content.decode())
    assert "Ces mots-clés se trouvent dans plus de 3 projets" in content

    # A filter narrows the projects kept; its options still count within them.
    pilots = client.get(library_index.url, {"q": "capteurs", "phase": "pilote"})
    assert pilots.context["browse"].total == phases["pilote"]
    assert counts(pilots, "phase") == phases


def test_a_text_within_the_bound_is_not_capped(client, library_index, monkeypatch):
    monkeypatch.setattr("library.browsing.MAX_MATCHES", 3)
    make_projects_quickly(library_index, 3, summary="Capteurs de crue.")
    make_projects_quickly(library_index, 2, offset=3, summary="Autre chose.")

    response = client.get(library_index.url, {"q": "capteurs"})

    assert not response.context["browse"].text_has_more
    assert response.context["browse"].total == 3
    assert "Ces mots-clés se trouvent" not in html.unescape(response.content.decode())


def test_the_bound_counts_only_projects_visitors_may_see(
    client, library_index, monkeypatch
):
    """Drafts and private projects that match take no place within the bound."""
    monkeypatch.setattr("library.browsing.MAX_MATCHES", 2)
    visible = make_projects_quickly(library_index, 2, summary="Capteurs de crue.")
    for number in range(2):
        make_project(
            library_index,
            f"Brouillon {number}",
            summary="Capteurs de crue.",
            publish=False,
        )
    private = make_project(library_index, "Réservé", summary="Capteurs de crue.")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(library_index.url, {"q": "capteurs"})

    browse = response.context["browse"]
    assert not browse.text_has_more
    assert sorted(project.pk for project in browse.page) == sorted(
        project.pk for project in visible
    )


def test_query_count_of_a_text_query_does_not_grow_with_its_matches(
    client, library_index
):
    make_projects_quickly(library_index, 5, summary="Capteurs de crue.")
    client.get(library_index.url, {"q": "capteurs"})
    with CaptureQueriesContext(connection) as few:
        client.get(library_index.url, {"q": "capteurs"})

    make_projects_quickly(library_index, 60, offset=5, summary="Capteurs de crue.")
    client.get(library_index.url, {"q": "capteurs"})
    with CaptureQueriesContext(connection) as many:
        response = client.get(library_index.url, {"q": "capteurs"})

    assert response.context["browse"].total == 65
    assert len(many) == len(few)


def test_the_summary_follows_publication(client, catalogue, library_index):
    """The summary is kept in the cache, and counted again after a change."""
    address = library_index.url + library_index.reverse_subpage("assessment_summary")
    assert client.get(address).context["summary"]["total"] == 4
    with CaptureQueriesContext(connection) as queries:
        client.get(address)
    assert not any("usefulness__oui" in q["sql"] for q in queries)

    draft = make_project(library_index, "Nouveau projet", publish=False)
    assert client.get(address).context["summary"]["total"] == 4
    draft.get_latest_revision().publish()
    assert client.get(address).context["summary"]["total"] == 5

    catalogue["leaks"].unpublish()
    assert client.get(address).context["summary"]["total"] == 4


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"phase": "pilote"},
        {"theme": "energie", "phase": "pilote"},
        {"theme": "energie", "region": "53", "capacite": "vision-par-ordinateur"},
        {"collectivite": "metropole", "biais": ["non", "en-partie"]},
        {"capacite": ["prevision", "vision-par-ordinateur"], "systeme": "hybride"},
        {"tri": "titre", "frugalite": "non-renseigne"},
    ],
)
def test_counts_within_matches_equal_counts_in_the_database(
    client, catalogue, library_index, params
):
    """Words found in every project change nothing: the projects that match
    words are counted in memory, the others in the database, alike."""
    assert client.get(library_index.url, {"q": "potable"}).context[
        "browse"
    ].total == len(catalogue)
    without_words = client.get(library_index.url, params)
    with_words = client.get(library_index.url, {**params, "q": "potable"})

    total = without_words.context["browse"].total
    assert with_words.context["browse"].total == total
    for param in [f.param for f in without_words.context["browse"].facets]:
        assert counts(with_words, param) == counts(without_words, param), param
    assert [p.pk for p in with_words.context["browse"].page] == [
        p.pk for p in without_words.context["browse"].page
    ]


@pytest.mark.parametrize(
    "current, expected",
    [
        (1, [1, 2, 3, 5000]),
        (2500, [1, 2498, 2499, 2500, 2501, 2502, 5000]),
        (5000, [1, 4998, 4999, 5000]),
    ],
)
def test_pages_linked_are_few_however_many_there_are(current, expected):
    """The first, the last and two on each side: the list of 5,000 pages is
    never walked through."""
    assert nearby_pages(Paginator(range(5000), 1).page(current)) == expected
