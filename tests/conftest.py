"""Suite-wide fixtures and the rules for tests that need PostgreSQL.

Such tests are skipped, visibly, on a machine that lacks what they need, and fail
instead under ``CI=true``, where everything they need is provided. A run on
SQLite (no ``DATABASE_URL``) skips them even there: continuous integration runs
the suite on SQLite and again on PostgreSQL, and the second run holds them.
"""

import os

import pytest
from django.db import connection

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def skip_or_fail(reason):
    """Skip a test locally; fail it in CI, where nothing may be missing."""
    if IN_CI:
        pytest.fail(f"{reason} (required when CI=true)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _require_postgresql(request):
    if request.node.get_closest_marker("postgresql") is None:
        return
    if connection.vendor == "postgresql":
        return
    reason = "needs PostgreSQL: set DATABASE_URL to a PostgreSQL database"
    if os.environ.get("DATABASE_URL"):
        skip_or_fail(reason)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _fresh_generation_caches():
    """No test sees what another cached from its database (site shell, summary,
    Wagtail's paths of the sites' root pages).

    The cache outlives the database's rollback between tests.
    """
    from wagtail.models import Site

    from core.generation_cache import invalidate_all

    invalidate_all()
    Site.clear_site_root_paths_cache()


def pytest_collection_modifyitems(items):
    """Every test that commits (``transaction=True``) also restores the
    migrated rows (``serialized_rollback=True``).

    Such a test's database is emptied after it. Without ``serialized_rollback``
    Django then creates the content types and permissions again, under new
    ids, and a later test that restores the migrated rows collides with them
    (an IntegrityError on ``django_content_type``), depending on the order
    the tests ran in.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is None or not marker.kwargs.get("transaction"):
            continue
        if not marker.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(
                f"{item.nodeid}: a test with transaction=True needs "
                "serialized_rollback=True too (see tests/conftest.py)."
            )
