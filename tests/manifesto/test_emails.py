"""Emails to signers are tasks: retried by the worker, failures kept in sight."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from core.tasks import MAX_ATTEMPTS
from manifesto.emails import SignatureEmailNotSent, send_signature_email
from manifesto.models import Signature

from .conftest import make_signature

pytestmark = pytest.mark.django_db

FAILING_BACKEND = "tests.manifesto.mailbackends.FailingBackend"
# Wagtail queues tasks of its own when pages and objects are saved.
EMAIL_TASKS = ["manifesto.emails.send_signature_email", "core.tasks.send_email"]


@pytest.fixture
def worker_queue(settings):
    """Emails queued in the database for a worker, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return DBTaskResult.objects.filter(task_path__in=EMAIL_TASKS).order_by(
        "enqueued_at"
    )


def queued_kwargs(queue):
    return [row.args_kwargs["kwargs"] for row in queue]


@pytest.fixture
def unconfirmed(manifesto_page, labege):
    return make_signature(labege, status=Signature.Status.AWAITING_CONFIRMATION)


def test_with_a_worker_the_email_is_queued_not_sent(worker_queue, unconfirmed):
    from manifesto import emails

    emails.queue(unconfirmed, Signature.Email.CONFIRMATION)

    assert mail.outbox == []
    assert queued_kwargs(worker_queue) == [
        {"signature_id": unconfirmed.pk, "email": "confirmation"}
    ]


def test_queued_email_holds_no_personal_data(worker_queue, unconfirmed):
    from manifesto import emails

    emails.queue(unconfirmed, Signature.Email.CONFIRMATION)

    assert unconfirmed.email not in repr(worker_queue.get().args_kwargs)


def test_failed_attempt_is_recorded_and_tried_again_later(
    worker_queue, unconfirmed, settings
):
    settings.EMAIL_BACKEND = FAILING_BACKEND

    with pytest.raises(SignatureEmailNotSent) as raised:
        send_signature_email.call(signature_id=unconfirmed.pk, email="confirmation")

    assert unconfirmed.email not in str(raised.value)
    unconfirmed.refresh_from_db()
    assert unconfirmed.failed_email == Signature.Email.CONFIRMATION
    (retry,) = worker_queue
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after > retry.enqueued_at


def test_last_attempt_is_not_tried_again(worker_queue, unconfirmed, settings):
    settings.EMAIL_BACKEND = FAILING_BACKEND

    with pytest.raises(SignatureEmailNotSent):
        send_signature_email.call(
            signature_id=unconfirmed.pk, email="confirmation", attempt=MAX_ATTEMPTS
        )

    assert not worker_queue.exists()
    unconfirmed.refresh_from_db()
    assert unconfirmed.failed_email == Signature.Email.CONFIRMATION


def test_successful_attempt_clears_the_recorded_failure(unconfirmed):
    unconfirmed.record_email_failure(Signature.Email.CONFIRMATION, "SMTPException")
    unconfirmed.save()

    send_signature_email.call(signature_id=unconfirmed.pk, email="confirmation")

    unconfirmed.refresh_from_db()
    assert unconfirmed.failed_email == ""
    assert unconfirmed.email_failed_at is None
    assert len(mail.outbox) == 1


def test_email_that_no_longer_holds_true_is_dropped(unconfirmed):
    """A signature withdrawn before its confirmation email leaves gets none."""
    unconfirmed.withdraw()
    unconfirmed.save()

    send_signature_email.call(signature_id=unconfirmed.pk, email="confirmation")

    assert mail.outbox == []


def test_email_for_a_deleted_signature_is_dropped(unconfirmed):
    signature_id = unconfirmed.pk
    unconfirmed.delete()

    send_signature_email.call(signature_id=signature_id, email="confirmation")

    assert mail.outbox == []


def test_moderators_are_notified_through_the_shared_queue(
    worker_queue, client, unconfirmed, moderator
):
    from manifesto import services

    services.confirm(unconfirmed.pk)

    (queued,) = worker_queue
    assert queued.task_path == "core.tasks.send_email"
    assert queued.args_kwargs["kwargs"]["to"] == [moderator.email]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_worker_sends_the_queued_confirmation(worker_queue, labege):
    """The worker, run as in production, finds the task and sends the email."""
    from manifesto import emails

    signature = make_signature(labege, status=Signature.Status.AWAITING_CONFIRMATION)
    emails.queue(signature, Signature.Email.CONFIRMATION)
    assert mail.outbox == []

    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        verbosity=0,
        stdout=io.StringIO(),
    )

    assert [message.to for message in mail.outbox] == [[signature.email]]
    assert "Labège" in mail.outbox[0].subject
