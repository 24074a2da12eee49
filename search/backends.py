"""Wagtail's database search backend, with autocompletion that ignores accents.

The backend indexes and queries autocompletion with PostgreSQL's ``simple``
configuration whatever the settings say, so "energ" would never complete to
"Énergie". ``AUTOCOMPLETE_CONFIG`` names another configuration for it (the
search app's migrations create ``simple_unaccent``). Everything else is the
backend as Wagtail ships it; on SQLite the parameter is ignored, since FTS5
already folds accents.
"""

from django.db import connection
from wagtail.search.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up
    backend = database_backend(params)
    autocomplete_config = params.get("AUTOCOMPLETE_CONFIG")
    if autocomplete_config and connection.vendor == "postgresql":
        backend.autocomplete_config = autocomplete_config
    return backend
