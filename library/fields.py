from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    """Several values of one controlled vocabulary, stored as a JSON list.

    A JSON list works the same on SQLite and PostgreSQL, where an array column
    would not. The lists it holds (funding sources, origins of data, ...)
    describe a project and are not filtered on, so they need no index.
    """

    def __init__(self, *args, vocabulary=None, **kwargs):
        self.vocabulary = vocabulary
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["vocabulary"] = self.vocabulary
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list):
            raise ValidationError(_("Une liste de valeurs est attendue."))
        unknown = [item for item in value if item not in self.vocabulary.values]
        if unknown:
            raise ValidationError(
                _("Valeur inconnue : %(values)s."),
                params={"values": ", ".join(map(str, unknown))},
            )

    def formfield(self, **kwargs):
        defaults = {
            "required": not self.blank,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
            "choices": self.vocabulary.choices,
            "widget": forms.CheckboxSelectMultiple,
        }
        defaults.update(kwargs)
        for json_only in ("encoder", "decoder", "form_class"):
            defaults.pop(json_only, None)
        return forms.MultipleChoiceField(**defaults)

    def labels(self, value):
        """The human labels of a stored list, in the vocabulary's order."""
        chosen = set(value or ())
        return [label for code, label in self.vocabulary.choices if code in chosen]
