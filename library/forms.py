"""The library's public forms: proposing a project, suggesting an update."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from territories.forms import CollectivityField

from . import assessment, record
from .models import ProjectPage

HONEYPOT_FIELD = "site_web"
PARTNER_COLLECTIVITY_FIELDS = (
    "partner_collectivity_1",
    "partner_collectivity_2",
    "partner_collectivity_3",
)

# Parts of the record that visitors do not fill in: moderators attach the
# documents, the organisations (a curated list) and the illustration, and the
# record's dates follow publication.
NOT_PROPOSED = {
    "partner_collectivities",
    "partners",
    "documents",
    "links",
    "illustration",
    "illustration_alt",
    "is_fictional_example",
    "next_review_date",
    "record_schema_version",
}

PROPOSED_FIELDS = [
    name
    for section in record.SECTIONS
    for name in section.fields
    if name not in NOT_PROPOSED
]


class AddressInput(forms.URLInput):
    """A web address, shown back as typed when it is not one.

    With ``type="url"``, a mistyped address sent back with its error would
    make the page invalid HTML; ``inputmode`` still brings the keyboard for
    addresses.
    """

    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "url", **(attrs or {})})


def formfield_for(model_field, **kwargs):
    """Form fields of the record, with addresses typed without scheme as https."""
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
        kwargs.setdefault("widget", AddressInput)
    return model_field.formfield(**kwargs)


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m")


class MonthField(forms.DateField):
    """A month and year, typed as 2024-03 (or 03/2024 where the browser asks)."""

    widget = MonthInput
    input_formats = ["%Y-%m", "%m/%Y", "%m-%Y"]
    default_error_messages = {
        "invalid": _("Indiquez un mois au format AAAA-MM, par exemple 2024-03."),
    }


class VocabularyField(forms.ModelMultipleChoiceField):
    """Entries of a vocabulary, by id.

    An id past the database's integers is refused as unknown: sent to SQLite
    in a lookup, it would raise OverflowError instead of matching nothing.
    """

    largest_id = 2**63 - 1

    def clean(self, value):
        for item in value if isinstance(value, list | tuple) else ():
            try:
                number = int(str(item))
            except ValueError:
                continue  # not an id at all: the field says so
            if abs(number) > self.largest_id:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": item},
                )
        return super().clean(value)


class HoneypotMixin(forms.Form):
    """A field people never see and robots fill in: a filled one marks spam."""

    site_web = forms.CharField(
        label=_("Laissez ce champ vide"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_spam(self):
        # Read as sent: a value too long to be valid is no less a robot's.
        return bool(str(self.data.get(HONEYPOT_FIELD, "")).strip())

    def visible_fields(self):
        return [
            field for field in super().visible_fields() if field.name != HONEYPOT_FIELD
        ]


class ProposalForm(HoneypotMixin, forms.ModelForm):
    """The public description of a project, in the sections of the record."""

    required_css_class = "required"

    lead_collectivity = CollectivityField(
        label=_("Collectivité porteuse"),
        help_text=_("Nom, code postal, code INSEE ou SIREN de la collectivité."),
    )
    partner_collectivity_1 = CollectivityField(
        label=_("Collectivité partenaire"), required=False
    )
    partner_collectivity_2 = CollectivityField(
        label=_("Autre collectivité partenaire"), required=False
    )
    partner_collectivity_3 = CollectivityField(
        label=_("Autre collectivité partenaire"), required=False
    )
    start_month = MonthField(
        label=_("Début"),
        required=False,
        help_text=_("Mois de lancement, au format AAAA-MM, par exemple 2023-09."),
    )
    end_month = MonthField(
        label=_("Fin"),
        required=False,
        help_text=_("Mois de fin s'il est terminé ou arrêté, au format AAAA-MM."),
    )
    note = forms.CharField(
        label=_("Message aux modérateurs"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Organisations partenaires, documents ou liens à ajouter, précisions : "
            "ce message n'est pas publié."
        ),
    )
    submitter_name = forms.CharField(
        label=_("Votre nom"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    submitter_email = forms.EmailField(
        label=_("Votre adresse électronique"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_(
            "Pour vous confirmer la réception et la publication. Elle n'est "
            "jamais publiée."
        ),
    )
    submitter_role = forms.CharField(
        label=_("Votre fonction"),
        max_length=150,
        help_text=_("Par exemple « Chargée de mission données »."),
    )
    accept_privacy = forms.BooleanField(
        label=_(
            "J'accepte que mes coordonnées soient conservées par les modérateurs "
            "pour traiter cette proposition."
        ),
        error_messages={
            "required": _("Cochez cette case pour que nous puissions vous répondre.")
        },
    )

    class Meta:
        model = ProjectPage
        fields = PROPOSED_FIELDS
        formfield_callback = formfield_for
        field_classes = {"themes": VocabularyField, "capabilities": VocabularyField}
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "capabilities": forms.CheckboxSelectMultiple,
            **{
                criterion.field_name: forms.RadioSelect
                for criterion in assessment.CRITERIA
            },
        }
        labels = {"title": _("Nom du projet")}
        help_texts = {
            "title": _(
                "Un nom court et parlant, par exemple « Détection des fuites "
                "d'eau par l'analyse des compteurs »."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "summary", "problem", "themes", "phase", "system_kind"):
            self.fields[name].required = True
        for criterion in assessment.CRITERIA:
            self.fields[criterion.field_name].choices = assessment.Answer.choices

    @property
    def fieldsets(self):
        """The form's fields grouped as the record's sections, then the submitter."""
        groups = []
        for section in record.SECTIONS:
            if section is record.ASSESSMENT:
                groups += self._assessment_fieldsets()
                continue
            names = [name for name in section.fields if name in self.fields]
            if section is record.IDENTITY:
                position = names.index("lead_collectivity") + 1
                names[position:position] = PARTNER_COLLECTIVITY_FIELDS
            if names:
                groups.append((section.heading, [self[name] for name in names]))
        groups.append(
            (
                _("Vous"),
                [
                    self[name]
                    for name in (
                        "submitter_name",
                        "submitter_email",
                        "submitter_role",
                        "note",
                        "accept_privacy",
                    )
                ],
            )
        )
        return groups

    def _assessment_fieldsets(self):
        groups = []
        for chapter in assessment.CHAPTERS:
            fields = []
            for criterion in assessment.criteria_of(chapter):
                fields += [
                    self[criterion.field_name],
                    self[criterion.evidence_field_name],
                ]
            title = _("Manifeste, chapitre %(number)d : %(title)s") % {
                "number": chapter.number,
                "title": chapter.title,
            }
            groups.append((title, fields))
        return groups

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("start_month"), cleaned_data.get("end_month")
        if start and end and end < start:
            self.add_error("end_month", _("La fin ne peut pas précéder le début."))
        return cleaned_data

    @property
    def partner_collectivities(self):
        lead = self.cleaned_data.get("lead_collectivity")
        chosen = []
        for name in PARTNER_COLLECTIVITY_FIELDS:
            collectivity = self.cleaned_data.get(name)
            if collectivity and collectivity != lead and collectivity not in chosen:
                chosen.append(collectivity)
        return chosen


class SuggestionForm(HoneypotMixin, forms.Form):
    """A visitor's correction or update for a published project."""

    required_css_class = "required"

    message = forms.CharField(
        label=_("Votre suggestion"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Ce qui est inexact ou a changé, et si possible la source de "
            "l'information (3 000 signes au plus)."
        ),
    )
    contact_name = forms.CharField(
        label=_("Votre nom (facultatif)"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_email = forms.EmailField(
        label=_("Votre adresse électronique (facultative)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_(
            "Seulement si vous acceptez que les modérateurs vous écrivent à ce "
            "sujet. Elle n'est jamais publiée."
        ),
    )
