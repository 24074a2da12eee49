"""The register in the admin: a read-only snippet, and a chooser for page editors.

The register is Etalab's data, refreshed by ``load_territories``: nobody adds,
edits or deletes a collectivity by hand, whatever their permissions. Editors
and moderators may browse and inspect it; every admin user may choose from it.
Searching uses the same matching as the public picker, rather than Wagtail's
search index, which would have to hold some 39,000 rows for no gain.
"""

import django_filters
from django import forms
from django.contrib.auth.models import Permission
from django.template.defaultfilters import yesno
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import IndexView, InspectView, SnippetViewSet

from .models import Collectivity, Region
from .services import MAX_QUERY_LENGTH, best_first, match_collectivities

READ_ONLY_ACTIONS = {"view"}


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, less every change: the register comes from its data."""

    def user_has_permission(self, user, action):
        if action not in READ_ONLY_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action in READ_ONLY_ACTIONS]
        )


class CollectivityFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Nature"), choices=Collectivity.Kind.choices
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Région"), queryset=Region.objects.all()
    )
    is_current = django_filters.BooleanFilter(label=_("Au référentiel en vigueur"))

    class Meta:
        model = Collectivity
        fields = ["kind", "region", "is_current"]


class CollectivityIndexView(IndexView):
    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        matches = match_collectivities(self.search_query, queryset)
        if self.is_explicitly_ordered:
            return matches
        return best_first(matches)


class CollectivityInspectView(InspectView):
    def get_is_current_display_value(self):
        return yesno(self.object.is_current, _("oui,non"))


class CollectivityChooserFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Rechercher"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(
            attrs={"placeholder": _("Nom, code postal, code INSEE ou SIREN")}
        ),
    )
    kind = forms.ChoiceField(
        label=_("Nature"),
        required=False,
        choices=[("", _("Toutes"))]
        + [
            (kind.value, kind.label)
            for kind in Collectivity.Kind
            if kind in Collectivity.AUTHORITY_KINDS
        ],
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        if kind := self.cleaned_data.get("kind"):
            objects = objects.filter(kind=kind)
        if query := self.cleaned_data.get("q"):
            objects = best_first(match_collectivities(query, objects))
            self.is_searching = True
            self.search_query = query
        return objects


class CollectivityChooseViewMixin:
    """What the chooser offers: authorities of the register in force."""

    filter_form_class = CollectivityChooserFilterForm

    def get_object_list(self):
        return Collectivity.objects.signable().select_related("departement")

    @property
    def columns(self):
        return [
            *super().columns,
            Column("kind_label", label=_("Nature")),
            Column("departement", label=_("Département")),
            Column("siren", label=_("SIREN")),
        ]


class CollectivityChooseView(CollectivityChooseViewMixin, ChooseView):
    pass


class CollectivityChooseResultsView(CollectivityChooseViewMixin, ChooseResultsView):
    pass


class CollectivityChooserViewSet(SnippetChooserViewSet):
    choose_view_class = CollectivityChooseView
    choose_results_view_class = CollectivityChooseResultsView


class CollectivityViewSet(SnippetViewSet):
    model = Collectivity
    icon = "site"
    menu_label = _("Collectivités")
    menu_order = 300
    add_to_admin_menu = True
    index_view_class = CollectivityIndexView
    chooser_viewset_class = CollectivityChooserViewSet
    inspect_view_enabled = True
    inspect_view_class = CollectivityInspectView
    list_display = [
        "name",
        "kind",
        "code",
        "siren",
        "departement",
        "region",
        "population",
    ]
    list_per_page = 50
    filterset_class = CollectivityFilterSet
    search_fields = ["name"]  # Makes the listing searchable; see the index view.
    inspect_view_fields = [
        "name",
        "kind",
        "code",
        "siren",
        "departement",
        "region",
        "population",
        "postcodes",
        "is_current",
    ]

    def get_permissions_to_register(self):
        """Only the view permission means anything for the register."""
        return Permission.objects.filter(
            content_type__app_label="territories", codename="view_collectivity"
        )


register_permission_policy(Collectivity, ReadOnlyPermissionPolicy(Collectivity))
register_snippet(CollectivityViewSet)
