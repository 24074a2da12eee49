from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

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
