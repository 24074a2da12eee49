"""The manifesto's fixtures, for the abuse tests, and the shape of hostile input."""

import pytest
from django.contrib.auth.models import Group
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.library.conftest import library_index  # noqa: F401
from tests.manifesto.conftest import (  # noqa: F401
    _empty_cache,
    bretagne,
    chapters,
    editor,
    home_page,
    labege,
    manifesto_page,
    moderator,
    occitanie,
    rennes,
    sicoval,
)

# The Django client and the database are function-scoped fixtures shared by
# every example of a test: each example clears the cache itself, and what an
# example saves only makes the next one meet a fuller database.
settings.register_profile(
    "abuse",
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile("abuse")

# Any text a browser can send: every character but lone surrogates, which
# cannot be encoded in a request at all; NUL and control characters included.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
HUGE = st.integers(min_value=1_000, max_value=200_000).map(lambda n: "é" * n)
# Integers past what a database column holds (2**63 and beyond) reach every
# parameter that is read as a number: page, offset, limit, identifiers.
INTEGER = st.integers(min_value=-(2**80), max_value=2**80).map(str)
ANY_VALUE = st.one_of(
    TEXT, HUGE, INTEGER, st.sampled_from(["", "0", "-1", str(2**63), "9" * 30])
)


@pytest.fixture
def moderator_in_group(django_user_model):
    """A member of the Modérateurs group, with what its migrations grant."""
    user = django_user_model.objects.create_user(
        "moderation-bibliotheque", password="mot-de-passe-solide"
    )
    user.groups.add(Group.objects.get(name="Modérateurs"))
    return user
