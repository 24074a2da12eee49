"""The moderation back-office of signatures, built on wagtail-modeladmin.

Moderators list, filter, search, export and inspect signatures, approve or
reject them one by one or several at once, and send again an email that did
not leave. Deciding needs the ``manifesto.moderate_signature`` permission;
seeing the list needs any permission on signatures.
"""

import datetime

from django.contrib.admin import SimpleListFilter, display
from django.contrib.admin.utils import quote
from django.urls import re_path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail_modeladmin.helpers import AdminURLHelper, ButtonHelper, PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView, InspectView

from territories.models import Region

from . import moderation_views
from .models import Signature
from .opendata import neutralise

BULK_FORM_ID = "decision-groupee"


class RegionListFilter(SimpleListFilter):
    # Django's filter on a foreign key needs django.contrib.admin's site.
    title = _("région")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return Region.objects.order_by("name").values_list("code", "name")

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(collectivity__region_id=self.value())
        return queryset


class SignaturePermissionHelper(PermissionHelper):
    def user_can_create(self, user):
        # Signatures come from the public form only, confirmed by their signer.
        return False

    def user_can_moderate(self, user):
        return user.has_perm("manifesto.moderate_signature")

    def user_can_decide(self, user, signature, decision):
        if not self.user_can_moderate(user):
            return False
        if decision == "approve":
            return signature.status == Signature.Status.AWAITING_MODERATION
        return signature.status in (
            Signature.Status.AWAITING_MODERATION,
            Signature.Status.APPROVED,
        )

    def user_can_resend(self, user, signature):
        return self.user_can_moderate(user) and bool(signature.failed_email)


class SignatureURLHelper(AdminURLHelper):
    """Adds the decisions on one signature, and on many at /decide/."""

    def get_action_url_pattern(self, action):
        if action == "bulk_decide":
            return self._get_action_url_pattern("decide")
        return super().get_action_url_pattern(action)


class SignatureButtonHelper(ButtonHelper):
    ACTION_LABELS = {
        "approve": (_("Approuver"), _("Approuver cette signature"), "button-secondary"),
        "reject": (_("Refuser"), _("Refuser cette signature"), "button-secondary no"),
        "resend": (
            _("Renvoyer le courriel"),
            _("Envoyer de nouveau le courriel qui n'est pas parti"),
            "button-secondary warning",
        ),
    }

    def action_button(self, action, pk, classnames_add=None):
        label, title, classnames = self.ACTION_LABELS[action]
        return {
            "url": self.url_helper.get_action_url(action, quote(pk)),
            "label": label,
            "title": title,
            "classname": self.finalise_classname(
                [*classnames.split(), *(classnames_add or [])]
            ),
        }

    def get_buttons_for_obj(
        self, obj, exclude=None, classnames_add=None, classnames_exclude=None
    ):
        buttons = super().get_buttons_for_obj(
            obj, exclude, classnames_add, classnames_exclude
        )
        exclude = exclude or []
        helper, user = self.permission_helper, self.request.user
        for decision in ("approve", "reject"):
            if decision not in exclude and helper.user_can_decide(user, obj, decision):
                buttons.append(self.action_button(decision, obj.pk, classnames_add))
        if "resend" not in exclude and helper.user_can_resend(user, obj):
            buttons.append(self.action_button("resend", obj.pk, classnames_add))
        return buttons


class SignatureIndexView(IndexView):
    export_headings = {
        "collectivity_name": _("Collectivité"),
        "collectivity_kind": _("Nature"),
        "collectivity_siren": _("SIREN"),
        "collectivity_code": _("Code officiel"),
        "departement_name": _("Département"),
        "region_name": _("Région"),
        "signer_name": _("Signataire"),
        "signer_mandate": _("Mandat"),
        "email": _("Adresse électronique"),
        "status_label": _("État"),
        "created_at": _("Reçue le"),
        "confirmed_at": _("Confirmée le"),
        "decided_at": _("Décidée le"),
        "decided_by_name": _("Décidée par"),
        "deliberation_date": _("Date de la délibération"),
        "deliberation_url": _("Lien vers la délibération"),
        "public_message": _("Message public"),
        "email_problem": _("Courriel non parti"),
        "is_example": _("Exemple"),
    }
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            **IndexView.custom_value_preprocess[datetime.datetime],
            IndexView.FORMAT_CSV: lambda value: timezone.localtime(value).strftime(
                "%Y-%m-%d %H:%M"
            ),
        },
    }

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # Names and messages come from the public: a spreadsheet must not run
        # them as formulas. (XLSX cells are written as text already.)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            return neutralise(value)
        return value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_moderate"] = self.permission_helper.user_can_moderate(
            self.request.user
        )
        context["bulk_form_id"] = BULK_FORM_ID
        context["bulk_url"] = self.url_helper.get_action_url("bulk_decide")
        return context


class SignatureInspectView(InspectView):
    def get_field_display_value(self, field_name, field=None):
        if field_name == "logo":
            logo = self.instance.logo
            if not logo:
                return self.model_admin.get_empty_value_display(field_name)
            return format_html(
                '<img src="{}" width="{}" height="{}" alt="">',
                logo.url,
                self.instance.logo_width,
                self.instance.logo_height,
            )
        if field_name == "collectivity":
            collectivity = self.instance.collectivity
            return f"{collectivity} — {collectivity.get_kind_display()}"
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["signature"] = self.instance
        return context


class SignatureAdmin(ModelAdmin):
    model = Signature
    menu_label = _("Signatures")
    menu_icon = "form"
    menu_order = 250
    base_url_path = "manifesto/signature"
    permission_helper_class = SignaturePermissionHelper
    url_helper_class = SignatureURLHelper
    button_helper_class = SignatureButtonHelper
    index_view_class = SignatureIndexView
    inspect_view_class = SignatureInspectView
    inspect_view_enabled = True
    index_template_name = "manifesto/admin/index.html"
    inspect_template_name = "manifesto/admin/inspect.html"
    list_display = (
        "collectivity",
        "collectivity_kind",
        "region_name",
        "signer_name",
        "status_label",
        "created_at",
        "email_problem",
    )
    list_display_add_buttons = "collectivity"
    list_filter = ("status", "collectivity__kind", RegionListFilter)
    list_select_related = ("collectivity__region", "collectivity__departement")
    search_fields = ("collectivity__name", "signer_name")
    list_per_page = 50
    # Moderators export contact addresses: they write to signers. The private
    # moderation note stays out of every export.
    list_export = (
        "collectivity_name",
        "collectivity_kind",
        "collectivity_siren",
        "collectivity_code",
        "departement_name",
        "region_name",
        "signer_name",
        "signer_mandate",
        "email",
        "status_label",
        "created_at",
        "confirmed_at",
        "decided_at",
        "decided_by_name",
        "deliberation_date",
        "deliberation_url",
        "public_message",
        "email_problem",
        "is_example",
    )
    export_filename = "signatures-manifeste"
    inspect_view_fields = (
        "collectivity",
        "status",
        "signer_name",
        "signer_mandate",
        "email",
        "deliberation_date",
        "deliberation_url",
        "logo",
        "public_message",
        "created_at",
        "confirmed_at",
        "decided_at",
        "decided_by",
        "withdrawn_at",
        "moderation_note",
        "is_example",
    )
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("signer_name"),
                FieldPanel("signer_mandate"),
                FieldPanel("email"),
            ],
            heading=_("Signataire"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("deliberation_date"),
                FieldPanel("deliberation_url"),
                FieldPanel("logo"),
                FieldPanel("public_message"),
            ],
            heading=_("Publié avec la signature"),
        ),
        FieldPanel("moderation_note"),
    ]

    def get_list_display(self, request):
        if self.permission_helper.user_can_moderate(request.user):
            return ("selection", *self.list_display)
        return self.list_display

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("decided_by")

    # ----- Columns -----

    @display(description=_("Choisir"))
    def selection(self, signature):
        return format_html(
            '<input type="checkbox" name="signatures" value="{}" form="{}" '
            'aria-label="{}">',
            signature.pk,
            BULK_FORM_ID,
            _("Choisir la signature de %(name)s") % {"name": signature.collectivity},
        )

    @display(description=_("Collectivité"))
    def collectivity_name(self, signature):
        return signature.collectivity.name

    @display(description=_("Nature"))
    def collectivity_kind(self, signature):
        return signature.collectivity.get_kind_display()

    @display(description=_("SIREN"))
    def collectivity_siren(self, signature):
        return signature.collectivity.siren

    @display(description=_("Code officiel"))
    def collectivity_code(self, signature):
        return signature.collectivity.code

    @display(description=_("Département"))
    def departement_name(self, signature):
        departement = signature.collectivity.departement
        return departement.name if departement else ""

    @display(description=_("Région"))
    def region_name(self, signature):
        region = signature.collectivity.region
        return region.name if region else ""

    @display(description=_("État"), ordering="status")
    def status_label(self, signature):
        return signature.get_status_display()

    @display(description=_("Décidée par"))
    def decided_by_name(self, signature):
        user = signature.decided_by
        return (user.get_full_name() or user.get_username()) if user else ""

    @display(description=_("Courriel"))
    def email_problem(self, signature):
        if not signature.failed_email:
            return ""
        return _("Non parti : %(email)s") % {
            "email": signature.get_failed_email_display()
        }

    # ----- Moderation URLs -----

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration()
        views = {
            "approve": self.approve_view,
            "reject": self.reject_view,
            "resend": self.resend_view,
            "bulk_decide": self.bulk_decide_view,
        }
        return urls + tuple(
            re_path(
                self.url_helper.get_action_url_pattern(action),
                view,
                name=self.url_helper.get_action_url_name(action),
            )
            for action, view in views.items()
        )

    def approve_view(self, request, instance_pk):
        return moderation_views.DecisionView.as_view(
            model_admin=self, instance_pk=instance_pk, decision="approve"
        )(request)

    def reject_view(self, request, instance_pk):
        return moderation_views.DecisionView.as_view(
            model_admin=self, instance_pk=instance_pk, decision="reject"
        )(request)

    def resend_view(self, request, instance_pk):
        return moderation_views.ResendEmailView.as_view(
            model_admin=self, instance_pk=instance_pk
        )(request)

    def bulk_decide_view(self, request):
        return moderation_views.BulkDecisionView.as_view(model_admin=self)(request)
