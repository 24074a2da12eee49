"""The lookup of matching pages on PostgreSQL, written for its full-text index.

It must find what Wagtail's own search finds among the pages a visitor may
see, with the rank Wagtail would give, and read the full-text index where
the search of most pages would otherwise unpack every entry's vectors.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from core.fulltext import MatchGroup, full_text_search, page_matches
from search.kinds import Kind, page_content_type_ids
from search.services import SiteScope

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]

QUERIES = [
    "eau",
    "fuites d'eau",
    "énergie bâtiments",
    "Labège",
    "zythologie",
    "a:* & (b | !c)",
    "sobriété",
]


@pytest.fixture
def pages(make_page, make_project, chapter, restrict_to_logged_in, home_page):
    make_project("Fuites d'eau", "Repérer une fuite sur le réseau d'eau de Labège.")
    make_project("Eau potable", "Suivi de l'eau et de l'énergie des bâtiments.")
    make_project("Énergie des bâtiments", "Le chauffage des écoles.")
    make_project("Brouillon sur l'eau", "Un projet en préparation.", live=False)
    make_page("Nos partenaires", "Les syndicats des eaux de Labège.")
    hidden = make_page("Espace des membres", "Le compte rendu sur l'eau.")
    restrict_to_logged_in(hidden)
    make_page("Sous l'espace des membres", "L'eau encore.", parent=hidden)
    other_home = Page.get_first_root_node().add_child(
        instance=Page(title="Autre site", slug="autre-site")
    )
    Site.objects.create(hostname="autre.example", root_page=other_home)
    other_home.add_child(instance=Page(title="L'eau ailleurs", slug="eau-ailleurs"))


def groups():
    projects = tuple(page_content_type_ids(Kind.PROJECT))
    others = tuple(
        content_type_id
        for kind in (Kind.MANIFESTO, Kind.PAGE)
        for content_type_id in page_content_type_ids(kind)
    )
    return [MatchGroup(projects, 100, many=True), MatchGroup(others, 100)]


@pytest.mark.parametrize("query", QUERIES)
def test_finds_what_wagtail_finds_with_its_rank(pages, query):
    scope = SiteScope(Site.objects.get(is_default_site=True))
    with full_text_search():
        found = page_matches(
            Page.objects.search(query, operator="and"), scope.paths, groups()
        )

    for group, matches in zip(groups(), found, strict=True):
        expected = {
            page.pk: page.score
            for page in scope.pages.filter(content_type_id__in=group.content_type_ids)
            .search(query, operator="and")
            .annotate_score("score")
        }
        assert {match.pk: match.rank for match in matches} == pytest.approx(expected)


def test_each_group_stops_at_its_limit(make_project):
    for number in range(5):
        make_project(f"Eau {number}", "L'eau.")
    scope = SiteScope(Site.objects.get(is_default_site=True))
    projects = tuple(page_content_type_ids(Kind.PROJECT))

    with full_text_search():
        (found,) = page_matches(
            Page.objects.search("eau", operator="and"),
            scope.paths,
            [MatchGroup(projects, 3, many=True)],
        )

    assert len(found) == 3


def test_the_lookup_of_many_pages_reads_the_full_text_index(pages):
    """Even when PostgreSQL could read the entries of one content type instead."""
    scope = SiteScope(Site.objects.get(is_default_site=True))
    with full_text_search():
        with CaptureQueriesContext(connection) as queries:
            page_matches(
                Page.objects.search("eau", operator="and"), scope.paths, groups()
            )
        (statement,) = [
            query["sql"]
            for query in queries.captured_queries
            if "UNION ALL" in query["sql"]
        ]
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {statement}")
            plan = "\n".join(row[0] for row in cursor.fetchall())

    projects_part = plan.split("->  Limit")[1]
    assert "search_indexentry_title_body_gin" in projects_part
