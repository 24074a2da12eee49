"""The index that joins projects to their search entries, on PostgreSQL.

The library's text filter searches ``ProjectPage`` itself, which Wagtail's
backend joins to the index table on ``object_id = page_ptr_id::varchar(50)``;
as for pages (see 0003), the primary key cannot serve that join.
"""

from django.db import migrations

CREATE_SQL = [
    "CREATE INDEX IF NOT EXISTS search_projectpage_id_varchar "
    "ON library_projectpage ((page_ptr_id::varchar(50)))",
]

DROP_SQL = ["DROP INDEX IF EXISTS search_projectpage_id_varchar"]


def run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_grant_search_tools"),
        ("library", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(run_on_postgresql(CREATE_SQL), run_on_postgresql(DROP_SQL)),
    ]
