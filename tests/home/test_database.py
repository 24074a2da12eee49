"""What the home app adds to a PostgreSQL database, and checks is still there.

The menu's index is raw SQL that Django does not know about: a later
migration of Wagtail that rebuilt the page table would drop it silently.
"""

import pytest
from django.db import connection

from home.shell import menu_pages

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]


def test_the_page_table_has_the_menu_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'home_page_menu'"
        )
        (definition,) = cursor.fetchone()
    assert "(depth, path varchar_pattern_ops)" in definition
    assert "WHERE (show_in_menus AND live)" in definition


def test_the_menu_query_can_use_the_index(home_page, make_page):
    """The plan shows the index if, and only if, PostgreSQL can use it.

    The other indexes on the path are dropped (for this test's transaction
    only) and sequential scans are discouraged, as either would win on a
    table this small.
    """
    make_page("À propos", show_in_menus=True)
    sql, params = menu_pages(home_page).query.sql_with_params()

    with connection.cursor() as cursor:
        # Deferred foreign key checks must run before the table can change.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "ALTER TABLE wagtailcore_page DROP CONSTRAINT wagtailcore_page_path_key"
        )
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'wagtailcore_page' "
            "AND indexdef LIKE '%%(path%%' AND indexname <> 'home_page_menu'"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP INDEX {name}")
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "home_page_menu" in plan
