"""``field__any_of``: the same rows as ``field__in``, in one parameter on PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from territories.models import Collectivity
from tests.factories import make_collectivity, make_departement

pytestmark = pytest.mark.django_db


@pytest.fixture
def collectivities():
    haute_garonne = make_departement()
    ariege = make_departement(code="09", name="Ariège", region=haute_garonne.region)
    return [
        make_collectivity(
            name=f"Commune {number}",
            code=f"31{number:03}",
            siren=f"2131{number:05}",
            departement=haute_garonne if number % 2 else ariege,
        )
        for number in range(6)
    ]


@pytest.mark.parametrize(
    "lookup, values",
    [
        ("pk", lambda items: [item.pk for item in items[::2]]),
        ("code", lambda items: {item.code for item in items[1:3]}),
        ("departement", lambda items: [items[1].departement_id, "99"]),
        ("pk", lambda items: []),
    ],
)
def test_finds_what_in_finds(collectivities, lookup, values):
    chosen = values(collectivities)

    found = Collectivity.objects.filter(**{f"{lookup}__any_of": chosen})
    expected = Collectivity.objects.filter(**{f"{lookup}__in": chosen})

    assert sorted(found.values_list("pk", flat=True)) == sorted(
        expected.values_list("pk", flat=True)
    )


def test_sends_the_values_as_one_array_on_postgresql(collectivities):
    ids = [collectivity.pk for collectivity in collectivities]
    with CaptureQueriesContext(connection) as queries:
        assert Collectivity.objects.filter(pk__any_of=ids).count() == len(ids)

    (sql,) = [query["sql"] for query in queries.captured_queries]
    if connection.vendor == "postgresql":
        assert "= ANY(" in sql
    else:
        assert " IN (" in sql


def test_works_across_a_relation(collectivities):
    found = Collectivity.objects.filter(departement__name__any_of=["Ariège"])
    assert sorted(found.values_list("pk", flat=True)) == [
        collectivity.pk for collectivity in collectivities[::2]
    ]
