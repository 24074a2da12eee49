"""Access, erasure and purge of personal data, through the management commands."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from core import personal_data
from home.models import SiteSettings
from manifesto.models import Signature
from tests.manifesto.conftest import make_signature

pytestmark = pytest.mark.django_db

PERSON = "camille.martin@mairie.example"


def run(*args):
    output = StringIO()
    call_command(*args, stdout=output)
    return output.getvalue()


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def test_export_lists_every_signature_of_the_address_with_its_dates(labege, rennes):
    """The export is JSON with each signature made with that address, and only those."""
    make_signature(labege, email=PERSON, signer_name="Camille Martin")
    make_signature(rennes, email="autre@rennes.example", signer_name="Dominique Autre")

    data = json.loads(run("personal_data", "export", PERSON.upper()))

    records = data["donnees"]["manifesto"]
    assert len(records) == 1
    assert records[0]["nom_signataire"] == "Camille Martin"
    assert records[0]["adresse_electronique"] == PERSON
    assert records[0]["collectivite"] == str(labege)
    assert records[0]["recue_le"]
    assert "Dominique" not in json.dumps(data)


def test_erase_keeps_the_approved_signature_without_its_signer(labege):
    """An approved signature stays public with its mandate and date, not its signer."""
    signature = make_signature(labege, email=PERSON, signer_mandate="Maire")

    run("personal_data", "erase", PERSON)

    signature.refresh_from_db()
    assert signature.status == Signature.Status.APPROVED
    assert signature.signer_mandate == "Maire"
    assert signature.confirmed_at is not None
    assert signature.signer_name == ""
    assert signature.email == ""
    held = json.loads(run("personal_data", "export", PERSON))["donnees"]
    assert held["manifesto"] == []


def test_erase_deletes_signatures_that_never_became_public(labege, rennes):
    """Unconfirmed and pending signatures of the person are deleted outright."""
    make_signature(labege, email=PERSON, status=Signature.Status.AWAITING_CONFIRMATION)
    make_signature(rennes, email=PERSON, status=Signature.Status.AWAITING_MODERATION)

    output = run("personal_data", "erase", PERSON)

    assert not Signature.objects.exists()
    assert "manifesto.signatures_deleted : 2" in output


def test_erase_leaves_other_people_alone(labege, rennes):
    other = make_signature(rennes, email="autre@rennes.example")
    make_signature(labege, email=PERSON)

    run("personal_data", "erase", PERSON)

    other.refresh_from_db()
    assert other.email == "autre@rennes.example"
    assert other.signer_name == "Camille Martin"


def test_commands_refuse_what_is_not_an_address():
    with pytest.raises(CommandError):
        run("personal_data", "export", "pas une adresse")


def test_purge_deletes_unconfirmed_signatures_past_the_settings_delay(
    home_page, labege, rennes
):
    """The delay comes from the site settings; younger requests stay."""
    settings = SiteSettings.for_site(home_page.get_site())
    settings.unconfirmed_retention_days = 10
    settings.save()
    old = make_signature(
        labege, status=Signature.Status.AWAITING_CONFIRMATION, created_at=ago(days=11)
    )
    young = make_signature(
        rennes, status=Signature.Status.AWAITING_CONFIRMATION, created_at=ago(days=9)
    )

    run("purge_personal_data")

    assert not Signature.objects.filter(pk=old.pk).exists()
    assert Signature.objects.filter(pk=young.pk).exists()


def test_purge_blanks_contacts_of_signatures_ended_long_ago(
    home_page, labege, rennes, sicoval
):
    """Withdrawn or rejected signatures lose their signer after the contact delay."""
    settings = SiteSettings.for_site(home_page.get_site())
    settings.contact_retention_months = 12
    settings.save()
    withdrawn = make_signature(
        labege, status=Signature.Status.WITHDRAWN, withdrawn_at=ago(days=400)
    )
    rejected = make_signature(
        rennes, status=Signature.Status.REJECTED, decided_at=ago(days=400)
    )
    recent = make_signature(
        sicoval, status=Signature.Status.WITHDRAWN, withdrawn_at=ago(days=100)
    )

    run("purge_personal_data")

    for signature in (withdrawn, rejected):
        signature.refresh_from_db()
        assert (signature.signer_name, signature.email) == ("", "")
    recent.refresh_from_db()
    assert recent.email


def test_purge_is_idempotent_and_logs_counts_only(home_page, labege, app_logs):
    """A second run changes nothing, and the log names no address nor person."""
    make_signature(
        labege,
        email=PERSON,
        status=Signature.Status.WITHDRAWN,
        withdrawn_at=ago(days=2000),
    )

    first = personal_data.purge()
    second = personal_data.purge()

    assert first["manifesto"]["signatures_anonymised"] == 1
    assert all(number == 0 for counts in second.values() for number in counts.values())
    assert PERSON not in app_logs.text
    assert "Camille" not in app_logs.text
    assert "signatures_anonymised=1" in app_logs.text


def test_approved_signatures_are_never_purged(home_page, labege):
    signature = make_signature(labege, created_at=ago(days=5000))

    personal_data.purge()

    signature.refresh_from_db()
    assert signature.email
