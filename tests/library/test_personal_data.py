"""Access and erasure requests reach the contacts of proposals and suggestions."""

import io
import json

import pytest
from django.core.management import call_command

from library.models import ProjectProposal, UpdateSuggestion

from .builders import make_project

pytestmark = pytest.mark.django_db

PERSON = "camille@agglo.example"


def run(*args):
    output = io.StringIO()
    call_command(*args, stdout=output)
    return output.getvalue()


@pytest.fixture
def contributions(library_index):
    proposed = make_project(library_index, "Tri des déchets", publish=False)
    published = make_project(library_index, "Capteurs de crue")
    proposal = ProjectProposal.objects.create(
        page=proposed,
        submitter_name="Camille Contributrice",
        submitter_email=PERSON,
        submitter_role="Cheffe de projet",
        note="Rappelez-moi",
    )
    suggestion = UpdateSuggestion.objects.create(
        project=published,
        message="Le budget a changé.",
        contact_name="Camille Contributrice",
        contact_email=PERSON.upper(),
    )
    other = UpdateSuggestion.objects.create(
        project=published, message="Autre", contact_email="autre@example.org"
    )
    return proposal, suggestion, other


def test_export_lists_proposals_and_suggestions_with_their_dates(contributions):
    data = json.loads(run("personal_data", "export", PERSON))

    records = data["donnees"]["library"]
    assert {record["type"] for record in records} == {"proposition", "suggestion"}
    proposal = next(r for r in records if r["type"] == "proposition")
    assert proposal["projet"] == "Tri des déchets"
    assert proposal["fonction"] == "Cheffe de projet"
    assert proposal["recue_le"]
    assert "autre@example.org" not in json.dumps(data)


def test_erase_blanks_the_contacts_and_keeps_the_contributions(contributions):
    proposal, suggestion, other = contributions

    run("personal_data", "erase", PERSON)

    proposal.refresh_from_db()
    suggestion.refresh_from_db()
    other.refresh_from_db()
    assert (proposal.submitter_name, proposal.submitter_email) == ("", "")
    assert proposal.submitter_role == ""
    assert proposal.note == "Rappelez-moi"
    assert (suggestion.contact_name, suggestion.contact_email) == ("", "")
    assert suggestion.message == "Le budget a changé."
    assert other.contact_email == "autre@example.org"
    assert json.loads(run("personal_data", "export", PERSON))["donnees"] == {
        "manifesto": [],
        "library": [],
    }
