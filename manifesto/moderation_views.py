"""Admin views that decide on signatures or send their emails again.

Each one asks for confirmation on GET and acts on POST only; each needs the
permission to moderate, so an editor who may see signatures cannot decide.
"""

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_tasks import TaskResultStatus
from wagtail.admin import messages
from wagtail_modeladmin.views import InstanceSpecificView, WMABaseView

from . import services
from .models import SignatureStateError

DECISION_WORDS = {
    "approve": gettext_lazy("Approuver"),
    "reject": gettext_lazy("Refuser"),
}


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=gettext_lazy("Note de modération (facultatif)"),
        help_text=gettext_lazy(
            "Ajoutée à la note privée de la signature ; jamais envoyée ni publiée."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DecisionView(InstanceSpecificView):
    """Approve or reject one signature, after a confirmation page."""

    decision = None
    template_name = "manifesto/admin/decide.html"

    def __init__(self, model_admin, instance_pk, decision):
        super().__init__(model_admin, instance_pk)
        self.decision = decision

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_moderate(user)

    def get_page_title(self):
        return DECISION_WORDS[self.decision]

    def get_context_data(self, **kwargs):
        context = {
            "decision": self.decision,
            "decision_word": DECISION_WORDS[self.decision],
            "allowed": self.permission_helper.user_can_decide(
                self.request.user, self.instance, self.decision
            ),
            "inspect_url": self.url_helper.get_action_url(
                "inspect", quote(self.instance.pk)
            ),
            "form": kwargs.pop("form", None) or DecisionForm(),
        }
        context.update(kwargs)
        return super().get_context_data(**context)

    def post(self, request, *args, **kwargs):
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        step = services.approve if self.decision == "approve" else services.reject
        try:
            signature = step(self.instance.pk, request.user, form.cleaned_data["note"])
        except SignatureStateError as error:
            messages.error(request, str(error))
            return redirect(self.url_helper.get_action_url("inspect", self.pk_quoted))
        _report_decision(request, [signature], [], self.decision)
        return redirect(self.index_url)


class ResendEmailView(InstanceSpecificView):
    """Send again the message to the signer that did not leave."""

    template_name = "manifesto/admin/resend.html"

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_moderate(user)

    def get_page_title(self):
        return _("Renvoyer le courriel")

    def get_context_data(self, **kwargs):
        context = {
            "inspect_url": self.url_helper.get_action_url(
                "inspect", quote(self.instance.pk)
            ),
        }
        context.update(kwargs)
        return super().get_context_data(**context)

    def post(self, request, *args, **kwargs):
        status = services.resend_email(self.instance.pk, request.user)
        if status is None:
            messages.info(request, _("Aucun courriel n'est en échec ici."))
        elif status == TaskResultStatus.SUCCESSFUL:
            messages.success(request, _("Le courriel est parti."))
        elif status == TaskResultStatus.FAILED:
            messages.error(
                request,
                _(
                    "Le courriel n'est toujours pas parti. Vérifiez la configuration "
                    "de l'envoi des courriels, puis réessayez."
                ),
            )
        else:
            messages.success(
                request,
                _(
                    "Le courriel est en file d'envoi. S'il échoue de nouveau, "
                    "cette fiche l'indiquera."
                ),
            )
        return redirect(self.url_helper.get_action_url("inspect", self.pk_quoted))


class BulkDecisionView(WMABaseView):
    """Approve or reject the signatures ticked in the list."""

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_moderate(user)

    def get(self, request, *args, **kwargs):
        return HttpResponseNotAllowed(["POST"])

    def post(self, request, *args, **kwargs):
        decision = request.POST.get("decision")
        if decision not in DECISION_WORDS:
            raise PermissionDenied
        ids = [value for value in request.POST.getlist("signatures") if value.isdigit()]
        back = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = self.index_url
        if not ids:
            messages.warning(request, _("Cochez d'abord les signatures à traiter."))
            return redirect(back)
        decided, refused = services.decide_many(
            [int(value) for value in ids], request.user, decision
        )
        _report_decision(request, decided, refused, decision)
        return redirect(back)


def _report_decision(request, decided, refused, decision):
    if decided:
        if decision == "approve":
            text = ngettext(
                "%(count)d signature approuvée : %(names)s.",
                "%(count)d signatures approuvées : %(names)s.",
                len(decided),
            )
        else:
            text = ngettext(
                "%(count)d signature refusée : %(names)s.",
                "%(count)d signatures refusées : %(names)s.",
                len(decided),
            )
        names = ", ".join(str(signature.collectivity) for signature in decided)
        messages.success(request, text % {"count": len(decided), "names": names})
        failed = [signature for signature in decided if signature.failed_email]
        if failed:
            messages.warning(
                request,
                _(
                    "Le courriel de décision n'est pas parti pour : %(names)s. "
                    "Renvoyez-le depuis la fiche de la signature."
                )
                % {"names": ", ".join(str(s.collectivity) for s in failed)},
            )
    if refused:
        messages.warning(
            request,
            ngettext(
                "%(count)d signature n'était pas dans un état qui permet cette "
                "décision ; elle est restée telle quelle.",
                "%(count)d signatures n'étaient pas dans un état qui permet cette "
                "décision ; elles sont restées telles quelles.",
                len(refused),
            )
            % {"count": len(refused)},
        )
