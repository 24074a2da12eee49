"""The filters of the list of signatories, read from the query string."""

from django import forms
from django.utils.translation import gettext_lazy as _

from territories.models import Collectivity
from territories.text import normalize_name


class SignatoryFilterForm(forms.Form):
    ORDER_CHOICES = [("date", _("les plus récentes")), ("nom", _("par nom"))]

    q = forms.CharField(
        label=_("Nom de la collectivité"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    nature = forms.ChoiceField(label=_("Nature"), required=False)
    region = forms.ChoiceField(label=_("Région"), required=False)
    tri = forms.ChoiceField(label=_("Trier"), choices=ORDER_CHOICES, required=False)

    def __init__(self, data, regions):
        super().__init__(data)
        self.fields["nature"].choices = [
            ("", _("Toutes")),
            *(
                (kind.value, kind.label)
                for kind in Collectivity.Kind
                if kind in Collectivity.AUTHORITY_KINDS
            ),
        ]
        self.fields["region"].choices = [
            ("", _("Toutes")),
            *((region.code, region.name) for region in regions),
        ]

    def value(self, name):
        """The cleaned value of a filter, or empty when it was not valid."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) or ""

    def filter(self, signatures):
        if query := normalize_name(self.value("q")):
            signatures = signatures.filter(collectivity__search_name__contains=query)
        if kind := self.value("nature"):
            signatures = signatures.filter(collectivity__kind=kind)
        if region := self.value("region"):
            signatures = signatures.filter(collectivity__region_id=region)
        if self.value("tri") == "nom":
            return signatures.order_by("collectivity__search_name", "pk")
        return signatures.order_by("-confirmed_at", "-pk")

    @property
    def is_filtered(self):
        return any(self.value(name) for name in ("q", "nature", "region"))
