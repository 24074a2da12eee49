"""The open data files next to the manifesto: signataires.csv and .json."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from manifesto.models import Signature
from manifesto.opendata import COLUMNS, neutralise

from .conftest import make_signature

pytestmark = pytest.mark.django_db

EXPECTED_COLUMNS = [
    "collectivite",
    "nature",
    "siren",
    "code_officiel",
    "departement_code",
    "departement",
    "region_code",
    "region",
    "date_signature",
    "mandat_signataire",
]


@pytest.fixture
def listed(manifesto_page, labege, rennes, sicoval):
    make_signature(labege, confirmed_at=timezone.now() - timedelta(days=2))
    make_signature(rennes, status=Signature.Status.AWAITING_MODERATION)
    make_signature(sicoval, signer_mandate="Président", is_example=True)
    return labege


def read_csv(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_columns_keep_their_names_and_order():
    """Reusers read columns by position as well as by name: they never move."""
    assert list(COLUMNS) == EXPECTED_COLUMNS


def test_csv_lists_approved_real_signatures_with_public_fields(client, listed):
    response = client.get("/manifeste/signataires.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header = response.content.decode("utf-8").splitlines()[0]
    assert header.split(",") == EXPECTED_COLUMNS
    rows = read_csv(response)
    assert rows == [
        {
            "collectivite": "Labège",
            "nature": "Commune",
            "siren": "213102544",
            "code_officiel": "31254",
            "departement_code": "31",
            "departement": "Haute-Garonne",
            "region_code": "76",
            "region": "Occitanie",
            "date_signature": timezone.localdate(
                Signature.objects.get(collectivity=listed).confirmed_at
            ).isoformat(),
            "mandat_signataire": "Maire",
        }
    ]


def test_json_carries_the_same_rows(client, listed):
    csv_rows = read_csv(client.get("/manifeste/signataires.csv"))

    response = client.get("/manifeste/signataires.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    payload = json.loads(response.content.decode("utf-8"))
    assert payload["colonnes"] == EXPECTED_COLUMNS
    assert payload["nombre"] == 1
    assert payload["signataires"] == csv_rows
    assert list(payload["signataires"][0]) == EXPECTED_COLUMNS
    assert "Labège" in response.content.decode("utf-8")  # UTF-8, not \\u escapes


def test_withdrawn_signature_leaves_the_open_data_at_once(client, listed):
    Signature.objects.filter(collectivity=listed).update(
        status=Signature.Status.WITHDRAWN
    )

    assert read_csv(client.get("/manifeste/signataires.csv")) == []
    payload = json.loads(client.get("/manifeste/signataires.json").content)
    assert payload["signataires"] == []


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("+33 1 23", "'+33 1 23"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tTab", "'\tTab"),
        ("\rReturn", "'\rReturn"),
        ("Maire", "Maire"),
        ("2A", "2A"),
    ],
)
def test_cells_cannot_run_as_spreadsheet_formulas(value, expected):
    assert neutralise(value) == expected


def test_csv_neutralises_a_formula_typed_as_mandate(client, manifesto_page, labege):
    make_signature(labege, signer_mandate='=HYPERLINK("http://evil.example")')

    rows = read_csv(client.get("/manifeste/signataires.csv"))

    assert rows[0]["mandat_signataire"].startswith("'=")


def test_open_data_follows_the_manifesto_page(client, manifesto_page, labege):
    make_signature(labege)
    manifesto_page.slug = "le-manifeste"
    manifesto_page.save_revision().publish()

    assert client.get("/le-manifeste/signataires.csv").status_code == 200
    assert client.get("/manifeste/signataires.csv").status_code == 404


def test_open_data_is_only_served_next_to_a_manifesto(client, manifesto_page):
    assert client.get("/signataires.csv").status_code == 404
    assert client.get("/manifeste/inconnu/signataires.json").status_code == 404


@pytest.mark.parametrize("extension", ["csv", "json"])
def test_open_data_may_be_read_from_any_site(client, manifesto_page, extension):
    response = client.get(f"/manifeste/signataires.{extension}")

    assert response["Access-Control-Allow-Origin"] == "*"


def test_open_data_answers_get_only(client, manifesto_page):
    assert client.post("/manifeste/signataires.csv").status_code == 405


def test_unpublished_manifesto_publishes_no_data(client, manifesto_page):
    manifesto_page.unpublish()

    assert client.get("/manifeste/signataires.csv").status_code == 404
