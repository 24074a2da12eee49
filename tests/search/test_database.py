"""What the search app adds to a PostgreSQL database, and checks is still there.

The indexes are raw SQL that Django does not know about: a later migration of
Wagtail that rebuilt the index table would drop them silently.
"""

import pytest
from django.db import connection
from wagtail.models import Page

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


def index_definitions(table):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [table]
        )
        return dict(cursor.fetchall())


def test_the_index_table_has_an_index_on_title_and_body_together():
    definitions = index_definitions("wagtailsearch_indexentry")
    definition = definitions["search_indexentry_title_body_gin"]
    assert "USING gin" in definition
    assert "(title || body)" in definition


def test_pages_and_projects_have_an_index_on_their_id_as_text():
    """Wagtail's backend joins the index table on the primary key as text."""
    pages = index_definitions("wagtailcore_page")
    assert "(id)::character varying(50)" in pages["search_page_id_varchar"]
    projects = index_definitions("library_projectpage")
    assert (
        "(page_ptr_id)::character varying(50)"
        in (projects["search_projectpage_id_varchar"])
    )


def test_the_french_configurations_exist():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('french_unaccent', 'Fuites d''énergie'), "
            "to_tsvector('french_unaccent', 'fuite d''energie'), "
            "to_tsvector('simple_unaccent', 'Énergies')"
        )
        accented, plain, simple = cursor.fetchone()
    assert accented == plain == "'energ':3 'fuit':1"
    assert simple == "'energies':1"


def test_the_backend_search_can_use_the_index(make_page):
    """The index's expression is exactly the one Wagtail's backend filters on.

    Every other index of the table is dropped (for this test's transaction
    only) and sequential scans are discouraged, so that the plan shows the
    index if, and only if, PostgreSQL can use it for the backend's query.
    """
    make_page("Fuite d'eau", "Le réseau.")
    queryset = (
        Page.objects.live().search("fuite", order_by_relevance=False).get_queryset()
    )

    with connection.cursor() as cursor:
        # Deferred foreign key checks must run before the table can change.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = "
            "'wagtailsearch_indexentry'::regclass AND contype = 'u'"
        )
        for (constraint,) in cursor.fetchall():
            cursor.execute(
                f"ALTER TABLE wagtailsearch_indexentry DROP CONSTRAINT {constraint}"
            )
        for name in index_definitions("wagtailsearch_indexentry"):
            if name != "search_indexentry_title_body_gin" and not name.endswith(
                "_pkey"
            ):
                cursor.execute(f"DROP INDEX {name}")
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()

    assert "search_indexentry_title_body_gin" in plan
