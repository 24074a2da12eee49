"""Suite-wide fixtures and the rules for tests that need PostgreSQL or a browser.

Such tests are skipped, visibly, on a machine that lacks what they need, and fail
instead under ``CI=true``, where everything they need is provided.
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
    if connection.vendor != "postgresql":
        skip_or_fail("needs PostgreSQL: set DATABASE_URL to a PostgreSQL database")
