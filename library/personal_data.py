"""The personal data held with proposals and update suggestions: their contact.

Registered with core.personal_data from the app's ready(). Proposals and
suggestions outlive their contact: erasing a person blanks it and keeps the
project and the message.
"""

from django.utils.translation import gettext_lazy as _

from core.personal_data import Processing

from . import services
from .models import ProjectProposal, UpdateSuggestion

BLANK_PROPOSAL_CONTACT = {
    "submitter_name": "",
    "submitter_email": "",
    "submitter_role": "",
}
BLANK_SUGGESTION_CONTACT = {"contact_name": "", "contact_email": ""}


def _contribution_retention(policy):
    return _(
        "Les coordonnées sont effacées %(months)d mois après la réception de la "
        "proposition ou le traitement de la suggestion ; le projet et le message "
        "restent, sans elles."
    ) % {"months": policy.contact_retention_months}


class ContributionData:
    name = "library"
    processings = [
        Processing(
            title=_("Propositions de projets et suggestions de mise à jour"),
            data=_(
                "Nom, fonction et adresse électronique de la personne qui propose "
                "un projet ; nom et adresse, facultatifs, de celle qui suggère une "
                "mise à jour."
            ),
            purpose=_(
                "Accuser réception, poser des questions sur le projet et prévenir "
                "de sa publication. Ces coordonnées ne sont jamais publiées."
            ),
            legal_basis_setting="contribution_legal_basis",
            retention=_contribution_retention,
        )
    ]

    def export(self, email):
        proposals = ProjectProposal.objects.filter(
            submitter_email__iexact=email
        ).select_related("page")
        suggestions = UpdateSuggestion.objects.filter(
            contact_email__iexact=email
        ).select_related("project")
        return [
            *(
                {
                    "type": "proposition",
                    "projet": proposal.page.title,
                    "nom": proposal.submitter_name,
                    "fonction": proposal.submitter_role,
                    "adresse_electronique": proposal.submitter_email,
                    "message": proposal.note,
                    "recue_le": proposal.created_at.isoformat(),
                }
                for proposal in proposals
            ),
            *(
                {
                    "type": "suggestion",
                    "projet": suggestion.project.title,
                    "nom": suggestion.contact_name,
                    "adresse_electronique": suggestion.contact_email,
                    "message": suggestion.message,
                    "statut": suggestion.status,
                    "recue_le": suggestion.created_at.isoformat(),
                    "modifiee_le": suggestion.updated_at.isoformat(),
                }
                for suggestion in suggestions
            ),
        ]

    def erase(self, email):
        proposals = ProjectProposal.objects.filter(
            submitter_email__iexact=email
        ).update(**BLANK_PROPOSAL_CONTACT)
        suggestions = UpdateSuggestion.objects.filter(
            contact_email__iexact=email
        ).update(**BLANK_SUGGESTION_CONTACT)
        return {
            "proposals_anonymised": proposals,
            "suggestions_anonymised": suggestions,
        }

    def purge(self, policy):
        proposals, suggestions = services.erase_old_contacts(
            policy.contact_retention_months, now=policy.moment
        )
        return {
            "proposals_anonymised": proposals,
            "suggestions_anonymised": suggestions,
        }
