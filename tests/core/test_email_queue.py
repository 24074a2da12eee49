"""Emails go through a task queue: a mail server that fails loses nothing."""

import io
import logging
import socket
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from core import tasks
from core.mail import send_later
from territories.models import Region

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
REFUSING_BACKEND = "tests.core.email_backends.RefusingEmailBackend"
ADDRESS = "camille.martin@example.org"


def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def smtp_server_down():
    """Settings for an SMTP server that refuses connections."""
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=unused_port(),
    )


def run_worker():
    """Run every task that is due, as `manage.py db_worker` does, then stop."""
    # The worker sets the level of the task loggers for its verbosity.
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    levels = [logger.level for logger in loggers]
    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        verbosity=1,
        stdout=io.StringIO(),
    )
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


def queue_an_email():
    return send_later("Confirmez votre signature", "Cliquez sur le lien.", ADDRESS)


# ----- In development and tests: tasks run at once -----


@pytest.mark.django_db
def test_send_later_sends_the_email():
    send_later(
        "Confirmez votre signature",
        "Cliquez sur le lien.",
        [ADDRESS],
        reply_to="contact@example.org",
    )

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Confirmez votre signature"
    assert message.to == [ADDRESS]
    assert message.reply_to == ["contact@example.org"]
    assert message.body == "Cliquez sur le lien."


@pytest.mark.django_db
@pytest.mark.urls("tests.core.urls")
def test_submission_is_kept_when_the_mail_server_is_down(client):
    """The form still answers and its record is saved; only the email waits."""
    with smtp_server_down():
        response = client.post("/essai/proposition/", {"code": "84", "email": ADDRESS})

    assert response.status_code == 200
    assert Region.objects.filter(code="84").exists()
    assert mail.outbox == []


# ----- In production: tasks are rows that a worker runs -----


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_failed_email_is_tried_again_later_and_then_sent():
    """A refused connection queues a second attempt a minute later, which succeeds."""
    with smtp_server_down():
        queue_an_email()
        run_worker()

    assert mail.outbox == []
    first, second = DBTaskResult.objects.order_by("enqueued_at")
    assert first.status == "FAILED"
    assert second.status == "READY"
    assert second.args_kwargs["kwargs"]["attempt"] == 2
    assert second.run_after > timezone.now() + timedelta(seconds=30)

    run_worker()
    assert mail.outbox == [], "the second attempt waits for its time"

    DBTaskResult.objects.filter(pk=second.pk).update(run_after=timezone.now())
    run_worker()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [ADDRESS]
    second.refresh_from_db()
    assert second.status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(TASKS=DATABASE_TASKS, EMAIL_BACKEND=REFUSING_BACKEND)
def test_email_is_abandoned_after_the_last_attempt(log_lines):
    queue_an_email()
    for _ in range(tasks.MAX_ATTEMPTS):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_worker()

    attempts = DBTaskResult.objects.all()
    assert attempts.count() == tasks.MAX_ATTEMPTS
    assert not attempts.exclude(status="FAILED").exists()
    assert any("Email abandoned" in line for line in log_lines.lines)


def test_attempts_are_spaced_further_and_further_apart():
    delays = list(tasks.RETRY_DELAYS)

    assert delays == sorted(delays)
    assert len(set(delays)) == len(delays)
    assert sum(delays) >= 12 * 60 * 60, "attempts cover a mail server's long outage"


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_TASKS)
def test_email_is_queued_only_if_the_submission_is_saved():
    """The queued email shares the caller's transaction: rolled back together."""

    class Refused(Exception):
        pass

    with pytest.raises(Refused), transaction.atomic():
        Region.objects.create(code="93", name="Région annulée")
        queue_an_email()
        raise Refused

    with transaction.atomic():
        Region.objects.create(code="94", name="Région enregistrée")
        queue_an_email()

    assert DBTaskResult.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(TASKS=DATABASE_TASKS, EMAIL_BACKEND=REFUSING_BACKEND)
def test_failures_are_recorded_and_logged_without_the_address(log_lines):
    """The refusal quotes the recipient; neither the logs nor the error keep it."""
    queue_an_email()
    run_worker()

    failed = DBTaskResult.objects.get(status="FAILED")
    assert "SMTPRecipientsRefused" in failed.traceback
    assert ADDRESS not in failed.traceback
    assert "Email not sent, new attempt queued" in log_lines.text
    assert ADDRESS not in log_lines.text
    assert "camille" not in log_lines.text


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND=REFUSING_BACKEND)
def test_failure_in_the_request_is_logged_without_the_address(log_lines):
    queue_an_email()

    assert "Email abandoned" in log_lines.text
    assert "SMTPRecipientsRefused" in log_lines.text
    assert ADDRESS not in log_lines.text
