"""A form field to pick a collectivity of the register, with or without JavaScript.

Any form of the site uses it like this::

    from territories.forms import CollectivityField

    class SignatureForm(forms.Form):
        collectivity = CollectivityField(label=_("Votre collectivité"))

and finds a ``Collectivity`` in ``form.cleaned_data["collectivity"]`` (a model
form with a ``collectivity`` foreign key gets it saved as usual). The template
renders ``{{ form.collectivity }}`` like any field, and ``{{ form.media }}``
once in the page's ``extra_js`` block for the typing suggestions.

Without JavaScript, the visitor types a name, a postcode or a SIREN and submits.
A text that designates exactly one collectivity (a unique SIREN, code or
postcode, or a name that only one has) is accepted at once; otherwise the form
comes back, with everything typed kept, the matching collectivities as radio
buttons under the input and an error asking to choose. With JavaScript,
``territories/picker.js`` turns the input into a combobox that suggests
collectivities as one types and records the chosen one, so the form goes
through on the first submission.
"""

from typing import NamedTuple

from django import forms
from django.forms.widgets import Script
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Collectivity
from .services import MAX_QUERY_LENGTH, search_collectivities


class PickerValue(NamedTuple):
    """What the picker submits: the typed text and the id of a chosen match."""

    text: str = ""
    chosen_id: str = ""


class CollectivityPicker(forms.Widget):
    """A text input, and the matches to choose from when the text is ambiguous.

    The chosen collectivity's id travels in ``<name>_id``: a hidden input that
    the script fills, or the radio buttons of the matches.
    """

    template_name = "territories/widgets/collectivity_picker.html"
    search_url_name = "territories:search_json"

    class Media:
        js = [Script("territories/picker.js", defer=True)]

    def __init__(self, attrs=None):
        super().__init__(attrs)
        # Set by CollectivityField.clean() for the form's next rendering.
        self.matches = None
        self.chosen = None

    def id_field_name(self, name):
        return f"{name}_id"

    def value_from_datadict(self, data, files, name):
        id_name = self.id_field_name(name)
        getlist = getattr(data, "getlist", lambda key: [data.get(key)])
        chosen_ids = [str(value).strip() for value in getlist(id_name) if value]
        return PickerValue(
            text=str(data.get(name) or ""),
            chosen_id=chosen_ids[-1] if chosen_ids else "",
        )

    def value_omitted_from_data(self, data, files, name):
        return name not in data and self.id_field_name(name) not in data

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if not isinstance(value, PickerValue):
            value = PickerValue()
        if self.chosen is not None:
            value = PickerValue(str(self.chosen), str(self.chosen.pk))
        elif self.matches is not None:
            # The submitted choice, if any, did not fit the text: offer again.
            value = PickerValue(value.text, "")
        context["widget"].update(
            {
                "text": value.text,
                "chosen_id": value.chosen_id,
                "id_name": self.id_field_name(name),
                "base_id": context["widget"]["attrs"].get("id") or name,
                "max_length": MAX_QUERY_LENGTH,
                "matches": self.matches,
                "search_url": reverse(self.search_url_name),
            }
        )
        return context


class CollectivityField(forms.Field):
    """A collectivity of the register, designated by what the visitor types.

    Cleans to a ``Collectivity`` of ``queryset`` (by default, the authorities
    that can sign: ``Collectivity.objects.signable()``).
    """

    widget = CollectivityPicker
    default_error_messages = {
        "required": _(
            "Indiquez votre collectivité : son nom, son code postal ou son SIREN."
        ),
        "choose": _("Choisissez votre collectivité dans la liste."),
        "not_found": _(
            "Aucune collectivité ne correspond à « %(text)s ». Essayez le nom, "
            "le code postal ou le SIREN."
        ),
    }

    def __init__(self, *, queryset=None, **kwargs):
        kwargs.setdefault("label", _("Collectivité"))
        kwargs.setdefault(
            "help_text",
            _("Nom, code postal, code INSEE ou SIREN de la collectivité."),
        )
        super().__init__(**kwargs)
        self.queryset = queryset

    def get_queryset(self):
        if self.queryset is None:
            return Collectivity.objects.signable()
        return self.queryset.all()

    def prepare_value(self, value):
        """Turn an initial collectivity (or its id) into what the widget shows."""
        if isinstance(value, PickerValue) or value in (None, ""):
            return value
        if not isinstance(value, Collectivity):
            value = self.get_queryset().filter(pk=value).first()
            if value is None:
                return None
        return PickerValue(str(value), str(value.pk))

    def clean(self, value):
        value = value if isinstance(value, PickerValue) else PickerValue()
        self.widget.matches = None
        self.widget.chosen = None
        if not value.text.strip():
            if self.required:
                raise forms.ValidationError(
                    self.error_messages["required"], code="required"
                )
            return None

        result = search_collectivities(value.text, queryset=self.get_queryset())
        collectivity = self._chosen_among(result.collectivities, value.chosen_id)
        collectivity = collectivity or result.designated
        if collectivity is None:
            self.widget.matches = result.collectivities
            if result.collectivities:
                raise forms.ValidationError(
                    self.error_messages["choose"], code="choose"
                )
            raise forms.ValidationError(
                self.error_messages["not_found"],
                code="not_found",
                params={"text": result.text},
            )

        self.widget.chosen = collectivity
        self.validate(collectivity)
        self.run_validators(collectivity)
        return collectivity

    def has_changed(self, initial, data):
        initial = self.prepare_value(initial)
        initial_text = initial.text if initial else ""
        data_text = data.text if isinstance(data, PickerValue) else ""
        return data_text.strip() != initial_text.strip()

    @staticmethod
    def _chosen_among(collectivities, chosen_id):
        """The chosen match, if it is still among the matches of the text.

        A choice made for another text (the visitor changed it since) is
        dropped, so what is typed always wins.
        """
        for collectivity in collectivities:
            if str(collectivity.pk) == chosen_id:
                return collectivity
        return None
