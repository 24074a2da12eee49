"""What happens to a signature, step by step, and the figures others read.

Each step locks the signature it changes, so that two requests cannot both
move it, writes the audit log, and queues the email that goes with it once
the change is committed.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import TaskResultStatus
from wagtail.log_actions import log

from . import emails
from .models import Signature, SignatureStateError
from .tokens import CONFIRMATION_MAX_AGE

logger = logging.getLogger(__name__)

ALREADY_SIGNED_MESSAGES = {
    Signature.Status.AWAITING_CONFIRMATION: _(
        "Une signature de cette collectivité attend déjà sa confirmation par "
        "courriel. Si elle ne vient pas de vous, écrivez-nous."
    ),
    Signature.Status.AWAITING_MODERATION: _(
        "Une signature de cette collectivité est déjà confirmée et attend la "
        "validation de notre équipe."
    ),
    Signature.Status.APPROVED: _("Cette collectivité a déjà signé le manifeste."),
}


class AlreadySigned(Exception):
    """The collectivity already holds a live signature."""

    def __init__(self, status):
        super().__init__(status)
        self.status = status

    @property
    def message(self):
        return ALREADY_SIGNED_MESSAGES[self.status]


# ----- Figures and look-ups that other apps read -----


def signatory_count():
    """How many authorities are listed as signatories."""
    return Signature.objects.approved().count()


def approved_signature(collectivity):
    """The collectivity's approved signature, or None."""
    return Signature.objects.approved().filter(collectivity=collectivity).first()


def live_signature_status(collectivity):
    """The status of the live signature that keeps the collectivity from signing.

    A signature left unconfirmed past its link's life does not count: signing
    again replaces it (see forget_unconfirmed).
    """
    stale = Signature.objects.unconfirmed_before(_unconfirmed_deadline())
    return (
        Signature.objects.live()
        .filter(collectivity=collectivity)
        .exclude(pk__in=stale.values("pk"))
        .values_list("status", flat=True)
        .first()
    )


# ----- Signing -----


def sign(signature):
    """Record a new signature and ask its signer to confirm it by email.

    Raise AlreadySigned when the collectivity holds a live signature; the
    database decides, so that two simultaneous attempts cannot both succeed.
    Return False if the confirmation email is known to have failed already.
    """
    forget_unconfirmed(signature.collectivity)
    signature.status = Signature.Status.AWAITING_CONFIRMATION
    try:
        with transaction.atomic():
            signature.save()
    except IntegrityError as error:
        status = live_signature_status(signature.collectivity)
        if status is None:
            raise
        raise AlreadySigned(status) from error
    log(signature, "manifesto.signature.submit")
    logger.info("Signature received: id=%d", signature.pk)
    status = emails.queue(signature, Signature.Email.CONFIRMATION)
    return status != TaskResultStatus.FAILED


def forget_unconfirmed(collectivity):
    """Delete the collectivity's signature left unconfirmed past its link's life.

    Its confirmation link no longer works, so it would otherwise block the
    collectivity for good; it was never confirmed, so nothing of it is kept.
    """
    stale = Signature.objects.filter(collectivity=collectivity).unconfirmed_before(
        _unconfirmed_deadline()
    )
    for signature in stale:
        signature.logo.delete(save=False)
        logger.info("Unconfirmed signature deleted: id=%d", signature.pk)
        signature.delete()


# ----- Confirmation and withdrawal, from the links sent by email -----


def confirm(signature_id):
    """Confirm a signature and tell the moderators; return the signature.

    Raise Signature.DoesNotExist or SignatureStateError.
    """
    with transaction.atomic():
        signature = _locked(signature_id)
        signature.confirm()
        signature.save(update_fields=["status", "confirmed_at"])
        log(signature, "manifesto.signature.confirm")
    logger.info("Signature confirmed: id=%d", signature.pk)
    emails.notify_moderators(signature)
    return signature


def withdraw(signature_id):
    """Withdraw a signature: it leaves every public list at once."""
    with transaction.atomic():
        signature = _locked(signature_id)
        signature.withdraw()
        signature.save(update_fields=["status", "withdrawn_at"])
        log(signature, "manifesto.signature.withdraw")
    if signature.logo:
        signature.logo.delete(save=True)
    logger.info("Signature withdrawn: id=%d", signature.pk)
    return signature


# ----- Moderation -----


def approve(signature_id, user, note=""):
    return _decide(signature_id, user, "approve", note)


def reject(signature_id, user, note=""):
    return _decide(signature_id, user, "reject", note)


def _decide(signature_id, user, decision, note):
    with transaction.atomic():
        signature = _locked(signature_id)
        getattr(signature, decision)(user)
        fields = ["status", "decided_by", "decided_at"]
        if note:
            signature.moderation_note = _append_note(signature.moderation_note, note)
            fields.append("moderation_note")
        signature.save(update_fields=fields)
        log(signature, f"manifesto.signature.{decision}", user=user)
    logger.info("Signature decided: id=%d decision=%s", signature.pk, decision)
    emails.queue(signature, Signature.Email.DECISION)
    signature.refresh_from_db(fields=["failed_email", "email_error", "email_failed_at"])
    return signature


def decide_many(signature_ids, user, decision):
    """Approve or reject several signatures; return (decided, refused) lists.

    A signature whose status does not allow the decision is left as it is.
    """
    step = {"approve": approve, "reject": reject}[decision]
    decided, refused = [], []
    for signature_id in signature_ids:
        try:
            decided.append(step(signature_id, user))
        except (Signature.DoesNotExist, SignatureStateError):
            refused.append(signature_id)
    return decided, refused


def resend_email(signature_id, user):
    """Send again the email to the signer that failed; return the task's status."""
    signature = Signature.objects.get(pk=signature_id)
    if not signature.failed_email:
        return None
    log(signature, "manifesto.signature.resend_email", user=user)
    return emails.queue(signature, signature.failed_email)


def _unconfirmed_deadline():
    return timezone.now() - CONFIRMATION_MAX_AGE


def _locked(signature_id):
    return (
        Signature.objects.select_for_update(of=("self",))
        .select_related("collectivity")
        .get(pk=signature_id)
    )


def _append_note(existing, note):
    stamp = timezone.localtime().strftime("%d/%m/%Y %H:%M")
    entry = f"[{stamp}] {note.strip()}"
    return f"{existing.rstrip()}\n{entry}" if existing.strip() else entry
