"""Proposing a project: the public form, moderation in the workflow, the notices."""

import html
import logging

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core import mail, signing
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from wagtail.models import Revision, WorkflowState

from library import assessment, ratelimit, services
from library.forms import PROPOSAL_STEPS, ProposalForm
from library.models import ProjectPage, ProjectProposal
from library.proposal_steps import BACK, DIRECTION_FIELD, PROGRESS_FIELD, SIGNING_SALT

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


def send_step(client, proposal_url, shown, data, **extra):
    """Send the step that the response ``shown`` shows, with ``data`` typed in.

    The progress that the page carries goes with it, as a browser sends it.
    """
    progress = shown.context["progress"]
    return client.post(proposal_url, {**data, PROGRESS_FIELD: progress.token}, **extra)


def go_back(client, proposal_url, shown, data, **extra):
    """Press "Précédent" on the step ``shown``, with ``data`` typed in."""
    return send_step(
        client, proposal_url, shown, {**data, DIRECTION_FIELD: BACK}, **extra
    )


def submit(client, proposal_url, data, **extra):
    """Go through the steps with ``data``, up to the step that stops on errors.

    Every value of ``data`` is sent on each step, which reads its own only.
    The last answer is returned: a redirect once sent, else the step shown.
    """
    response = client.get(proposal_url, **extra)
    for _step in PROPOSAL_STEPS:
        response = send_step(client, proposal_url, response, data, **extra)
        if response.status_code != 200 or response.context["form"].errors:
            break
    return response


def step_of(response):
    return response.context["progress"].step_number


def content_of(response):
    return html.unescape(response.content.decode())


# ----- The form -----


def test_the_form_asks_for_the_record_in_three_steps(
    client, proposal_url, vocabularies, labege
):
    """The record's sections come in three steps, then the submitter's contact."""
    legends = {
        1: ["Identité", "Finalité et utilité", "Moyens", "Partenaires"],
        2: ["Technique", "Impacts", "Gouvernance et éthique", "Réutilisation"],
        3: [
            "Manifeste, chapitre 1 : Une IA sociale",
            "Manifeste, chapitre 4 : Une gouvernance partagée et territoriale",
            "Vous",
        ],
    }
    response = client.get(proposal_url)

    for number, step_legends in legends.items():
        assert response.status_code == 200
        assert step_of(response) == number
        content = content_of(response)
        for legend in step_legends:
            assert f"<legend>{legend}</legend>" in content
        other_legends = [
            legend
            for other, names in legends.items()
            if other != number
            for legend in names
        ]
        for legend in other_legends:
            assert f"<legend>{legend}</legend>" not in content
        assert f"Étape {number} sur 3" in content
        assert f"étape {number} sur 3" in content.split("</title>")[0]
        assert content.count('aria-current="step"') == 1
        assert "<div hidden>" in content  # the honeypot, out of sight
        assert (f'value="{BACK}"' in content) == (number > 1)
        response = send_step(client, proposal_url, response, valid_data(vocabularies))

    assert response.status_code == 302


def test_the_first_step_holds_the_essentials_of_the_project(
    client, proposal_url, vocabularies
):
    content = content_of(client.get(proposal_url))
    assert 'name="lead_collectivity"' in content
    assert "Eau et assainissement" in content
    assert 'name="submitter_email"' not in content
    assert "Suivant" in content
    assert "Envoyer la proposition" not in content


def test_choices_are_boxes_with_their_label_and_nothing_around_them(
    client, proposal_url, vocabularies
):
    """Each theme is a label holding its box: the form stays small."""
    content = client.get(proposal_url).content.decode()
    themes = content.split('<div id="id_themes" class="choice-list">')[1]
    themes = themes.split("</div>")[0]
    assert f'value="{vocabularies["water"].pk}"' in themes
    assert themes.count("<label") == themes.count('type="checkbox"') > 0
    assert "<div" not in themes


# ----- The steps -----

# What an agent types on the second step, besides valid_data().
STEP_2 = {
    "data_used": "Relevés des compteurs de sectorisation.",
    "data_origins": ["collectivite"],
}


def step_data(data, number):
    """The part of ``data`` that the step ``number`` asks for."""
    names = PROPOSAL_STEPS[number - 1].field_names
    return {key: value for key, value in data.items() if key in names}


def test_each_step_is_checked_before_the_next(client, proposal_url, vocabularies):
    """A step with mistakes comes back with its errors, in French."""
    response = client.get(proposal_url)
    response = send_step(client, proposal_url, response, {"title": "Prévision"})

    assert response.status_code == 200
    assert step_of(response) == 1
    errors = response.context["form"].errors
    assert errors["summary"] == ["Champ requis."]
    assert errors["lead_collectivity"] == [
        "Indiquez votre collectivité : son nom, son code postal ou son SIREN."
    ]
    content = content_of(response)
    assert "Le formulaire contient" in content
    assert 'value="Prévision"' in content


def test_going_back_keeps_every_answer(client, proposal_url, vocabularies, labege):
    """Back and forth, what was typed on each step is shown again, even wrong."""
    data = valid_data(vocabularies)
    response = send_step(client, proposal_url, client.get(proposal_url), data)
    assert step_of(response) == 2
    typed = {**step_data(data, 2), **STEP_2, "source_code_url": "pas une adresse"}

    response = go_back(client, proposal_url, response, typed)

    assert step_of(response) == 1
    assert not response.context["form"].errors
    content = content_of(response)
    assert 'value="Prévision des fuites"' in content
    assert 'value="213102544"' in content
    assert 'value="2024-03"' in content
    water = vocabularies["water"].pk
    assert f'value="{water}" id="id_themes_0" checked' in content

    response = send_step(client, proposal_url, response, data)

    assert step_of(response) == 2
    assert not response.context["form"].errors
    content = content_of(response)
    assert "Relevés des compteurs de sectorisation." in content
    assert 'value="pas une adresse"' in content
    assert 'value="collectivite" id="id_data_origins_0" checked' in content
    assert '<option value="apprentissage-automatique" selected>' in content


def test_an_answer_removed_on_the_way_back_stays_removed(
    client, proposal_url, vocabularies, labege
):
    """A box unticked on a step shown again is no longer ticked afterwards."""
    data = valid_data(vocabularies)
    response = send_step(client, proposal_url, client.get(proposal_url), data)
    response = send_step(client, proposal_url, response, {**data, **STEP_2})
    assert step_of(response) == 3

    response = go_back(client, proposal_url, response, step_data(data, 3))
    unticked = {**step_data(data, 2), **STEP_2, "data_origins": []}
    response = go_back(client, proposal_url, response, unticked)
    response = send_step(client, proposal_url, response, step_data(data, 1))

    assert step_of(response) == 2
    assert "checked" not in content_of(response).split('id="id_data_origins"')[1][:600]


def test_the_contact_is_kept_when_going_back_from_the_last_step(
    client, proposal_url, vocabularies, labege
):
    data = valid_data(vocabularies)
    response = client.get(proposal_url)
    for _ in range(2):
        response = send_step(client, proposal_url, response, data)
    assert step_of(response) == 3

    response = go_back(client, proposal_url, response, step_data(data, 3))
    assert step_of(response) == 2
    response = send_step(client, proposal_url, response, step_data(data, 2))

    assert step_of(response) == 3
    content = content_of(response)
    assert f'value="{SUBMITTER_EMAIL}"' in content
    assert '<input type="radio" name="assessment_bias" value="en-partie"' in content
    assert "Audit des alertes par quartier." in content


def test_nothing_is_stored_and_no_cookie_is_set_before_the_last_step(
    client, proposal_url, vocabularies, labege
):
    """The answers travel with the form: no session, nothing written."""
    data = valid_data(vocabularies)
    response = client.get(proposal_url)
    for _ in range(2):
        response = send_step(client, proposal_url, response, data)
        assert response.status_code == 200
        assert settings.SESSION_COOKIE_NAME not in response.cookies

    assert step_of(response) == 3
    assert ProjectPage.objects.count() == 0
    assert ProjectProposal.objects.count() == 0


@pytest.mark.parametrize(
    "progress",
    [
        None,
        "",
        "n'importe quoi",
        signing.dumps({"step": 2, "answers": {}}, salt="une autre salaison"),
        signing.dumps({"step": 7, "answers": {}}, salt=SIGNING_SALT),
    ],
    ids=["missing", "empty", "garbled", "signed-elsewhere", "no-such-step"],
)
def test_a_step_sent_without_its_progress_starts_again_with_a_notice(
    client, proposal_url, vocabularies, labege, progress
):
    """What was sent is kept, and the visitor is told to check every step."""
    data = {**STEP_2}
    if progress is not None:
        data[PROGRESS_FIELD] = progress

    response = client.post(proposal_url, data)

    assert response.status_code == 200
    assert step_of(response) == 1
    content = content_of(response)
    assert "Les étapes déjà remplies n'ont pas pu être reprises" in content
    assert "Ce que vous venez d'envoyer est gardé" in content
    assert ProjectPage.objects.count() == 0

    response = send_step(client, proposal_url, response, valid_data(vocabularies))

    assert step_of(response) == 2
    assert "Relevés des compteurs de sectorisation." in content_of(response)
    assert "n'ont pas pu être reprises" not in content_of(response)


def test_an_answer_no_longer_valid_at_the_end_is_shown_on_its_step(
    client, proposal_url, vocabularies, labege
):
    """A theme removed while the form was being filled in sends it back to step 1."""
    data = valid_data(vocabularies)
    response = client.get(proposal_url)
    for _ in range(2):
        response = send_step(client, proposal_url, response, data)
    assert step_of(response) == 3
    vocabularies["water"].delete()

    response = send_step(client, proposal_url, response, data)

    assert response.status_code == 200
    assert step_of(response) == 1
    assert set(response.context["form"].errors) == {"themes"}
    assert 'value="Prévision des fuites"' in content_of(response)
    assert ProjectPage.objects.count() == 0


def test_an_error_of_the_whole_proposal_is_shown_on_the_last_step(
    client, proposal_url, vocabularies, labege, monkeypatch
):
    """An error of no field in particular, found once the steps are put
    together, is told on the step the visitor is on."""
    checked_alone = ProposalForm.clean

    def clean(form):
        cleaned_data = checked_alone(form)
        if form.step is None:
            form.add_error(None, "Cette proposition existe déjà.")
        return cleaned_data

    monkeypatch.setattr(ProposalForm, "clean", clean)

    response = submit(client, proposal_url, valid_data(vocabularies))

    assert response.status_code == 200
    assert step_of(response) == 3
    assert "Cette proposition existe déjà." in content_of(response)
    assert ProjectPage.objects.count() == 0


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
    response = submit(client, proposal_url, data)

    assert response.status_code == 200
    assert step_of(response) == 1
    assert ProjectPage.objects.count() == 0
    form = response.context["form"]
    assert set(form.errors) == {"summary", "themes", "problem"}
    assert form.errors["summary"] == ["Champ requis."]
    content = content_of(response)
    assert "Le formulaire contient 3 erreurs" in content
    assert 'aria-invalid="true"' in content
    assert 'value="Prévision des fuites"' in content  # what was typed comes back
    assert 'value="2024-03"' in content


def test_bad_months_are_refused(client, proposal_url, vocabularies, labege):
    response = submit(
        client,
        proposal_url,
        valid_data(vocabularies, start_month="mars", end_month="2020-01"),
    )
    assert "start_month" in response.context["form"].errors
    response = submit(
        client,
        proposal_url,
        valid_data(vocabularies, start_month="2024-05", end_month="2023-01"),
    )
    assert response.context["form"].errors["end_month"] == [
        "La fin ne peut pas précéder le début."
    ]
    assert ProjectPage.objects.count() == 0


def test_an_unknown_collectivity_is_refused(client, proposal_url, vocabularies, labege):
    response = submit(
        client, proposal_url, valid_data(vocabularies, lead_collectivity="Atlantide")
    )
    assert "lead_collectivity" in response.context["form"].errors
    assert ProjectPage.objects.count() == 0


@pytest.mark.parametrize(
    "themes",
    [
        [str(2**63)],
        [str(-(2**63) - 1), "1"],
        ["9" * 30],
        ["9" * 5000],  # past the digits Python reads
        ["eau"],
    ],
)
def test_an_unknown_theme_is_refused(
    client, proposal_url, vocabularies, labege, themes
):
    """Even an id no database column holds: an error on the field, not a 500."""
    data = valid_data(vocabularies, themes=[vocabularies["water"].pk, *themes])

    response = submit(client, proposal_url, data)

    assert response.status_code == 200
    assert "themes" in response.context["form"].errors
    assert ProjectPage.objects.count() == 0


def test_the_privacy_consent_is_required(client, proposal_url, vocabularies, labege):
    response = submit(
        client, proposal_url, valid_data(vocabularies, accept_privacy=None)
    )
    assert step_of(response) == 3
    assert "accept_privacy" in response.context["form"].errors
    assert ProjectPage.objects.count() == 0


@pytest.mark.parametrize("step", [1, 2, 3])
def test_a_filled_honeypot_writes_nothing(
    client, proposal_url, vocabularies, labege, step
):
    """On whichever step a robot fills the hidden field, it is thanked and dropped."""
    data = valid_data(vocabularies)
    response = client.get(proposal_url)
    for _ in range(step - 1):
        response = send_step(client, proposal_url, response, data)
    assert step_of(response) == step

    response = send_step(
        client, proposal_url, response, {**data, "site_web": "https://spam.example"}
    )

    assert response.status_code == 302
    assert response["Location"].endswith("/proposer/merci/")
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

    data = valid_data(vocabularies, title="Un de trop")
    response = submit(client, proposal_url, data)

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    content = content_of(response)
    assert "rien n'a été enregistré" in content
    assert f'value="{SUBMITTER_EMAIL}"' in content
    assert not ProjectPage.objects.filter(title="Un de trop").exists()
    assert ProjectProposal.objects.count() == ratelimit.PROPOSALS.count
    # The earlier steps are kept too.
    response = go_back(client, proposal_url, response, data)
    response = go_back(client, proposal_url, response, data)
    assert step_of(response) == 1
    assert 'value="Un de trop"' in content_of(response)


def test_forms_sent_back_with_errors_do_not_count(
    client, proposal_url, vocabularies, labege
):
    for _ in range(ratelimit.PROPOSALS.count + 2):
        response = submit(
            client, proposal_url, valid_data(vocabularies, accept_privacy=None)
        )
        assert response.status_code == 200
        assert step_of(response) == 3


def test_other_addresses_are_not_limited(client, proposal_url, vocabularies, labege):
    for number in range(ratelimit.PROPOSALS.count):
        submit(client, proposal_url, valid_data(vocabularies, title=f"Projet {number}"))
    response = submit(
        client, proposal_url, valid_data(vocabularies), REMOTE_ADDR="192.0.2.99"
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
