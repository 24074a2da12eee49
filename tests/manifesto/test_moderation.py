"""The moderation back-office: who may see, who may decide, and what deciding does."""

import csv
import io
from html import unescape

import pytest
from django.core import mail
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from manifesto.models import Signature

from .conftest import make_signature

pytestmark = pytest.mark.django_db

INDEX_URL = "/admin/manifesto/signature/"


def action_url(action, signature):
    return f"{INDEX_URL}{action}/{signature.pk}/"


@pytest.fixture
def awaiting(labege):
    return make_signature(
        labege,
        status=Signature.Status.AWAITING_MODERATION,
        moderation_note="Appeler la mairie avant de valider.",
    )


@pytest.fixture
def moderator_client(client, moderator, manifesto_page):
    client.force_login(moderator)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_moderators_find_signatures_in_the_admin_menu(moderator_client):
    response = moderator_client.get("/admin/")

    assert INDEX_URL in response.content.decode()


def test_list_shows_signatures_with_decide_buttons(moderator_client, awaiting):
    response = moderator_client.get(INDEX_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Labège" in html
    assert "En attente de modération" in html
    assert action_url("approve", awaiting) in html
    assert action_url("reject", awaiting) in html
    assert 'name="signatures"' in html and 'form="decision-groupee"' in html


@pytest.mark.parametrize(
    "query, shown, hidden",
    [
        ("status=approved", "Rennes", "Labège"),
        ("collectivity__kind__exact=ca", "Sicoval", "Rennes"),
        ("region=53", "Rennes", "Labège"),
        ("q=renn", "Rennes", "Labège"),
        ("q=Dupont", "Sicoval", "Rennes"),
    ],
)
def test_list_filters_and_search(
    moderator_client, awaiting, rennes, sicoval, query, shown, hidden
):
    make_signature(rennes)
    make_signature(sicoval, signer_name="Claude Dupont")

    response = moderator_client.get(f"{INDEX_URL}?{query}")

    html = response.content.decode()
    assert shown in html
    assert hidden not in html


def test_csv_export_holds_contact_emails_but_never_the_private_note(
    moderator_client, awaiting
):
    response = moderator_client.get(f"{INDEX_URL}?export=csv")

    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][:3] == ["Collectivité", "Nature", "SIREN"]
    assert "Adresse électronique" in rows[0]
    assert awaiting.email in content
    assert "Appeler la mairie" not in content


def test_csv_export_neutralises_formulas_typed_by_the_public(moderator_client, labege):
    make_signature(labege, signer_name='=HYPERLINK("http://evil.example")')

    response = moderator_client.get(f"{INDEX_URL}?export=csv")

    content = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in content


def test_xlsx_export(moderator_client, awaiting):
    response = moderator_client.get(f"{INDEX_URL}?export=xlsx")

    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert "Labège" in values
    assert awaiting.email in values
    assert "Appeler la mairie avant de valider." not in values


def test_inspect_view_shows_the_signature_and_its_decisions(moderator_client, awaiting):
    response = moderator_client.get(action_url("inspect", awaiting))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Camille Martin" in html
    assert awaiting.email in html
    assert action_url("approve", awaiting) in html


def test_approving_asks_for_confirmation_first(moderator_client, awaiting):
    response = moderator_client.get(action_url("approve", awaiting))

    assert response.status_code == 200
    assert Signature.objects.get().status == Signature.Status.AWAITING_MODERATION


def test_approving_records_who_and_when_logs_and_emails_the_signer(
    moderator_client, moderator, awaiting
):
    response = moderator_client.post(
        action_url("approve", awaiting), {"note": "Vérifié par téléphone."}
    )

    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.status == Signature.Status.APPROVED
    assert awaiting.decided_by == moderator
    assert awaiting.decided_at is not None
    assert "Vérifié par téléphone." in awaiting.moderation_note
    assert "Appeler la mairie" in awaiting.moderation_note
    entry = ModelLogEntry.objects.get(action="manifesto.signature.approve")
    assert entry.user == moderator
    assert entry.object_id == str(awaiting.pk)
    assert [message.to for message in mail.outbox] == [[awaiting.email]]
    assert "est publiée" in mail.outbox[0].subject
    assert "/manifeste/signataires/" in mail.outbox[0].body
    assert "/manifeste/retirer/" in mail.outbox[0].body


def test_rejecting_records_logs_and_emails_the_signer(
    moderator_client, moderator, awaiting
):
    moderator_client.post(action_url("reject", awaiting))

    awaiting.refresh_from_db()
    assert awaiting.status == Signature.Status.REJECTED
    assert awaiting.decided_by == moderator
    assert ModelLogEntry.objects.filter(action="manifesto.signature.reject").exists()
    assert "n'a pas été retenue" in mail.outbox[0].subject


def test_history_view_lists_the_decisions(moderator_client, awaiting):
    moderator_client.post(action_url("approve", awaiting))

    response = moderator_client.get(action_url("history", awaiting))

    assert response.status_code == 200
    assert "Approuvée" in response.content.decode()


def test_unconfirmed_signature_cannot_be_approved(moderator_client, labege):
    signature = make_signature(labege, status=Signature.Status.AWAITING_CONFIRMATION)

    response = moderator_client.post(action_url("approve", signature), follow=True)

    assert Signature.objects.get().status == Signature.Status.AWAITING_CONFIRMATION
    assert "Seule une signature en attente de modération" in (response.content.decode())
    assert mail.outbox == []


def test_approved_signature_can_be_taken_down_by_rejecting_it(moderator_client, labege):
    signature = make_signature(labege)

    moderator_client.post(action_url("reject", signature))

    assert Signature.objects.get().status == Signature.Status.REJECTED


def test_bulk_decision_handles_the_ticked_signatures_only(
    moderator_client, moderator, awaiting, rennes, sicoval
):
    second = make_signature(rennes, status=Signature.Status.AWAITING_MODERATION)
    untouched = make_signature(sicoval, status=Signature.Status.AWAITING_MODERATION)

    response = moderator_client.post(
        f"{INDEX_URL}decide/",
        {
            "decision": "approve",
            "signatures": [awaiting.pk, second.pk],
            "next": f"{INDEX_URL}?status=awaiting_moderation",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == f"{INDEX_URL}?status=awaiting_moderation"
    statuses = dict(Signature.objects.values_list("pk", "status"))
    assert statuses[awaiting.pk] == statuses[second.pk] == Signature.Status.APPROVED
    assert statuses[untouched.pk] == Signature.Status.AWAITING_MODERATION
    assert (
        ModelLogEntry.objects.filter(action="manifesto.signature.approve").count() == 2
    )
    assert len(mail.outbox) == 2


def test_bulk_decision_leaves_signatures_whose_status_does_not_allow_it(
    moderator_client, awaiting, rennes
):
    unconfirmed = make_signature(rennes, status=Signature.Status.AWAITING_CONFIRMATION)

    response = moderator_client.post(
        f"{INDEX_URL}decide/",
        {"decision": "approve", "signatures": [awaiting.pk, unconfirmed.pk]},
        follow=True,
    )

    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Signature.Status.AWAITING_CONFIRMATION
    assert "1 signature n'était pas" in unescape(response.content.decode())


def test_bulk_decision_refuses_external_redirects(moderator_client, awaiting):
    response = moderator_client.post(
        f"{INDEX_URL}decide/",
        {
            "decision": "reject",
            "signatures": [awaiting.pk],
            "next": "https://evil.example/",
        },
    )

    assert response["Location"] == INDEX_URL


def test_editor_without_moderation_right_sees_no_decide_button(editor_client, awaiting):
    response = editor_client.get(INDEX_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Labège" in html
    assert action_url("approve", awaiting) not in html
    assert 'name="signatures"' not in html
    inspect = editor_client.get(action_url("inspect", awaiting)).content.decode()
    assert action_url("approve", awaiting) not in inspect


def assert_denied(response):
    """Wagtail's admin answers a refusal by going back to the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("action", ["approve", "reject", "resend"])
def test_editor_without_moderation_right_cannot_decide(editor_client, awaiting, action):
    awaiting.failed_email = Signature.Email.DECISION
    awaiting.save()

    assert_denied(editor_client.get(action_url(action, awaiting)))
    assert_denied(editor_client.post(action_url(action, awaiting)))
    assert Signature.objects.get().status == Signature.Status.AWAITING_MODERATION
    assert mail.outbox == []


def test_editor_without_moderation_right_cannot_decide_in_bulk(editor_client, awaiting):
    response = editor_client.post(
        f"{INDEX_URL}decide/", {"decision": "approve", "signatures": [awaiting.pk]}
    )

    assert_denied(response)
    assert Signature.objects.get().status == Signature.Status.AWAITING_MODERATION


def test_people_without_any_right_do_not_see_signatures(client, django_user_model):
    from .conftest import add_to_group

    user = django_user_model.objects.create_user("stagiaire", "", "x")
    add_to_group(user, "Éditeurs", "wagtailadmin.access_admin")
    client.force_login(user)

    assert_denied(client.get(INDEX_URL))
    assert INDEX_URL not in client.get("/admin/").content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, awaiting):
    response = client.post(action_url("approve", awaiting))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert Signature.objects.get().status == Signature.Status.AWAITING_MODERATION


def test_signatures_cannot_be_added_from_the_admin(moderator_client):
    assert_denied(moderator_client.get(f"{INDEX_URL}create/"))


def test_failed_decision_email_is_shown_and_can_be_resent(
    moderator_client, awaiting, settings
):
    settings.EMAIL_BACKEND = "tests.manifesto.mailbackends.FailingBackend"
    moderator_client.post(action_url("approve", awaiting))
    awaiting.refresh_from_db()
    assert awaiting.status == Signature.Status.APPROVED
    assert awaiting.failed_email == Signature.Email.DECISION

    listing = moderator_client.get(INDEX_URL).content.decode()
    assert "Non parti" in listing
    assert action_url("resend", awaiting) in listing
    inspect = moderator_client.get(action_url("inspect", awaiting)).content.decode()
    assert "SMTPServerDisconnected" in inspect

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = moderator_client.post(action_url("resend", awaiting))

    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.failed_email == ""
    assert awaiting.email_failed_at is None
    assert [message.to for message in mail.outbox] == [[awaiting.email]]
    assert "est publiée" in mail.outbox[0].subject
    assert ModelLogEntry.objects.filter(
        action="manifesto.signature.resend_email"
    ).exists()


def test_failed_confirmation_email_can_be_resent(moderator_client, labege, settings):
    signature = make_signature(
        labege,
        status=Signature.Status.AWAITING_CONFIRMATION,
        failed_email=Signature.Email.CONFIRMATION,
        email_error="SMTPServerDisconnected",
    )

    moderator_client.post(action_url("resend", signature))

    assert "/manifeste/confirmer/" in mail.outbox[0].body
    signature.refresh_from_db()
    assert signature.failed_email == ""


def test_moderator_groups_hold_the_moderation_permission(db):
    from django.contrib.auth.models import Group

    for name in ("Modérateurs", "Administrateurs"):
        codenames = set(
            Group.objects.get(name=name).permissions.values_list("codename", flat=True)
        )
        assert {"view_signature", "moderate_signature"} <= codenames
    assert "delete_signature" not in set(
        Group.objects.get(name="Modérateurs").permissions.values_list(
            "codename", flat=True
        )
    )


def test_dashboard_counts_signatures_awaiting_a_decision(moderator_client, awaiting):
    html = moderator_client.get("/admin/").content.decode()

    assert "1 signature à valider" in html
    assert f"{INDEX_URL}?status=awaiting_moderation" in html


def test_editor_dashboard_says_nothing_of_signatures(editor_client, awaiting):
    assert "à valider" not in editor_client.get("/admin/").content.decode()


def test_moderator_can_correct_a_signature_and_remove_its_logo(
    moderator_client, awaiting
):
    from .conftest import image_file

    awaiting.logo.save("logo.png", image_file(), save=True)
    storage, stored = awaiting.logo.storage, awaiting.logo.name
    edit_url = action_url("edit", awaiting)
    assert moderator_client.get(edit_url).status_code == 200

    response = moderator_client.post(
        edit_url,
        {
            "signer_name": "Camille Martin-Durand",
            "signer_mandate": "Maire",
            "email": awaiting.email,
            "deliberation_date": "",
            "deliberation_url": "",
            "logo-clear": "on",
            "public_message": "",
            "moderation_note": "Nom corrigé à sa demande.",
        },
    )

    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.signer_name == "Camille Martin-Durand"
    assert not awaiting.logo
    assert not storage.exists(stored)
    assert awaiting.status == Signature.Status.AWAITING_MODERATION


def test_logo_replaced_in_the_admin_is_checked_and_resized(moderator_client, awaiting):
    from .conftest import image_file

    awaiting.logo.save("logo.png", image_file(), save=True)
    storage, previous = awaiting.logo.storage, awaiting.logo.name

    response = moderator_client.post(
        action_url("edit", awaiting),
        {
            "signer_name": awaiting.signer_name,
            "signer_mandate": awaiting.signer_mandate,
            "email": awaiting.email,
            "logo": image_file(size=(1000, 1000)),
            "moderation_note": "",
        },
    )

    assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.logo.name.endswith(".webp")
    assert (awaiting.logo_width, awaiting.logo_height) == (240, 240)
    assert not storage.exists(previous)
