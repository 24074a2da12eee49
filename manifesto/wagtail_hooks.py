from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail_modeladmin.options import modeladmin_register

from .models import Signature
from .moderation import SignatureAdmin

modeladmin_register(SignatureAdmin)


@hooks.register("register_log_actions")
def register_signature_log_actions(actions):
    actions.register_action(
        "manifesto.signature.submit",
        _("Signature reçue"),
        _("Signature reçue par le formulaire public"),
    )
    actions.register_action(
        "manifesto.signature.confirm",
        _("Signature confirmée"),
        _("Signature confirmée par le lien envoyé au signataire"),
    )
    actions.register_action(
        "manifesto.signature.approve", _("Signature approuvée"), _("Approuvée")
    )
    actions.register_action(
        "manifesto.signature.reject", _("Signature refusée"), _("Refusée")
    )
    actions.register_action(
        "manifesto.signature.withdraw",
        _("Signature retirée"),
        _("Retirée par le signataire"),
    )
    actions.register_action(
        "manifesto.signature.resend_email",
        _("Courriel renvoyé"),
        _("Courriel au signataire renvoyé"),
    )


class SignaturesSummaryItem(SummaryItem):
    """On the dashboard: how many signatures await a decision."""

    order = 250
    template_name = "manifesto/admin/summary_item.html"

    def get_context_data(self, parent_context):
        return {
            "awaiting": Signature.objects.awaiting_moderation().count(),
            "index_url": reverse("manifesto_signature_modeladmin_index"),
            "status": Signature.Status.AWAITING_MODERATION,
        }

    def is_shown(self):
        return self.request.user.has_perm("manifesto.moderate_signature")


@hooks.register("construct_homepage_summary_items")
def add_signatures_summary_item(request, items):
    items.append(SignaturesSummaryItem(request))
