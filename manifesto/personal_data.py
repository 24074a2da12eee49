"""The personal data held with signatures: the signer's name and email.

Registered with core.personal_data from the app's ready(). An approved
signature stays public without its signer; a signature that never became
public goes entirely.
"""

from django.db.models import Q

from .models import Signature

# The public record of these survives an erasure, without the person.
KEPT_STATUSES = (
    Signature.Status.APPROVED,
    Signature.Status.REJECTED,
    Signature.Status.WITHDRAWN,
)


class SignatureData:
    name = "manifesto"

    def export(self, email):
        signatures = Signature.objects.filter(email__iexact=email).select_related(
            "collectivity"
        )
        return [
            {
                "type": "signature",
                "collectivite": str(signature.collectivity),
                "nom_signataire": signature.signer_name,
                "mandat_signataire": signature.signer_mandate,
                "adresse_electronique": signature.email,
                "message_public": signature.public_message,
                "etat": signature.status,
                "recue_le": _date(signature.created_at),
                "confirmee_le": _date(signature.confirmed_at),
                "decidee_le": _date(signature.decided_at),
                "retiree_le": _date(signature.withdrawn_at),
            }
            for signature in signatures
        ]

    def erase(self, email):
        signatures = Signature.objects.filter(email__iexact=email)
        deleted = _delete(signatures.exclude(status__in=KEPT_STATUSES))
        blanked = _blank(signatures.filter(status__in=KEPT_STATUSES))
        return {"signatures_deleted": deleted, "signatures_anonymised": blanked}

    def purge(self, policy):
        deleted = _delete(
            Signature.objects.unconfirmed_before(policy.unconfirmed_deadline)
        )
        ended = Q(
            status=Signature.Status.REJECTED, decided_at__lt=policy.contact_deadline
        ) | Q(
            status=Signature.Status.WITHDRAWN,
            withdrawn_at__lt=policy.contact_deadline,
        )
        blanked = _blank(Signature.objects.filter(ended))
        return {"signatures_deleted": deleted, "signatures_anonymised": blanked}


def _delete(signatures):
    count = 0
    for signature in signatures:
        if signature.logo:
            signature.logo.delete(save=False)
        signature.delete()
        count += 1
    return count


def _blank(signatures):
    return signatures.exclude(signer_name="", email="").update(signer_name="", email="")


def _date(moment):
    return moment.isoformat() if moment else None
