"""Markup typed by the public comes back escaped wherever it is shown or exported."""

import csv
import io

import pytest
from openpyxl import load_workbook

from manifesto.models import Signature
from tests.manifesto.conftest import make_signature

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("xss")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;img src=x"


@pytest.fixture
def hostile(manifesto_page, labege, rennes):
    """Payloads in every free-text field of two signatures, and in the register."""
    labege.name = f"Labège {PAYLOAD}"
    labege.save()
    fields = {
        "signer_name": f"Camille {PAYLOAD}",
        "signer_mandate": f"Maire {PAYLOAD}",
        "public_message": f"Bonjour {PAYLOAD}\nà tous",
    }
    return [
        make_signature(labege, **fields),
        make_signature(rennes, status=Signature.Status.AWAITING_MODERATION, **fields),
    ]


def assert_escaped(html, where):
    assert "<script>" not in html, where
    assert "onerror=alert" not in html.replace("src=x onerror=alert", ""), where
    assert "<img src=x" not in html, where
    assert ESCAPED in html, where


def test_public_pages_escape_what_the_public_typed(client, hostile):
    for path in (
        "/manifeste/signataires/",
        "/manifeste/signataires/?q=lab%C3%A8ge&tri=nom",
        "/collectivites/recherche/?q=labege",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_escaped(response.content.decode(), path)


def test_collectivity_search_json_is_served_as_json_only(client, hostile):
    """Browsers may not read the JSON as HTML: its type is declared and enforced."""
    response = client.get("/collectivites/recherche.json?q=labege")

    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.json()["results"][0]["name"] == f"Labège {PAYLOAD}"


def test_open_data_is_served_with_its_type_and_keeps_text_as_text(client, hostile):
    as_json = client.get("/manifeste/signataires.json")
    as_csv = client.get("/manifeste/signataires.csv")

    assert as_json["Content-Type"].startswith("application/json")
    assert as_csv["Content-Type"].startswith("text/csv")
    assert as_json["X-Content-Type-Options"] == "nosniff"
    record = as_json.json()["signataires"][0]
    assert record["mandat_signataire"] == f"Maire {PAYLOAD}"


def test_moderators_see_the_payloads_escaped_in_the_admin(client, moderator, hostile):
    client.force_login(moderator)

    for signature in hostile:
        for path in (
            "/admin/manifesto/signature/",
            f"/admin/manifesto/signature/inspect/{signature.pk}/",
            f"/admin/manifesto/signature/approve/{signature.pk}/",
        ):
            response = client.get(path)
            if response.status_code == 302:
                continue
            assert response.status_code == 200, path
            assert_escaped(response.content.decode(), path)


def test_admin_exports_keep_payloads_as_inert_text(client, moderator, hostile, sicoval):
    """CSV and XLSX hold the text as typed, never as markup nor as a formula."""
    make_signature(
        sicoval,
        status=Signature.Status.REJECTED,
        signer_name='=HYPERLINK("http://evil.example","clic")',
    )
    client.force_login(moderator)

    as_csv = client.get("/admin/manifesto/signature/?export=csv")
    as_xlsx = client.get("/admin/manifesto/signature/?export=xlsx")

    rows = list(csv.reader(io.StringIO(b"".join(as_csv.streaming_content).decode())))
    cells = [cell for row in rows for cell in row]
    assert f"Maire {PAYLOAD}" in cells
    assert not any(cell.startswith("=") for cell in cells)
    workbook = load_workbook(io.BytesIO(b"".join(as_xlsx.streaming_content)))
    values = [c.value for row in workbook.active.iter_rows() for c in row if c.value]
    assert all(
        cell.data_type != "f" for row in workbook.active.iter_rows() for cell in row
    )
    assert f"Maire {PAYLOAD}" in values
