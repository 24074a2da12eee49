"""The library's public forms: proposing a project, suggesting an update."""

from dataclasses import dataclass

from django import forms
from django.db import connections, models
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

# Whoever proposes the project: their contact, kept apart from the record.
SUBMITTER = record.Section(
    "vous",
    _("Vous"),
    ("submitter_name", "submitter_email", "submitter_role", "note", "accept_privacy"),
)

# Lists of choices drawn as labelled boxes, without a wrapper around each.
CHOICE_LIST_TEMPLATE = "library/widgets/choice_list.html"


def section_groups(section):
    """The fieldsets of a section in the proposal form, as (legend, names) pairs.

    The assessment is one fieldset per chapter of the manifesto; the partner
    collectivities follow the lead one.
    """
    if section is record.ASSESSMENT:
        return [
            (
                _("Manifeste, chapitre %(number)d : %(title)s")
                % {"number": chapter.number, "title": chapter.title},
                [
                    name
                    for criterion in assessment.criteria_of(chapter)
                    for name in (criterion.field_name, criterion.evidence_field_name)
                ],
            )
            for chapter in assessment.CHAPTERS
        ]
    names = [name for name in section.fields if name not in NOT_PROPOSED]
    if section is record.IDENTITY:
        position = names.index("lead_collectivity") + 1
        names[position:position] = PARTNER_COLLECTIVITY_FIELDS
    return [(section.heading, names)] if names else []


@dataclass(frozen=True)
class ProposalStep:
    """One page of the proposal form: a few sections of the record.

    The record has some eighty fields: on a single page the form was long to
    fill in and heavy to load. Each page is checked before the next is shown.
    """

    title: str
    sections: tuple

    @property
    def groups(self):
        return [group for section in self.sections for group in section_groups(section)]

    @property
    def field_names(self):
        return [name for _legend, names in self.groups for name in names]


PROPOSAL_STEPS = (
    ProposalStep(
        _("Le projet"),
        (record.IDENTITY, record.PURPOSE, record.RESOURCES, record.PARTNERS),
    ),
    ProposalStep(
        _("Technique, impacts et gouvernance"),
        (record.TECHNIQUE, record.IMPACTS, record.GOVERNANCE, record.REUSE),
    ),
    ProposalStep(_("Le manifeste et vous"), (record.ASSESSMENT, SUBMITTER)),
)


class AddressInput(forms.URLInput):
    """A web address, shown back as typed when it is not one.

    With ``type="url"``, a mistyped address sent back with its error would
    make the page invalid HTML; ``inputmode`` still brings the keyboard for
    addresses.
    """

    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "url", **(attrs or {})})


class VocabularyField(forms.ModelMultipleChoiceField):
    """Terms of a vocabulary chosen by their ids.

    An id out of the range of the id column is an unknown choice: Django
    would send it to the database in a ``pk__in`` lookup, where SQLite fails
    on an integer past 64 bits instead of finding nothing.
    """

    def _check_values(self, value):
        pk = self.queryset.model._meta.pk
        if isinstance(pk, models.IntegerField) and isinstance(value, list | tuple):
            low, high = connections[self.queryset.db].ops.integer_field_range(
                pk.get_internal_type()
            )
            for item in value:
                try:
                    number = int(item)
                except (TypeError, ValueError):
                    continue  # not an id at all: Django's own check refuses it
                if not low <= number <= high:
                    raise forms.ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": item},
                    )
        return super()._check_values(value)


def formfield_for(model_field, **kwargs):
    """Form fields of the record, with addresses typed without scheme as https."""
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
        kwargs.setdefault("widget", AddressInput)
    if isinstance(model_field, models.ManyToManyField):
        kwargs["form_class"] = VocabularyField
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

    def __init__(self, *args, step=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "summary", "problem", "themes", "phase", "system_kind"):
            self.fields[name].required = True
        for criterion in assessment.CRITERIA:
            self.fields[criterion.field_name].choices = assessment.Answer.choices
        for field in self.fields.values():
            # CheckboxSelectMultiple is a RadioSelect too.
            if isinstance(field.widget, forms.RadioSelect):
                field.widget.template_name = CHOICE_LIST_TEMPLATE
        self.step = step
        if step is not None:
            kept = {*step.field_names, HONEYPOT_FIELD}
            self.fields = {
                name: field for name, field in self.fields.items() if name in kept
            }

    @property
    def fieldsets(self):
        """The fields grouped as the record's sections, then the submitter's.

        A form made for one step of the proposal has only that step's groups.
        """
        if self.step is not None:
            groups = self.step.groups
        else:
            sections = (*record.SECTIONS, SUBMITTER)
            groups = [
                group for section in sections for group in section_groups(section)
            ]
        return [(legend, [self[name] for name in names]) for legend, names in groups]

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
