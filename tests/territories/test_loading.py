"""Loading the register's extract: complete, idempotent, and kind to history."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from territories.extract import Row, write_extract
from territories.loading import load_register
from territories.models import (
    Collectivity,
    Departement,
    Postcode,
    Region,
    RegisterVersion,
)

pytestmark = pytest.mark.django_db


def region(code, name):
    return Row("region", code, name, region=code, population=0)


def departement(code, name, region_code):
    return Row("departement", code, name, departement=code, region=region_code)


def commune(code, name, siren, postcodes, population=1000, kind="commune"):
    return Row(
        kind,
        code,
        name,
        siren=siren,
        departement="31",
        region="76",
        population=population,
        postcodes=list(postcodes),
    )


FIRST_COPY = [
    region("76", "Occitanie"),
    departement("31", "Haute-Garonne", "76"),
    Row("ca", "243100633", "CA du Sicoval", siren="243100633", departement="31"),
    commune("31254", "Labège", "213102544", ["31670"], population=4392),
    commune("31157", "Escalquens", "213101579", ["31750"]),
    commune("31999", "Ancienne", "", [], kind="commune-deleguee"),
]


@pytest.fixture
def write_copy(tmp_path):
    """Write a handmade extract of the register; return the CSV's path."""
    license_path = tmp_path / "LICENSE.source"
    license_path.write_text("MIT License\n", encoding="utf-8")

    def write(rows, name="copy"):
        folder = tmp_path / name
        write_extract(rows, folder, version="0.0.1", license_path=license_path)
        return folder / "collectivities.csv"

    return write


def test_first_load_creates_everything(write_copy):
    """Régions, départements, collectivities and postcodes are all created."""
    report = load_register(write_copy(FIRST_COPY))
    assert not report.skipped
    assert report.created == 6
    assert report.counts == {
        "region": 1,
        "departement": 1,
        "ca": 1,
        "commune": 2,
        "commune-deleguee": 1,
    }
    assert Region.objects.get().name == "Occitanie"
    assert Departement.objects.get().region_id == "76"
    labege = Collectivity.objects.get(kind="commune", code="31254")
    assert labege.siren == "213102544"
    assert labege.search_name == "labege"
    assert labege.departement_id == "31"
    assert labege.region_id == "76"
    assert labege.population == 4392
    assert list(labege.postcode_entries.values_list("code", flat=True)) == ["31670"]
    version = RegisterVersion.objects.get()
    assert version.source == "@etalab/decoupage-administratif 0.0.1"
    assert version.counts == report.counts


def test_loading_the_same_extract_again_is_skipped(write_copy):
    """An unchanged extract is recognised by its checksum and not reloaded."""
    path = write_copy(FIRST_COPY)
    load_register(path)
    report = load_register(path)
    assert report.skipped
    assert RegisterVersion.objects.count() == 1


def test_forced_reload_changes_nothing(write_copy):
    """Reloading the same extract by force leaves the register as it was."""
    path = write_copy(FIRST_COPY)
    load_register(path)
    before = list(Collectivity.objects.values().order_by("pk"))
    postcodes = list(Postcode.objects.values().order_by("pk"))
    report = load_register(path, force=True)
    assert not report.skipped
    assert report.created == report.retired == 0
    assert report.postcodes_added == report.postcodes_removed == 0
    assert list(Collectivity.objects.values().order_by("pk")) == before
    assert list(Postcode.objects.values().order_by("pk")) == postcodes


def test_newer_copy_updates_and_retires_without_deleting(write_copy):
    """A newer copy updates names and postcodes and retires what it lacks.

    The retired commune stays in the database, since signatures may point to
    it, but it is no longer current, hence no longer offered.
    """
    load_register(write_copy(FIRST_COPY))
    escalquens = Collectivity.objects.get(code="31157")
    newer = [
        row
        for row in FIRST_COPY
        if row.code != "31157"  # merged into another commune
    ]
    newer[3] = commune("31254", "Labège-sur-Hers", "213102544", ["31670", "31671"])
    newer.append(commune("31300", "Nouvelle", "213103000", ["31750"]))

    report = load_register(write_copy(newer, "newer"))

    assert report.created == 1
    assert report.retired == 1
    escalquens.refresh_from_db()
    assert not escalquens.is_current
    assert escalquens not in Collectivity.objects.signable()
    labege = Collectivity.objects.get(code="31254")
    assert labege.name == "Labège-sur-Hers"
    assert labege.search_name == "labege sur hers"
    assert sorted(labege.postcode_entries.values_list("code", flat=True)) == [
        "31670",
        "31671",
    ]
    assert Collectivity.objects.count() == 7
    assert RegisterVersion.objects.count() == 2


def test_collectivity_back_in_a_later_copy_is_current_again(write_copy):
    """A collectivity retired then present again is current again."""
    load_register(write_copy(FIRST_COPY))
    load_register(write_copy(FIRST_COPY[:-1], "without"))
    assert not Collectivity.objects.get(code="31999").is_current
    load_register(write_copy(FIRST_COPY, "with"), force=True)
    assert Collectivity.objects.get(code="31999").is_current


def test_command_reports_what_it_did(write_copy):
    """load_territories prints the counts, then says when there is nothing to do."""
    path = str(write_copy(FIRST_COPY))
    out = io.StringIO()
    call_command("load_territories", "--extract", path, stdout=out)
    assert "commune 2" in out.getvalue()
    assert "6 new" in out.getvalue()

    out = io.StringIO()
    call_command("load_territories", "--extract", path, stdout=out)
    assert "nothing to do" in out.getvalue()

    out = io.StringIO()
    call_command("load_territories", "--extract", path, "--force", stdout=out)
    assert "0 new, 0 no longer current" in out.getvalue()


def test_command_explains_a_missing_extract(tmp_path):
    """A wrong path is reported plainly, without a traceback."""
    with pytest.raises(CommandError, match="Cannot load"):
        call_command("load_territories", "--extract", str(tmp_path / "none.csv"))
