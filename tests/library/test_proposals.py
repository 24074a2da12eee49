"""Proposing a project: the public form, moderation in the workflow, the notices."""

import html
import logging

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from wagtail.models import Revision, WorkflowState

from library import assessment, ratelimit, services
from library.models import ProjectPage, ProjectProposal

from .builders import make_capability, make_theme

pytestmark = pytest.mark.django_db

SUBMITTER_EMAIL = "agent.donnees@example.org"
SUBMITTER_NAME = "Camille Martin"


@pytest.fixture
def vocabularies(db):
    return {
        "water": make_theme("Eau et assainissement"),
        "forecasting": make_capability("Prévision"),
    }


@pytest.fixture
def labege(db):
    from tests.factories import make_collectivity

    return make_collectivity()


@pytest.fixture
def proposal_url(library_index):
    return f"{library_index.url}proposer/"


def valid_data(vocabularies, **changes):
    data = {
        "title": "Prévision des fuites",
        "summary": "Repérer les fuites avant qu'elles ne coûtent.",
        "lead_collectivity": "213102544",
        "themes": [vocabularies["water"].pk],
        "capabilities": [vocabularies["forecasting"].pk],
        "phase": "experimentation",
        "system_kind": "apprentissage-automatique",
        "problem": "Trop d'eau perdue sur le réseau.",
        "start_month": "2024-03",
        "budget_range": "10k-50k",
        "build_duration": "non-communique",
        "personal_data": "non",
        "hosting": "non-renseigne",
        "legal_basis": "non-renseigne",
        "impact_assessment": "non-renseigne",
        "submitter_name": SUBMITTER_NAME,
        "submitter_email": SUBMITTER_EMAIL,
        "submitter_role": "Chargée de mission données",
        "note": "Le bureau d'études Hydro Données a développé le modèle.",
        "accept_privacy": "on",
    }
    for criterion in assessment.CRITERIA:
        data[criterion.field_name] = "non-renseigne"
    data["assessment_bias"] = "en-partie"
    data["assessment_bias_evidence"] = "Audit des alertes par quartier."
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def moderator(db):
    user = User.objects.create_user(
        "moderatrice", "moderation@example.org", "mot-de-passe-solide"
    )
    user.groups.add(Group.objects.get(name="Modérateurs"))
    return user


def submit(client, proposal_url, data):
    return client.post(proposal_url, data)


# ----- The form -----


def test_the_form_asks_for_the_record_in_sections(client, proposal_url, vocabularies):
    response = client.get(proposal_url)
    assert response.status_code == 200
    content = html.unescape(response.content.decode())
    for legend in (
        "Identité",
        "Finalité et utilité",
        "Moyens",
        "Partenaires",
        "Technique",
        "Impacts",
        "Gouvernance et éthique",
        "Réutilisation",
        "Manifeste, chapitre 1 : Une IA sociale",
        "Vous",
    ):
        assert f"<legend>{legend}</legend>" in content
    assert 'name="lead_collectivity"' in content
    assert "Eau et assainissement" in content
    assert "<div hidden>" in content  # the honeypot, out of sight


# ----- The journey -----


def test_a_proposal_goes_through_moderation_to_publication(
    client, proposal_url, library_index, vocabularies, labege, moderator
):
    """Submitted, moderated in the workflow, approved: live and the agent told."""
    response = submit(client, proposal_url, valid_data(vocabularies))
    assert response.status_code == 302
    assert response["Location"] == f"{library_index.url}proposer/merci/"

    page = ProjectPage.objects.get(title="Prévision des fuites")
    assert not page.live
    assert page.get_parent().specific == library_index
    assert page.lead_collectivity == labege
    assert list(page.themes.all()) == [vocabularies["water"]]
    assert page.start_month.isoformat() == "2024-03-01"
    assert page.assessment_bias == "en-partie"
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == services.MODERATION_WORKFLOW_NAME
    proposal = ProjectProposal.objects.get(page=page)
    assert proposal.submitter_email == SUBMITTER_EMAIL
    assert proposal.note.startswith("Le bureau d'études")
    assert proposal.receipt_queued_at is not None
    receipts = [m for m in mail.outbox if SUBMITTER_EMAIL in m.to]
    assert len(receipts) == 1
    assert "Prévision des fuites" in receipts[0].subject
    assert any(moderator.email in m.to for m in mail.outbox)  # told by Wagtail

    client.force_login(moderator)
    task_state = state.current_task_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", task_state.pk],
        ),
        {"comment": "Fiche claire, merci."},
    )
    assert response.status_code in (200, 302)

    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    proposal.refresh_from_db()
    assert proposal.publication_notice_queued_at is not None
    notices = [m for m in mail.outbox if SUBMITTER_EMAIL in m.to]
    assert len(notices) == 2
    assert page.full_url in notices[1].body

    client.logout()
    listing = client.get(library_index.url).content.decode()
    assert "Prévision des fuites" in listing
    assert (
        "Prévision des fuites"
        in client.get(
            library_index.url, {"theme": "eau-et-assainissement", "biais": "en-partie"}
        ).content.decode()
    )
    assert (
        "Prévision des fuites"
        in client.get("/collectivites/213102544/").content.decode()
    )


def test_moderators_can_send_a_proposal_back(
    client,
    proposal_url,
    vocabularies,
    labege,
    moderator,
):
    submit(client, proposal_url, valid_data(vocabularies))
    page = ProjectPage.objects.get(title="Prévision des fuites")
    state = WorkflowState.objects.get(object_id=str(page.pk))

    client.force_login(moderator)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "reject", state.current_task_state.pk],
        ),
        {"comment": "Précisez le budget."},
    )

    state.refresh_from_db()
    page.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not page.live


def test_no_submitter_contact_in_any_public_output(
    client,
    proposal_url,
    library_index,
    vocabularies,
    labege,
    moderator,
):
    """Name and email of the submitter appear on no page and in no revision."""
    submit(client, proposal_url, valid_data(vocabularies))
    page = ProjectPage.objects.get(title="Prévision des fuites")
    page.get_latest_revision().publish()
    page.refresh_from_db()

    outputs = [
        client.get(page.url),
        client.get(f"{page.url}historique/"),
        client.get(library_index.url),
        client.get(library_index.url, {"q": "fuites"}),
        client.get("/collectivites/213102544/"),
    ]
    for response in outputs:
        assert response.status_code == 200
        content = response.content.decode()
        assert SUBMITTER_EMAIL not in content
        assert SUBMITTER_NAME not in content
    for revision in Revision.objects.filter(object_id=str(page.pk)):
        assert SUBMITTER_EMAIL not in str(revision.content)
        assert SUBMITTER_NAME not in str(revision.content)
    assert not ProjectPage.objects.live().search(SUBMITTER_NAME.split()[1])


# ----- What goes wrong -----


def test_missing_essentials_are_explained_and_nothing_is_lost(
    client, proposal_url, vocabularies, labege
):
    data = valid_data(vocabularies, summary="", themes=None, problem="")
    response = client.post(proposal_url, data)

    assert response.status_code == 200
    assert ProjectPage.objects.count() == 0
    form = response.context["form"]
    assert set(form.errors) == {"summary", "themes", "problem"}
    content = html.unescape(response.content.decode())
    assert "Le formulaire contient 3 erreurs" in content
    assert 'aria-invalid="true"' in content
    assert 'value="Prévision des fuites"' in content
    assert SUBMITTER_EMAIL in content  # what was typed comes back


def test_bad_months_are_refused(client, proposal_url, vocabularies, labege):
    response = client.post(
        proposal_url, valid_data(vocabularies, start_month="mars", end_month="2020-01")
    )
    assert "start_month" in response.context["form"].errors
    response = client.post(
        proposal_url,
        valid_data(vocabularies, start_month="2024-05", end_month="2023-01"),
    )
    assert response.context["form"].errors["end_month"] == [
        "La fin ne peut pas précéder le début."
    ]
    assert ProjectPage.objects.count() == 0


def test_an_unknown_collectivity_is_refused(client, proposal_url, vocabularies, labege):
    response = client.post(
        proposal_url, valid_data(vocabularies, lead_collectivity="Atlantide")
    )
    assert "lead_collectivity" in response.context["form"].errors
    assert ProjectPage.objects.count() == 0


@pytest.mark.parametrize("theme", [str(2**63), str(-(2**63) - 1), "9" * 5000])
def test_a_theme_id_no_database_can_hold_is_refused(
    client, proposal_url, vocabularies, labege, theme
):
    """Such an id is an unknown theme, not a crash of the database lookup."""
    response = client.post(proposal_url, valid_data(vocabularies, themes=[theme]))

    assert response.status_code == 200
    assert "themes" in response.context["form"].errors
    assert ProjectPage.objects.count() == 0


def test_the_privacy_consent_is_required(client, proposal_url, vocabularies, labege):
    response = client.post(proposal_url, valid_data(vocabularies, accept_privacy=None))
    assert "accept_privacy" in response.context["form"].errors
    assert ProjectPage.objects.count() == 0


def test_a_filled_honeypot_writes_nothing(client, proposal_url, vocabularies, labege):
    response = submit(
        client, proposal_url, valid_data(vocabularies, site_web="https://spam.example")
    )
    assert response.status_code == 302
    assert ProjectPage.objects.count() == 0
    assert ProjectProposal.objects.count() == 0
    assert mail.outbox == []


def test_too_many_proposals_from_one_address_are_refused(
    client, proposal_url, vocabularies, labege
):
    """Past the limit the form comes back, as typed, and nothing is written."""
    for number in range(ratelimit.PROPOSALS.count):
        response = submit(
            client, proposal_url, valid_data(vocabularies, title=f"Projet {number}")
        )
        assert response.status_code == 302

    response = client.post(proposal_url, valid_data(vocabularies, title="Un de trop"))

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    content = html.unescape(response.content.decode())
    assert "rien n'a été enregistré" in content
    assert 'value="Un de trop"' in content
    assert not ProjectPage.objects.filter(title="Un de trop").exists()
    assert ProjectProposal.objects.count() == ratelimit.PROPOSALS.count


def test_forms_sent_back_with_errors_do_not_count(client, proposal_url, vocabularies):
    for _ in range(ratelimit.PROPOSALS.count + 2):
        response = client.post(proposal_url, valid_data(vocabularies, summary=""))
        assert response.status_code == 200


def test_other_addresses_are_not_limited(client, proposal_url, vocabularies, labege):
    for number in range(ratelimit.PROPOSALS.count):
        submit(client, proposal_url, valid_data(vocabularies, title=f"Projet {number}"))
    response = client.post(
        proposal_url, valid_data(vocabularies), REMOTE_ADDR="192.0.2.99"
    )
    assert response.status_code == 302


def test_a_failed_receipt_loses_nothing_and_logs_no_personal_data(
    client, proposal_url, vocabularies, labege, monkeypatch, caplog
):
    def unreachable_server(message, *args, **kwargs):
        raise ConnectionRefusedError(f"cannot reach server for {SUBMITTER_EMAIL}")

    monkeypatch.setattr(EmailMultiAlternatives, "send", unreachable_server)
    with (
        caplog.at_level(logging.INFO, logger="library"),
        caplog.at_level(logging.INFO, logger="core"),
    ):
        response = submit(client, proposal_url, valid_data(vocabularies))

    assert response.status_code == 302
    proposal = ProjectProposal.objects.get()
    assert proposal.page.title == "Prévision des fuites"
    assert mail.outbox == []
    assert "Project proposed" in caplog.text
    assert "ConnectionRefusedError" in caplog.text
    assert SUBMITTER_EMAIL not in caplog.text
    assert SUBMITTER_NAME not in caplog.text


def test_a_slug_is_never_taken_twice(client, proposal_url, vocabularies, labege):
    for _ in range(2):
        submit(client, proposal_url, valid_data(vocabularies))
    slugs = sorted(ProjectPage.objects.values_list("slug", flat=True))
    assert slugs == ["prevision-des-fuites", "prevision-des-fuites-2"]


def test_a_title_cannot_take_the_address_of_the_form(
    client, proposal_url, vocabularies, labege
):
    submit(client, proposal_url, valid_data(vocabularies, title="Proposer"))
    assert ProjectPage.objects.get().slug == "proposer-2"


def test_moderators_see_the_proposal_in_the_editor(
    client,
    proposal_url,
    vocabularies,
    labege,
    moderator,
):
    """The edit form shows the note to editors, and the contact to moderators."""
    submit(client, proposal_url, valid_data(vocabularies))
    page = ProjectPage.objects.get(title="Prévision des fuites")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    client.force_login(moderator)
    content = html.unescape(client.get(edit_url).content.decode())
    assert "proposé par le formulaire public" in content
    assert "Le bureau d'études Hydro Données" in content
    assert SUBMITTER_EMAIL in content

    editor = User.objects.create_user("editrice", "editrice@example.org", "x" * 16)
    editor.groups.add(Group.objects.get(name="Éditeurs"))
    client.force_login(editor)
    content = html.unescape(client.get(edit_url).content.decode())
    assert "Le bureau d'études Hydro Données" in content
    assert SUBMITTER_EMAIL not in content
