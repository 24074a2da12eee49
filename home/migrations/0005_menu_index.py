"""An index for the main menu's query on PostgreSQL.

The menu lists the live children of the home page marked "show in menus":
``path LIKE '<home>%' AND depth = <home + 1> AND live AND show_in_menus``. The
only index Wagtail gives for it is the one on ``path``, which holds every
page under the home page: with a library of 100,000 projects, the menu read
all of them. This partial index holds only the live pages shown in menus,
by depth then path, so that the menu reads those alone. Django does not know
it: a test checks that it still exists after Wagtail's own migrations.
"""

from django.db import migrations

CREATE_SQL = [
    "CREATE INDEX IF NOT EXISTS home_page_menu "
    "ON wagtailcore_page (depth, path varchar_pattern_ops) "
    "WHERE show_in_menus AND live",
]

DROP_SQL = ["DROP INDEX IF EXISTS home_page_menu"]


def run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_legal_bases"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(run_on_postgresql(CREATE_SQL), run_on_postgresql(DROP_SQL)),
    ]
