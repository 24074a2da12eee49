"""The library's place in the admin: its vocabularies and what visitors send."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import DateColumn, TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from manifesto.opendata import neutralise

from .models import (
    AICapability,
    PartnerOrganisation,
    ProjectProposal,
    Theme,
    UpdateSuggestion,
)


def project_edit_url(obj):
    return reverse("wagtailadmin_pages:edit", args=[obj.project_id])


def proposal_page_edit_url(obj):
    return reverse("wagtailadmin_pages:edit", args=[obj.page_id])


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Thèmes")
    list_display = ["name", "slug"]


class AICapabilityViewSet(SnippetViewSet):
    model = AICapability
    icon = "cogs"
    menu_label = _("Capacités d'IA")
    list_display = ["name", "slug"]


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Organisations partenaires")
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]


class SuggestionIndexView(IndexView):
    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # Project titles come from public proposals: a spreadsheet must not
        # run them as formulas. (XLSX cells are written as text already.)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            return neutralise(value)
        return value


class UpdateSuggestionViewSet(SnippetViewSet):
    """The moderators' list of corrections suggested by visitors."""

    model = UpdateSuggestion
    index_view_class = SuggestionIndexView
    icon = "help"
    menu_label = _("Suggestions de mise à jour")
    list_filter = ["status"]
    list_export = ["project", "status", "created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True
    ordering = ["-created_at"]

    @property
    def list_display(self):
        return [
            TitleColumn(
                "message",
                label=_("Message"),
                get_url=lambda obj: reverse(self.get_url_name("edit"), args=[obj.pk]),
                accessor=lambda obj: obj.message[:80],
            ),
            TitleColumn("project", label=_("Projet"), get_url=project_edit_url),
            "status",
            DateColumn("created_at", label=_("Reçue le")),
        ]

    def get_queryset(self, request):
        return UpdateSuggestion.objects.select_related("project")


class ProjectProposalViewSet(SnippetViewSet):
    """Who proposed which project: for moderators, never shown in public."""

    model = ProjectProposal
    icon = "mail"
    menu_label = _("Propositions reçues")
    copy_view_enabled = False
    inspect_view_enabled = True
    ordering = ["-created_at"]
    list_display = [
        TitleColumn("page", label=_("Projet"), get_url=proposal_page_edit_url),
        "submitter_role",
        DateColumn("created_at", label=_("Reçue le")),
        DateColumn("receipt_queued_at", label=_("Accusé de réception")),
        DateColumn("publication_notice_queued_at", label=_("Avis de publication")),
    ]

    def get_queryset(self, request):
        return ProjectProposal.objects.select_related("page")


class LibraryViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Bibliothèque")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (
        UpdateSuggestionViewSet,
        ProjectProposalViewSet,
        ThemeViewSet,
        AICapabilityViewSet,
        PartnerOrganisationViewSet,
    )


register_snippet(LibraryViewSetGroup)
