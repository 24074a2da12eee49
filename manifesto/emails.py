"""The emails of the signing journey, sent through Django's mail settings.

Sending never undoes what was done: when a message to the signer cannot
leave, the signature keeps its new status and records which message failed,
so that moderators see it in the admin and send it again.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from . import tokens
from .models import ManifestoPage, Signature

logger = logging.getLogger(__name__)

MODERATE_PERMISSION = "manifesto.moderate_signature"


def send_confirmation_request(signature, request=None):
    """Ask the signer to confirm; the message also carries the withdrawal link."""
    page = ManifestoPage.find_live()
    context = {
        "signature": signature,
        "confirm_url": _page_link(page, "confirm", request, signature, "confirmation"),
        "withdraw_url": _page_link(page, "withdraw", request, signature, "withdrawal"),
        "max_age_days": tokens.CONFIRMATION_MAX_AGE.days,
    }
    email = Signature.Email.CONFIRMATION
    return _send_to_signer(signature, email, "confirmation", context)


def send_decision(signature, request=None):
    """Tell the signer that their signature was approved or rejected."""
    page = ManifestoPage.find_live()
    context = {
        "signature": signature,
        "approved": signature.status == Signature.Status.APPROVED,
        "signatories_url": page.full_url_for("signatories", request) if page else "",
        "withdraw_url": _page_link(page, "withdraw", request, signature, "withdrawal"),
    }
    return _send_to_signer(signature, Signature.Email.DECISION, "decision", context)


def resend(signature, request=None):
    """Send again the message to the signer that failed last time."""
    if signature.failed_email == Signature.Email.CONFIRMATION:
        return send_confirmation_request(signature, request)
    if signature.failed_email == Signature.Email.DECISION:
        return send_decision(signature, request)
    return True


def notify_moderators(signature):
    """Tell the moderators that a confirmed signature awaits their decision."""
    recipients = moderator_addresses()
    if not recipients:
        logger.warning("No moderator to notify: signature id=%d", signature.pk)
        return False
    inspect_path = reverse(
        "manifesto_signature_modeladmin_inspect", args=[signature.pk]
    )
    context = {
        "signature": signature,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + inspect_path,
    }
    try:
        _message("moderation", context, recipients).send()
    except Exception as error:  # Each mail transport fails its own way.
        logger.warning(
            "Moderator notification failed: signature id=%d error=%s",
            signature.pk,
            type(error).__name__,
        )
        return False
    logger.info("Moderators notified: signature id=%d", signature.pk)
    return True


def moderator_addresses():
    users = get_user_model().objects.with_perm(MODERATE_PERMISSION)
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def _page_link(page, route, request, signature, kind):
    if page is None:
        return ""
    maker = {
        "confirmation": tokens.make_confirmation_token,
        "withdrawal": tokens.make_withdrawal_token,
    }[kind]
    return page.full_url_for(route, request, token=maker(signature))


def _message(name, context, recipients):
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = render_to_string(f"manifesto/emails/{name}_subject.txt", context)
    body = render_to_string(f"manifesto/emails/{name}_body.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    )


def _send_to_signer(signature, email, name, context):
    try:
        _message(name, context, [signature.email]).send()
    except Exception as error:  # Each mail transport fails its own way.
        signature.record_email_failure(email, type(error).__name__)
        signature.save(update_fields=["failed_email", "email_error", "email_failed_at"])
        logger.warning(
            "Signature email failed: id=%d email=%s error=%s",
            signature.pk,
            email,
            type(error).__name__,
        )
        return False
    if signature.failed_email:
        signature.clear_email_failure()
        signature.save(update_fields=["failed_email", "email_error", "email_failed_at"])
    logger.info("Signature email sent: id=%d email=%s", signature.pk, email)
    return True
