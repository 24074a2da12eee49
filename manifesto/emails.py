"""The emails of the signing journey, sent by the task worker.

Sending never undoes what was done. Each email to a signer is a task that
reads the signature when it runs; when the mail server refuses it, the
signature records which email failed, so that moderators see it in the admin
and may send it again, and the worker tries again later, as core's emails do.
Moderators' notifications go through ``core.mail.send_later``.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from core.mail import send_later
from core.tasks import MAX_ATTEMPTS, RETRY_DELAYS

from . import tokens
from .models import ManifestoPage, Signature

logger = logging.getLogger(__name__)

MODERATE_PERMISSION = "manifesto.moderate_signature"


class SignatureEmailNotSent(Exception):
    """One attempt to email a signer failed; says why without naming anyone."""


# ----- To the signer -----


def queue(signature, email):
    """Queue one of the signer's emails; return the task's status.

    Where tasks run at once (development, tests) the email has already left
    (SUCCESSFUL) or failed (FAILED); with a worker it is READY to leave.
    """
    result = send_signature_email.enqueue(signature_id=signature.pk, email=str(email))
    return result.status


@task()
def send_signature_email(*, signature_id, email, attempt=1):
    signature = (
        Signature.objects.select_related("collectivity").filter(pk=signature_id).first()
    )
    if signature is None or not _still_wanted(signature, email):
        logger.info("Signature email dropped: id=%d email=%s", signature_id, email)
        return {"sent": False}

    try:
        _render(email, _context(signature, email), [signature.email]).send()
    except Exception as error:  # Each mail transport fails its own way.
        reason = type(error).__name__
        signature.record_email_failure(email, reason)
        signature.save(update_fields=["failed_email", "email_error", "email_failed_at"])
        retried = _queue_next_attempt(signature_id, email, attempt)
        logger.warning(
            "Signature email failed: id=%d email=%s attempt=%d/%d retried=%s reason=%s",
            signature_id,
            email,
            attempt,
            MAX_ATTEMPTS,
            retried,
            reason,
        )
        # Raised without its cause: an SMTP error can quote the recipient.
        raise SignatureEmailNotSent(
            f"signature {signature_id}, {email}, attempt {attempt}: {reason}"
        ) from None

    if signature.failed_email == email:
        signature.clear_email_failure()
        signature.save(update_fields=["failed_email", "email_error", "email_failed_at"])
    logger.info("Signature email sent: id=%d email=%s", signature_id, email)
    return {"sent": True}


def _still_wanted(signature, email):
    """Whether the email still says something true when it is about to leave."""
    if email == Signature.Email.CONFIRMATION:
        return signature.status == Signature.Status.AWAITING_CONFIRMATION
    return signature.status in (Signature.Status.APPROVED, Signature.Status.REJECTED)


def _queue_next_attempt(signature_id, email, attempt):
    if attempt >= MAX_ATTEMPTS or not send_signature_email.get_backend().supports_defer:
        return False
    run_after = timezone.now() + timedelta(seconds=RETRY_DELAYS[attempt - 1])
    send_signature_email.using(run_after=run_after).enqueue(
        signature_id=signature_id, email=email, attempt=attempt + 1
    )
    return True


def _context(signature, email):
    page = ManifestoPage.find_live()
    context = {"signature": signature, "withdraw_url": ""}
    if page is not None:
        token = tokens.make_withdrawal_token(signature)
        context["withdraw_url"] = page.full_url_for("withdraw", token=token)
    if email == Signature.Email.CONFIRMATION:
        token = tokens.make_confirmation_token(signature)
        context["confirm_url"] = (
            page.full_url_for("confirm", token=token) if page else ""
        )
        context["max_age_days"] = tokens.CONFIRMATION_MAX_AGE.days
    else:
        context["approved"] = signature.status == Signature.Status.APPROVED
        context["signatories_url"] = page.full_url_for("signatories") if page else ""
    return context


# ----- To the moderators -----


def notify_moderators(signature):
    """Tell the moderators that a confirmed signature awaits their decision."""
    recipients = moderator_addresses()
    if not recipients:
        logger.warning("No moderator to notify: signature id=%d", signature.pk)
        return
    inspect_path = reverse(
        "manifesto_signature_modeladmin_inspect", args=[signature.pk]
    )
    context = {
        "signature": signature,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + inspect_path,
    }
    message = _render("moderation", context, recipients)
    send_later(message.subject, message.body, recipients)
    logger.info("Moderators notified: signature id=%d", signature.pk)


def moderator_addresses():
    users = get_user_model().objects.with_perm(MODERATE_PERMISSION)
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def _render(name, context, recipients):
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = render_to_string(f"manifesto/emails/{name}_subject.txt", context)
    body = render_to_string(f"manifesto/emails/{name}_body.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    )
