"""Markup and formulas sent to the library come back inert everywhere."""

import csv
import io

import pytest
from openpyxl import load_workbook

from library.models import ProjectProposal, UpdateSuggestion
from tests.library.builders import make_project

from .test_xss import ESCAPED, PAYLOAD, assert_escaped

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example","clic")'


@pytest.fixture
def hostile_project(library_index, labege):
    """A proposed project published as typed, with a suggestion and its contact."""
    project = make_project(
        library_index,
        f"Fuites {PAYLOAD}",
        lead_collectivity=labege,
        summary=f"Résumé {PAYLOAD}",
        problem=f"Problème {PAYLOAD}",
    )
    ProjectProposal.objects.create(
        page=project,
        submitter_name=f"Camille {PAYLOAD}",
        submitter_email="camille@example.org",
        submitter_role=f"Cheffe {PAYLOAD}",
        note=f"Note {PAYLOAD}",
    )
    UpdateSuggestion.objects.create(
        project=project,
        message=f"Message {PAYLOAD}",
        contact_name=f"Dominique {PAYLOAD}",
        contact_email="dominique@example.org",
    )
    return project


def test_library_public_pages_escape_what_was_proposed(client, hostile_project):
    for path in (
        hostile_project.url,
        f"{hostile_project.url}historique/",
        hostile_project.get_parent().url,
        f"{hostile_project.get_parent().url}?q=fuites",
        f"/collectivites/{hostile_project.lead_collectivity.siren}/",
    ):
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        assert_escaped(response.content.decode(), path)


def test_moderators_see_library_submissions_escaped(
    client, moderator_in_group, hostile_project
):
    client.force_login(moderator_in_group)
    suggestion = UpdateSuggestion.objects.get()
    proposal = ProjectProposal.objects.get()

    for path in (
        "/admin/snippets/library/updatesuggestion/",
        f"/admin/snippets/library/updatesuggestion/edit/{suggestion.pk}/",
        f"/admin/snippets/library/updatesuggestion/inspect/{suggestion.pk}/",
        "/admin/snippets/library/projectproposal/",
        f"/admin/snippets/library/projectproposal/inspect/{proposal.pk}/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert "<script>alert" not in html, path
        assert ESCAPED in html or ESCAPED[:30] in html, path


def test_suggestion_exports_do_not_run_formulas_from_project_titles(
    client, moderator_in_group, library_index, labege
):
    """A proposed title becomes a cell: it must stay text in CSV and XLSX."""
    project = make_project(library_index, FORMULA, lead_collectivity=labege)
    UpdateSuggestion.objects.create(project=project, message="Corrigez")
    client.force_login(moderator_in_group)

    as_csv = client.get("/admin/snippets/library/updatesuggestion/?export=csv")
    as_xlsx = client.get("/admin/snippets/library/updatesuggestion/?export=xlsx")

    rows = csv.reader(io.StringIO(b"".join(as_csv.streaming_content).decode()))
    cells = [cell for row in rows for cell in row]
    assert any("HYPERLINK" in cell for cell in cells)
    assert not any(cell.startswith("=") for cell in cells)
    workbook = load_workbook(io.BytesIO(b"".join(as_xlsx.streaming_content)))
    assert all(
        cell.data_type != "f" for row in workbook.active.iter_rows() for cell in row
    )


def test_open_data_keeps_markup_and_formulas_inert(
    client, library_index, hostile_project, labege
):
    """CSV cells cannot run as formulas; the feed escapes markup; JSON is typed."""
    make_project(library_index, FORMULA, lead_collectivity=labege)

    as_csv = client.get("/bibliotheque/projets.csv")
    as_json = client.get("/bibliotheque/projets.json")
    feed = client.get("/bibliotheque/flux.atom")

    cells = [
        cell for row in csv.reader(io.StringIO(as_csv.content.decode())) for cell in row
    ]
    assert any("HYPERLINK" in cell for cell in cells)
    assert not any(cell.startswith("=") for cell in cells)
    assert as_json["Content-Type"].startswith("application/json")
    assert as_json["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in feed.content.decode()
    assert "&lt;script&gt;" in feed.content.decode()
