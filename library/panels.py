from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ProposalPanel(Panel):
    """What the submitter of a proposed project told the moderators.

    The contact itself is shown only to those allowed to see proposals.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Proposition reçue"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "library/admin/proposal_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            from .models import ProjectProposal

            self.proposal = (
                ProjectProposal.objects.filter(page_id=self.instance.pk).first()
                if self.instance.pk
                else None
            )

        def is_shown(self):
            return self.proposal is not None and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["proposal"] = self.proposal
            context["show_contact"] = self.request.user.has_perm(
                "library.view_projectproposal"
            )
            return context
