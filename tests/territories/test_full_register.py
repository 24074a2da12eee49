"""The real register, as committed in territories/data/, loaded once for these tests."""

import csv
import json
from collections import Counter

import pytest
from django.db.models import Sum

from territories.extract import DATA_DIR
from territories.loading import load_register
from territories.models import (
    Collectivity,
    Departement,
    Postcode,
    Region,
    RegisterVersion,
)
from territories.services import find_collectivities, search_collectivities

pytestmark = pytest.mark.django_db

Kind = Collectivity.Kind


@pytest.fixture(scope="module", autouse=True)
def full_register(django_db_setup, django_db_blocker):
    """Load the whole register once for the module, and remove it afterwards.

    Each test still runs in a transaction rolled back at its end, so the
    register stays as loaded from one test to the next.
    """
    with django_db_blocker.unblock():
        report = load_register()
    yield report
    with django_db_blocker.unblock():
        # Plain SQL deletes: deleting 39,000 rows one signal at a time is slow.
        for model in (Postcode, Collectivity, Departement, Region, RegisterVersion):
            model.objects.all()._raw_delete(using="default")


def test_counts_by_kind_match_the_source(full_register):
    """Every entry of Etalab's data is loaded, by kind, as the package counts them."""
    counts = Counter(Collectivity.objects.values_list("kind", flat=True))
    assert counts == {
        Kind.COMMUNE: 34_969,
        Kind.COMMUNE_DELEGUEE: 2_105,
        Kind.COMMUNE_ASSOCIEE: 471,
        Kind.MUNICIPAL_ARRONDISSEMENT: 45,
        Kind.CC: 989,
        Kind.CA: 230,
        Kind.CU: 14,
        Kind.METROPOLE: 22,
        Kind.EPT: 11,
        Kind.DEPARTEMENT: 101,
        Kind.REGION: 18,
    }
    assert Region.objects.count() == 18
    assert Departement.objects.count() == 101
    assert full_register.counts == dict(counts)


def test_committed_extract_agrees_with_its_source_note():
    """source.json counts what collectivities.csv holds, and the licence is there."""
    source = json.loads((DATA_DIR / "source.json").read_text(encoding="utf-8"))
    with (DATA_DIR / "collectivities.csv").open(encoding="utf-8") as f:
        counts = Counter(row["kind"] for row in csv.DictReader(f))
    assert source["counts"] == dict(counts)
    assert source["package"] == "@etalab/decoupage-administratif"
    assert source["version"] == "6.0.0"
    assert (DATA_DIR / "LICENSE").read_text().startswith("MIT License")


def test_labege_is_loaded_with_its_siren_and_places():
    labege = Collectivity.objects.get(kind=Kind.COMMUNE, code="31254")
    assert labege.name == "Labège"
    assert labege.siren == "213102544"
    assert labege.departement.name == "Haute-Garonne"
    assert labege.region.name == "Occitanie"
    assert labege.population > 4000
    assert list(labege.postcode_entries.values_list("code", flat=True)) == ["31670"]


def test_epci_is_loaded_with_its_siren_and_main_departement():
    """An EPCI's SIREN is its code; its département is where its people live."""
    epci = Collectivity.objects.get(siren="200000172")
    assert epci.name == "CC Faucigny - Glières"
    assert epci.kind == Kind.CC
    assert epci.code == "200000172"
    assert epci.departement_id == "74"
    assert epci.region.name == "Auvergne-Rhône-Alpes"


def test_metropole_de_lyon_and_ept_are_loaded():
    """The Métropole de Lyon is a métropole; Paris's territories are EPT."""
    lyon = Collectivity.objects.get(name="Métropole de Lyon")
    assert lyon.kind == Kind.METROPOLE
    assert lyon.departement_id == "69"
    plaine_commune = Collectivity.objects.get(name="Plaine Commune")
    assert plaine_commune.kind == Kind.EPT
    assert plaine_commune.departement_id == "93"


def test_departement_population_is_the_sum_of_its_communes():
    haute_garonne = Collectivity.objects.get(kind=Kind.DEPARTEMENT, code="31")
    communes = Collectivity.objects.filter(kind=Kind.COMMUNE, departement_id="31")
    assert haute_garonne.population == communes.aggregate(n=Sum("population"))["n"]
    assert haute_garonne.region_id == "76"


def test_overseas_departements_and_corsica_are_there():
    codes = set(Departement.objects.values_list("code", flat=True))
    assert {"2A", "2B", "971", "972", "973", "974", "976"} <= codes
    assert "975" not in codes  # Saint-Pierre-et-Miquelon is not a département


def test_paris_is_found_by_the_postcode_of_an_arrondissement():
    """Arrondissements are not offered, but their postcodes find their city."""
    assert [c.name for c in find_collectivities("75011")] == ["Paris"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("labege", "Labège"),
        ("LABÈGE", "Labège"),
        ("31670", "Labège"),
        ("213102544", "Labège"),
        ("31254", "Labège"),
        ("saint etienne", "Saint-Étienne"),
        ("Saint-Étienne", "Saint-Étienne"),
        ("st etienne", "Saint-Étienne"),
        ("Communauté de communes Faucigny-Glières", "CC Faucigny - Glières"),
        ("2A004", "Ajaccio"),
    ],
)
def test_typed_text_finds_the_collectivity_first(typed, expected):
    """Names, postcodes, SIREN and codes find the expected collectivity first."""
    assert find_collectivities(typed)[0].name == expected


def test_communes_deleguees_and_associees_are_never_offered():
    """No search offers a part of a commune, even by its own name."""
    parts = Collectivity.objects.filter(
        kind__in=[Kind.COMMUNE_DELEGUEE, Kind.COMMUNE_ASSOCIEE]
    )
    for part in parts.order_by("code")[:50]:
        assert part not in find_collectivities(part.name)


def test_common_name_returns_twenty_best_matches():
    result = search_collectivities("saint")
    assert len(result.collectivities) == 20
    assert result.has_more
