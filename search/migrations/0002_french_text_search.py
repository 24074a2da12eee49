"""French full-text search on PostgreSQL: stemming, stop words, accents ignored.

``french_unaccent`` is PostgreSQL's ``french`` configuration with every word
passed through ``unaccent`` before the French stemmer, so that "energie" and
"énergie" give the same lexeme. ``simple_unaccent`` does the same for
autocompletion, which must not stem. Nothing is done on other databases.
"""

from django.db import migrations

WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"

CREATE_SQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent",
    "CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french)",
    "ALTER TEXT SEARCH CONFIGURATION french_unaccent "
    f"ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, french_stem",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS simple_unaccent",
    "CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = simple)",
    "ALTER TEXT SEARCH CONFIGURATION simple_unaccent "
    f"ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, simple",
]

DROP_SQL = [
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS simple_unaccent",
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
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(run_on_postgresql(CREATE_SQL), run_on_postgresql(DROP_SQL)),
    ]
