"""Indexes that Wagtail's database search backend needs on PostgreSQL.

The backend filters with ``(title || body) @@ query``; the GIN indexes that
Wagtail creates cover ``title`` and ``body`` apart, so without an index on the
concatenation every search reads the whole index table. The backend also joins
pages to their index entries on ``object_id = id::varchar(50)``, which the
primary key cannot serve. Django does not know these indexes: a test checks
that they still exist after Wagtail's own migrations.
"""

from django.db import migrations

CREATE_SQL = [
    "CREATE INDEX IF NOT EXISTS search_indexentry_title_body_gin "
    "ON wagtailsearch_indexentry USING gin ((title || body))",
    "CREATE INDEX IF NOT EXISTS search_page_id_varchar "
    "ON wagtailcore_page ((id::varchar(50)))",
]

DROP_SQL = [
    "DROP INDEX IF EXISTS search_indexentry_title_body_gin",
    "DROP INDEX IF EXISTS search_page_id_varchar",
]


def run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_french_text_search"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(run_on_postgresql(CREATE_SQL), run_on_postgresql(DROP_SQL)),
    ]
