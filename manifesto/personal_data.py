"""The personal data held with signatures: the signer's name and email.

Registered with core.personal_data from the app's ready(). An approved
signature stays public without its signer; a signature that never became
public goes entirely.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.personal_data import Processing

from .models import Signature

# The public record of these survives an erasure, without the person.
KEPT_STATUSES = (
    Signature.Status.APPROVED,
    Signature.Status.REJECTED,
    Signature.Status.WITHDRAWN,
)


def _signature_retention(policy):
    unconfirmed = ngettext(
        "Une signature non confirmée est effacée après %(days)d jour.",
        "Une signature non confirmée est effacée après %(days)d jours.",
        policy.unconfirmed_retention_days,
    ) % {"days": policy.unconfirmed_retention_days}
    contact = _(
        "Le nom et l'adresse du signataire sont gardés tant que la signature "
        "est publiée, puis %(months)d mois après son retrait ou son refus ; "
        "la signature de la collectivité reste alors publiée sans eux."
    ) % {"months": policy.contact_retention_months}
    return f"{unconfirmed} {contact}"


class SignatureData:
    name = "manifesto"
    processings = [
        Processing(
            title=_("Signatures du manifeste"),
            data=_(
                "Nom, mandat et adresse électronique de la personne qui signe "
                "pour sa collectivité."
            ),
            purpose=_(
                "Confirmer la signature, informer de la décision de modération "
                "et permettre le retrait. Seuls la collectivité, le mandat et la "
                "date sont publiés ; le nom et l'adresse ne le sont jamais."
            ),
            legal_basis_setting="signature_legal_basis",
            retention=_signature_retention,
        )
    ]

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
