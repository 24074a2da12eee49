"""How each field of a project record reads, on the page and in its history.

``entry()`` gives what a template needs to show a field (its label, its value
and the kind of display it calls for); ``plain_text()`` gives one line of
text per field, used to tell what changed between two versions.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import assessment
from .fields import ChoiceListField

# Fields shown by the page's header or summary box, not in its sections.
SHOWN_APART = {
    "title",
    "summary",
    "illustration",
    "illustration_alt",
    "is_fictional_example",
    "record_schema_version",
}

CHILD_RELATIONS = {
    "partner_collectivities": _("collectivités partenaires"),
    "partners": _("organisations partenaires"),
    "documents": _("documents réutilisables"),
    "links": _("liens"),
}

MONTH_FIELDS = {"start_month", "end_month"}


@dataclass
class Entry:
    name: str
    label: str
    kind: str
    value: object


def label_of(page, name):
    if name in CHILD_RELATIONS:
        return capfirst(CHILD_RELATIONS[name])
    if name == "title":
        return _("Titre")
    return capfirst(page._meta.get_field(name).verbose_name)


def entry(page, name):
    """The display of one field of ``page``, or None when it holds nothing."""
    label = label_of(page, name)
    if name in CHILD_RELATIONS:
        items = list(getattr(page, name).all())
        return Entry(name, label, name, items) if items else None

    model_field = page._meta.get_field(name)
    value = getattr(page, name)
    if isinstance(model_field, ChoiceListField):
        labels = model_field.labels(value)
        return Entry(name, label, "list", labels) if labels else None
    if model_field.many_to_many:
        names = [str(term) for term in value.all()]
        return Entry(name, label, "list", names) if names else None
    if model_field.is_relation:
        return Entry(name, label, "object", value) if value is not None else None
    if model_field.choices:
        if value in ("", None):
            return None
        return Entry(name, label, "text", getattr(page, f"get_{name}_display")())
    if value in ("", None):
        return None
    if name in MONTH_FIELDS:
        return Entry(name, label, "text", capfirst(date_format(value, "F Y")))
    if isinstance(model_field, models.DateField):
        return Entry(name, label, "text", date_format(value, "DATE_FORMAT"))
    if isinstance(model_field, models.EmailField):
        return Entry(name, label, "email", value)
    if isinstance(model_field, models.URLField):
        return Entry(name, label, "url", value)
    if isinstance(model_field, models.TextField):
        return Entry(name, label, "paragraphs", value)
    return Entry(name, label, "text", value)


def section_entries(page, section):
    """The fields of a section that hold something, in order."""
    entries = (entry(page, name) for name in section.fields if name not in SHOWN_APART)
    return [item for item in entries if item is not None]


def assessment_answers(page):
    """The page's answers to the manifesto's criteria, chapter by chapter."""
    return [
        {
            "chapter": chapter,
            "criteria": [
                {
                    "criterion": criterion,
                    "answer": getattr(page, criterion.field_name),
                    "answer_label": assessment.Answer(
                        getattr(page, criterion.field_name)
                    ).label,
                    "evidence": getattr(page, criterion.evidence_field_name),
                }
                for criterion in assessment.criteria_of(chapter)
            ],
        }
        for chapter in assessment.CHAPTERS
    ]


def plain_text(page, name):
    """One line of text for a field, to compare two versions of a record."""
    if name in CHILD_RELATIONS:
        return "; ".join(_child_text(item) for item in getattr(page, name).all())
    model_field = page._meta.get_field(name)
    value = getattr(page, name)
    if isinstance(model_field, ChoiceListField):
        return ", ".join(str(label) for label in model_field.labels(value))
    if model_field.many_to_many:
        return ", ".join(sorted(str(term) for term in value.all()))
    if model_field.is_relation:
        return "" if value is None else str(value)
    if model_field.choices:
        return str(getattr(page, f"get_{name}_display")()) if value else ""
    if value is None:
        return ""
    if name in MONTH_FIELDS:
        return capfirst(date_format(value, "F Y"))
    if isinstance(model_field, models.DateField):
        return date_format(value, "DATE_FORMAT")
    if isinstance(model_field, models.BooleanField):
        return str(_("oui") if value else _("non"))
    return str(value)


def _child_text(item):
    if hasattr(item, "collectivity"):
        main = str(item.collectivity)
    elif hasattr(item, "organisation"):
        main = str(item.organisation)
    elif hasattr(item, "document"):
        main = item.document.title
    else:
        main = f"{item.label} ({item.url})"
    role = getattr(item, "role", "") or getattr(item, "description", "")
    return f"{main} : {role}" if role else main
