"""Building the register's extract from a copy of Etalab's npm package."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from territories.extract import ExtractError, build_rows, read_rows


def commune(code, name, departement, region, population, postcodes, **extra):
    return {
        "code": code,
        "nom": name,
        "departement": departement,
        "region": region,
        "type": "commune-actuelle",
        "siren": f"21{code}0",
        "population": population,
        "codesPostaux": postcodes,
        **extra,
    }


@pytest.fixture
def package(tmp_path):
    """A tiny copy of the package, shaped as version 6.0.0 is."""
    data = tmp_path / "package" / "data"
    data.mkdir(parents=True)
    files = {
        "regions.json": [
            {"code": "76", "nom": "Occitanie", "zone": "metro"},
            {"code": "975", "nom": "Saint-Pierre-et-Miquelon", "zone": "com"},
        ],
        "departements.json": [
            {"code": "31", "region": "76", "nom": "Haute-Garonne", "zone": "metro"},
            {"code": "11", "region": "76", "nom": "Aude", "zone": "metro"},
            {"code": "975", "region": "975", "nom": "Saint-Pierre", "zone": "com"},
        ],
        "communes.json": [
            commune("31254", "Labège", "31", "76", 4000, ["31670"]),
            commune("31555", "Toulouse", "31", "76", 500000, ["31000", "31100"]),
            commune("11069", "Carcassonne", "11", "76", 46000, ["11000"]),
            commune("11001", "Petite", "11", "76", 100, ["11000"]),
            {
                "code": "31999",
                "nom": "Ancienne",
                "departement": "31",
                "region": "76",
                "type": "commune-deleguee",
                "chefLieu": "31254",
            },
            {
                "code": "97502",
                "nom": "Saint-Pierre",
                "departement": "975",
                "region": "975",
                "type": "commune-actuelle",
                "codesPostaux": ["97500"],
                "population": 5000,
            },
        ],
        "epci.json": [
            {
                "code": "200000001",
                "nom": "CA de Test",
                "type": "CA",
                "populationMunicipale": 50100,
                "membres": [
                    {"code": "11069", "populationMunicipale": 46000},
                    {"code": "31254", "populationMunicipale": 4000},
                    {"code": "11001", "populationMunicipale": 100},
                ],
            },
            {
                "code": "200000002",
                "nom": "Métropole de Test",
                "type": "MET69",
                "populationMunicipale": 500000,
                "membres": [{"code": "31555", "populationMunicipale": 500000}],
            },
        ],
        "ept.json": [],
    }
    for name, content in files.items():
        (data / name).write_text(json.dumps(content), encoding="utf-8")
    (data.parent / "package.json").write_text('{"version": "9.9.9"}')
    (data.parent / "LICENSE").write_text("MIT License\n\nCopyright (c) Etalab\n")
    return data.parent


def rows_by_code(rows):
    return {(row.kind, row.code): row for row in rows}


def test_kinds_are_mapped_and_overseas_collectivities_left_out(package):
    """Métropoles of any sort are métropoles; only départements in law are kept."""
    rows = rows_by_code(build_rows(package / "data"))
    assert ("metropole", "200000002") in rows
    assert ("ca", "200000001") in rows
    assert ("commune-deleguee", "31999") in rows
    assert ("departement", "975") not in rows
    assert ("region", "975") not in rows
    saint_pierre = rows["commune", "97502"]
    assert (saint_pierre.departement, saint_pierre.region) == ("", "")
    assert saint_pierre.postcodes == ["97500"]


def test_epci_siren_is_its_code_and_departement_its_most_populated(package):
    """An EPCI lies in the département where most of its members' people live."""
    epci = rows_by_code(build_rows(package / "data"))["ca", "200000001"]
    assert epci.siren == "200000001"
    assert epci.departement == "11"
    assert epci.region == "76"
    assert epci.population == 50100


def test_departement_and_region_populations_sum_their_communes(package):
    rows = rows_by_code(build_rows(package / "data"))
    assert rows["departement", "31"].population == 504000
    assert rows["departement", "11"].population == 46100
    assert rows["region", "76"].population == 550100


def test_command_writes_extract_licence_and_origin(package, tmp_path):
    """extract_territories writes a CSV that reads back, the licence and a note."""
    output = tmp_path / "extract"
    out = io.StringIO()
    call_command(
        "extract_territories", str(package), "--output", str(output), stdout=out
    )
    assert "9.9.9" in out.getvalue()
    rows = rows_by_code(read_rows(output / "collectivities.csv"))
    labege = rows["commune", "31254"]
    assert (labege.name, labege.siren, labege.postcodes) == (
        "Labège",
        "21312540",
        ["31670"],
    )
    assert (output / "LICENSE").read_text().startswith("MIT License")
    source = json.loads((output / "source.json").read_text())
    assert source["version"] == "9.9.9"
    assert source["counts"]["commune"] == 5
    assert "version 9.9.9" in (output / "README.md").read_text()


def test_command_accepts_the_data_folder_too(package, tmp_path):
    output = tmp_path / "extract"
    call_command(
        "extract_territories",
        str(package / "data"),
        "--output",
        str(output),
        stdout=io.StringIO(),
    )
    assert (output / "collectivities.csv").is_file()


def test_unknown_kind_stops_the_extract(package):
    """A type the site does not know is reported rather than guessed."""
    epci = json.loads((package / "data" / "epci.json").read_text())
    epci[0]["type"] = "SYNDICAT"
    (package / "data" / "epci.json").write_text(json.dumps(epci))
    with pytest.raises(ExtractError, match="SYNDICAT"):
        build_rows(package / "data")


def test_command_explains_a_folder_without_data(tmp_path):
    with pytest.raises(CommandError, match="communes.json"):
        call_command("extract_territories", str(tmp_path), stdout=io.StringIO())
