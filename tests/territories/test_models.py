"""Identifiers and labels of the register's collectivities."""

import pytest

from territories.models import Collectivity

pytestmark = pytest.mark.django_db


def test_public_identifier_is_the_siren_where_there_is_one(small_register):
    assert small_register["labege"].public_identifier == "213102544"
    assert small_register["sicoval"].public_identifier == "243100633"


def test_departements_and_regions_are_told_apart_by_their_kind(small_register):
    """Département 76 and région 76 share a code but not an identifier."""
    assert small_register["seine_maritime"].public_identifier == "departement-76"
    assert small_register["occitanie"].public_identifier == "region-76"


def test_commune_without_siren_is_identified_by_its_code(db):
    """Overseas communes have no SIREN in the register."""
    commune = Collectivity.objects.create(
        name="Saint-Pierre", kind=Collectivity.Kind.COMMUNE, code="97502"
    )
    assert commune.public_identifier == "97502"


@pytest.mark.parametrize(
    "name",
    ["labege", "sicoval", "seine_maritime", "occitanie", "haute_garonne", "ajaccio"],
)
def test_public_identifier_finds_its_collectivity_back(small_register, name):
    collectivity = small_register[name]
    found = Collectivity.objects.by_public_identifier(collectivity.public_identifier)
    assert list(found) == [collectivity]


@pytest.mark.parametrize(
    "identifier", ["", "31254", "departement-99", "commune-31254", "region-", "x" * 50]
)
def test_unknown_or_indirect_identifier_finds_nothing(small_register, identifier):
    """Only the public identifier itself finds a collectivity, not its code."""
    assert not Collectivity.objects.by_public_identifier(identifier).exists()


def test_commune_label_carries_its_departement(small_register):
    assert str(small_register["labege"]) == "Labège (31)"
    assert str(small_register["sicoval"]) == "CA du Sicoval"


def test_saving_keeps_the_normalised_name_in_step(small_register):
    labege = small_register["labege"]
    labege.name = "Labège-Innopole"
    labege.save()
    assert labege.search_name == "labege innopole"
