"""The kinds of field of the public record, and how each reads and writes.

A field reads its JSON value from a project page, writes it to a CSV cell
and back, checks a value given to the importer (raising ``FieldError`` with
a message for editors) and writes it to a page, and describes itself in JSON
Schema. ``record.FIELDS`` puts them together.
"""

import datetime
import json
import re

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, ProhibitNullCharactersValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.api.utils import get_base_url, get_full_url

LIST_SEPARATOR = " | "
CSV_TRUE, CSV_FALSE = "oui", "non"

MONTH_PATTERN = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")
DATE_PATTERN = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"


class FieldError(Exception):
    """A value that cannot go into a record, with a message for editors.

    ``part`` names the place inside a list value ("2, url") when the error
    is there.
    """

    def __init__(self, message, part=""):
        super().__init__(message)
        self.message = str(message)
        self.part = part


class ReadContext:
    """What reading a record needs besides the page: where the site lives."""

    def __init__(self, site_url, library_url=""):
        self.site_url = site_url.rstrip("/")
        self.library_url = library_url

    @classmethod
    def for_request(cls, request, library=None):
        """Addresses as the site's settings give them, like Wagtail's API."""
        site_url = get_base_url(request) or request.build_absolute_uri("/")
        library_url = ""
        if library is not None:
            library_url = get_full_url(request, library.get_url(request))
        return cls(site_url, library_url)

    def absolute(self, url):
        return url if "://" in url else f"{self.site_url}{url}"


def project_model():
    return apps.get_model("library", "ProjectPage")


def check_with(model_field, value):
    """``value`` as ``model_field`` cleans it, or a FieldError with its messages."""
    try:
        return model_field.clean(value, None)
    except ValidationError as error:
        raise FieldError(" ".join(error.messages)) from error


def check_text(value, max_length=None):
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FieldError(_("Un texte est attendu."))
    try:
        ProhibitNullCharactersValidator()(value)
        if max_length:
            MaxLengthValidator(max_length)(value)
    except ValidationError as error:
        raise FieldError(" ".join(error.messages)) from error
    return value


def check_list(value):
    if value is None:
        return []
    if not isinstance(value, list):
        raise FieldError(_("Une liste est attendue."))
    return value


def month_text(value):
    return f"{value.year:04d}-{value.month:02d}" if value else None


def datetime_text(value):
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def choice_schema(choices, *, allow_blank=False):
    options = [{"const": value, "title": str(label)} for value, label in choices]
    if allow_blank:
        options.append({"const": "", "title": gettext("Non renseigné")})
    return {"oneOf": options}


# ----- Fields -----


class RecordField:
    """One field of the public record.

    ``attribute`` is the project page's attribute it mirrors, if any; label,
    description and whether it is required come from that model field unless
    given. A read-only field is exported and ignored by the importer; a
    field written ``on_create_only`` is used by the importer only when it
    creates the project.
    """

    json_type = "string"

    def __init__(
        self,
        name,
        attribute=None,
        *,
        label=None,
        description=None,
        required=None,
        writable=True,
        on_create_only=False,
        in_api=True,
    ):
        self.name = name
        self.attribute = attribute
        self._label = label
        self._description = description
        self._required = required
        self.writable = writable
        self.on_create_only = on_create_only
        self.in_api = in_api

    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"

    @cached_property
    def model_field(self):
        if self.attribute is None:
            return None
        return project_model()._meta.get_field(self.attribute)

    @property
    def label(self):
        if self._label is not None:
            return str(self._label)
        return str(capfirst(self.model_field.verbose_name))

    @property
    def description(self):
        if self._description is not None:
            return str(self._description)
        return str(getattr(self.model_field, "help_text", "") or "")

    @property
    def required(self):
        """Whether a new project must be given a value: it has no default."""
        if not self.writable:
            return False
        if self._required is not None:
            return self._required
        return not self.model_field.blank and not self.model_field.has_default()

    # Reading: page → JSON value → CSV cell.

    def read(self, page, context):
        return self.to_json(getattr(page, self.attribute))

    def to_json(self, value):
        return "" if value is None else value

    def to_cell(self, value):
        return "" if value is None else str(value)

    # Writing: CSV cell → JSON value → checked value → page.

    def from_cell(self, text):
        return text

    def clean(self, value, lookups):
        """The value to write, from a JSON value; raises FieldError."""
        raise NotImplementedError

    def write(self, page, value):
        setattr(page, self.attribute, value)

    # Describing.

    def value_schema(self):
        return {"type": self.json_type}

    def schema(self):
        schema = {"title": self.label}
        if self.description:
            schema["description"] = self.description
        schema.update(self.value_schema())
        if not self.writable:
            schema["readOnly"] = True
        return schema

    @property
    def type_label(self):
        return gettext("texte")

    @property
    def codes(self):
        """The codes a value may take, for a field of a controlled vocabulary."""
        return []


class Text(RecordField):
    @property
    def max_length(self):
        return self.model_field.max_length

    def clean(self, value, lookups):
        value = check_text(value, self.max_length)
        return check_with(self.model_field, value)

    def value_schema(self):
        schema = {"type": "string"}
        if self.max_length:
            schema["maxLength"] = self.max_length
        if self.required:
            schema["minLength"] = 1
        return schema

    @property
    def type_label(self):
        if self.max_length:
            return gettext("texte, %(max)d signes au plus") % {"max": self.max_length}
        return gettext("texte")


class URL(Text):
    def value_schema(self):
        schema = super().value_schema()
        schema["anyOf"] = [{"format": "uri"}, {"const": ""}]
        return schema

    @property
    def type_label(self):
        return gettext("adresse web")


class Email(Text):
    def value_schema(self):
        schema = super().value_schema()
        schema["anyOf"] = [{"format": "email"}, {"const": ""}]
        return schema

    @property
    def type_label(self):
        return gettext("adresse électronique fonctionnelle")


class Slug(Text):
    def clean(self, value, lookups):
        value = check_text(value, self.max_length)
        if not value:
            raise FieldError(_("Ce champ est obligatoire."))
        return check_with(self.model_field, value)

    def value_schema(self):
        return {"type": "string", "maxLength": self.max_length, "minLength": 1}

    @property
    def type_label(self):
        return gettext("identifiant")


class Choice(RecordField):
    """One value of a controlled vocabulary, by its code."""

    @property
    def choices(self):
        return [(value, label) for value, label in self.model_field.flatchoices]

    def clean(self, value, lookups):
        value = check_text(value)
        if value == "" and self.model_field.has_default():
            return self.model_field.get_default()
        codes = [code for code, _label in self.choices]
        if value not in codes and not (value == "" and self.model_field.blank):
            if value == "":
                raise FieldError(_("Ce champ est obligatoire."))
            raise FieldError(
                _("Valeur inconnue « %(value)s » ; valeurs possibles : %(codes)s.")
                % {"value": value, "codes": ", ".join(codes)}
            )
        return check_with(self.model_field, value)

    def value_schema(self):
        return {
            "type": "string",
            **choice_schema(self.choices, allow_blank=self.model_field.blank),
        }

    @property
    def type_label(self):
        return gettext("code d'une liste")

    @property
    def codes(self):
        return [code for code, _label in self.choices]


class ChoiceList(RecordField):
    """Several values of a controlled vocabulary, in the vocabulary's order."""

    @property
    def choices(self):
        return list(self.model_field.vocabulary.choices)

    def to_json(self, value):
        chosen = set(value or ())
        return [code for code, _label in self.choices if code in chosen]

    def to_cell(self, value):
        return LIST_SEPARATOR.join(value)

    def from_cell(self, text):
        return [item.strip() for item in text.split(LIST_SEPARATOR.strip()) if text]

    def clean(self, value, lookups):
        value = check_list(value)
        codes = [code for code, _label in self.choices]
        for item in value:
            if item not in codes:
                raise FieldError(
                    _("Valeur inconnue « %(value)s » ; valeurs possibles : %(codes)s.")
                    % {"value": item, "codes": ", ".join(codes)}
                )
        return self.to_json(value)

    def value_schema(self):
        return {
            "type": "array",
            "items": {"type": "string", **choice_schema(self.choices)},
            "uniqueItems": True,
        }

    @property
    def type_label(self):
        return gettext("liste de codes")

    @property
    def codes(self):
        return [code for code, _label in self.choices]


class Boolean(RecordField):
    json_type = "boolean"

    def to_cell(self, value):
        return CSV_TRUE if value else CSV_FALSE

    def from_cell(self, text):
        if text in (CSV_TRUE, CSV_FALSE, ""):
            return text == CSV_TRUE
        return text

    def clean(self, value, lookups):
        if not isinstance(value, bool):
            raise FieldError(
                _("« %(yes)s » ou « %(no)s » attendu.")
                % {"yes": CSV_TRUE, "no": CSV_FALSE}
            )
        return value

    @property
    def type_label(self):
        return gettext("oui ou non")


class Month(RecordField):
    """A month, written ``YYYY-MM`` (ISO 8601); the day is not part of it."""

    def to_json(self, value):
        return month_text(value)

    def from_cell(self, text):
        return text or None

    def clean(self, value, lookups):
        if value is None or value == "":
            return check_with(self.model_field, None)
        match = MONTH_PATTERN.match(value) if isinstance(value, str) else None
        if match is None:
            raise FieldError(
                _("Indiquez un mois au format AAAA-MM, par exemple 2024-03.")
            )
        return datetime.date(int(match[1]), int(match[2]), 1)

    def value_schema(self):
        return {"type": ["string", "null"], "pattern": MONTH_PATTERN.pattern}

    @property
    def type_label(self):
        return gettext("mois (AAAA-MM)")


class Date(RecordField):
    def to_json(self, value):
        return value.isoformat() if value else None

    def from_cell(self, text):
        return text or None

    def clean(self, value, lookups):
        if value is None or value == "":
            return check_with(self.model_field, None)
        try:
            if not DATE_PATTERN.match(value):
                raise ValueError(value)
            return datetime.date.fromisoformat(value)
        except (TypeError, ValueError) as error:
            raise FieldError(
                _("Indiquez une date au format AAAA-MM-JJ, par exemple 2025-01-31.")
            ) from error

    def value_schema(self):
        return {"type": ["string", "null"], "format": "date"}

    @property
    def type_label(self):
        return gettext("date (AAAA-MM-JJ)")


class DateTime(RecordField):
    """A moment with its offset from UTC (ISO 8601), to the second."""

    def to_json(self, value):
        return datetime_text(value)

    def from_cell(self, text):
        return text or None

    def clean(self, value, lookups):
        if value is None or value == "":
            return None
        try:
            moment = datetime.datetime.fromisoformat(value)
        except (TypeError, ValueError) as error:
            raise FieldError(
                _(
                    "Indiquez une date et une heure ISO 8601, par exemple "
                    "2025-01-31T14:30:00+01:00."
                )
            ) from error
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment

    @property
    def required(self):
        # Publication dates are Wagtail's: left out, publishing sets them.
        return False

    def value_schema(self):
        return {"type": ["string", "null"], "format": "date-time"}

    @property
    def type_label(self):
        return gettext("date et heure (ISO 8601)")


class Derived(RecordField):
    """A read-only value computed from the page, for readers' convenience."""

    def __init__(self, name, getter, *, label, description="", **kwargs):
        super().__init__(
            name, label=label, description=description, writable=False, **kwargs
        )
        self.getter = getter

    def read(self, page, context):
        value = self.getter(page, context)
        return "" if value is None else value

    def value_schema(self):
        return {"type": "string"}


class LeadCollectivity(RecordField):
    """The collectivity leading the project, by its public identifier."""

    def read(self, page, context):
        collectivity = page.lead_collectivity
        return collectivity.public_identifier if collectivity else ""

    def clean(self, value, lookups):
        value = check_text(value)
        if not value:
            raise FieldError(_("Ce champ est obligatoire."))
        return find_collectivity(value, lookups)

    def value_schema(self):
        return {"type": "string", "minLength": 1, "maxLength": 20}

    @property
    def type_label(self):
        return gettext("identifiant de collectivité")


def find_collectivity(identifier, lookups):
    collectivity = lookups.collectivity(identifier)
    if collectivity is None:
        raise FieldError(
            _(
                "Collectivité inconnue du référentiel : « %(value)s ». Indiquez "
                "son SIREN, ou « departement-33 », « region-53 » pour un "
                "département ou une région."
            )
            % {"value": identifier}
        )
    return collectivity


class Terms(RecordField):
    """Terms of a curated vocabulary (themes, capabilities), by their slugs."""

    @property
    def vocabulary(self):
        return self.model_field.related_model

    def read(self, page, context):
        return sorted(term.slug for term in getattr(page, self.attribute).all())

    def to_cell(self, value):
        return LIST_SEPARATOR.join(value)

    def from_cell(self, text):
        return [item.strip() for item in text.split(LIST_SEPARATOR.strip()) if text]

    def clean(self, value, lookups):
        value = check_list(value)
        if self.required and not value:
            raise FieldError(_("Ce champ est obligatoire."))
        terms = []
        for slug in value:
            term = (
                lookups.term(self.vocabulary, slug) if isinstance(slug, str) else None
            )
            if term is None:
                raise FieldError(
                    _("Identifiant inconnu dans la liste des %(list)s : « %(value)s ».")
                    % {"list": self.vocabulary._meta.verbose_name_plural, "value": slug}
                )
            if term not in terms:
                terms.append(term)
        return terms

    def write(self, page, value):
        getattr(page, self.attribute).set(value)

    def value_schema(self):
        schema = {
            "type": "array",
            "items": {"type": "string", "pattern": SLUG_PATTERN},
            "uniqueItems": True,
        }
        if self.required:
            schema["minItems"] = 1
        return schema

    @property
    def type_label(self):
        return gettext("liste d'identifiants")


# ----- Lists of objects -----


class Part:
    """One key of the objects of an ``ItemList``."""

    def __init__(self, key, label, read, *, model=None, attribute=None, clean=None):
        self.key = key
        self.label = label
        self.read = read
        self.model = model
        self.attribute = attribute
        self._clean = clean

    @property
    def writable(self):
        return self.attribute is not None or self._clean is not None

    @property
    def model_field(self):
        return apps.get_model("library", self.model)._meta.get_field(self.attribute)

    def clean(self, value, lookups):
        if self._clean is not None:
            return self._clean(value, lookups)
        model_field = self.model_field
        value = check_text(value, model_field.max_length)
        return check_with(model_field, value)

    def schema(self):
        schema = {"title": str(self.label), "type": "string"}
        if self.attribute is not None:
            model_field = self.model_field
            if model_field.max_length:
                schema["maxLength"] = model_field.max_length
            if model_field.choices:
                schema.update(choice_schema(model_field.flatchoices))
            elif isinstance(model_field, models.URLField):
                schema["anyOf"] = [{"format": "uri"}, {"const": ""}]
        if not self.writable:
            schema["readOnly"] = True
        return schema


class ItemList(RecordField):
    """A list of objects (partners, links, documents), in the page's order.

    In a CSV cell the list is written as the same JSON array as in the JSON
    export: its items hold free text, which no separator could keep apart.
    """

    parts = ()

    @property
    def label(self):
        return str(self._label)

    @property
    def required(self):
        return False

    def read(self, page, context):
        return [
            {part.key: part.read(item, context) for part in self.parts}
            for item in getattr(page, self.attribute).all()
        ]

    def to_cell(self, value):
        return json.dumps(value, ensure_ascii=False) if value else ""

    def from_cell(self, text):
        if not text:
            return []
        try:
            return json.loads(text)
        except ValueError:
            return _InvalidJSON()

    def clean(self, value, lookups):
        if isinstance(value, _InvalidJSON):
            raise FieldError(
                _(
                    "Cette cellule doit contenir une liste JSON, par exemple "
                    "%(example)s."
                )
                % {"example": self.example}
            )
        items = []
        for number, item in enumerate(check_list(value), start=1):
            if not isinstance(item, dict):
                raise FieldError(_("Un objet est attendu."), part=str(number))
            keys = {part.key for part in self.parts}
            for key in item:
                if key not in keys:
                    raise FieldError(_("Clé inconnue."), part=f"{number}, {key}")
            cleaned = {}
            for part in self.parts:
                if not part.writable:
                    continue
                try:
                    cleaned[part.key] = part.clean(item.get(part.key), lookups)
                except FieldError as error:
                    raise FieldError(
                        error.message, part=f"{number}, {part.key}"
                    ) from error
            items.append(self.make_item(cleaned, lookups, number))
        return items

    def make_item(self, cleaned, lookups, number):
        """The keyword arguments of one child object, from its checked parts."""
        raise NotImplementedError

    def write(self, page, value):
        model = apps.get_model("library", self.item_model)
        setattr(page, self.attribute, [model(**kwargs) for kwargs in value])

    @property
    def example(self):
        return json.dumps(
            [{part.key: "…" for part in self.parts if part.writable}],
            ensure_ascii=False,
        )

    def value_schema(self):
        return {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {part.key: part.schema() for part in self.parts},
                "required": [part.key for part in self.parts],
                "additionalProperties": False,
            },
        }

    @property
    def type_label(self):
        return gettext("liste d'objets (%(keys)s)") % {
            "keys": ", ".join(part.key for part in self.parts)
        }


class _InvalidJSON:
    """The value of a CSV cell that does not hold JSON."""


def _clean_collectivity(value, lookups):
    value = check_text(value)
    if not value:
        raise FieldError(_("Ce champ est obligatoire."))
    return find_collectivity(value, lookups)


def _clean_organisation_kind(value, lookups):
    """A kind of organisation, needed only for one the library does not know."""
    value = check_text(value)
    kinds = apps.get_model("library", "PartnerOrganisation")._meta.get_field("kind")
    codes = [code for code, _label in kinds.flatchoices]
    if value and value not in codes:
        raise FieldError(
            _("Valeur inconnue « %(value)s » ; valeurs possibles : %(codes)s.")
            % {"value": value, "codes": ", ".join(codes)}
        )
    return value


class PartnerCollectivities(ItemList):
    item_model = "ProjectPartnerCollectivity"
    parts = (
        Part(
            "collectivite",
            _("identifiant de la collectivité (SIREN, ou code préfixé)"),
            lambda item, context: item.collectivity.public_identifier,
            clean=_clean_collectivity,
        ),
        Part("nom", _("nom"), lambda item, context: item.collectivity.name),
        Part(
            "role",
            _("rôle"),
            lambda item, context: item.role,
            model="ProjectPartnerCollectivity",
            attribute="role",
        ),
    )

    def make_item(self, cleaned, lookups, number):
        return {"collectivity": cleaned["collectivite"], "role": cleaned["role"]}


class Partners(ItemList):
    """Partner organisations; one unknown to the library is created on import."""

    item_model = "ProjectPartner"
    parts = (
        Part(
            "organisation",
            _("nom de l'organisation"),
            lambda item, context: item.organisation.name,
            model="PartnerOrganisation",
            attribute="name",
        ),
        Part(
            "nature",
            _("nature de l'organisation"),
            lambda item, context: item.organisation.kind,
            model="PartnerOrganisation",
            attribute="kind",
            clean=_clean_organisation_kind,
        ),
        Part(
            "site_web",
            _("site web de l'organisation"),
            lambda item, context: item.organisation.website,
            model="PartnerOrganisation",
            attribute="website",
        ),
        Part(
            "role",
            _("rôle"),
            lambda item, context: item.role,
            model="ProjectPartner",
            attribute="role",
        ),
    )

    def make_item(self, cleaned, lookups, number):
        name = cleaned["organisation"]
        if not name:
            raise FieldError(
                _("Ce champ est obligatoire."), part=f"{number}, organisation"
            )
        organisation = lookups.organisation(name)
        if organisation is None:
            if not cleaned["nature"]:
                raise FieldError(
                    _(
                        "Précisez la nature de cette organisation, nouvelle "
                        "dans la bibliothèque."
                    ),
                    part=f"{number}, nature",
                )
            organisation = lookups.new_organisation(
                name, kind=cleaned["nature"], website=cleaned["site_web"]
            )
        return {"organisation": organisation, "role": cleaned["role"]}


class Links(ItemList):
    item_model = "ProjectLink"
    parts = (
        Part(
            "intitule",
            _("intitulé"),
            lambda item, context: item.label,
            model="ProjectLink",
            attribute="label",
        ),
        Part(
            "url",
            _("adresse"),
            lambda item, context: item.url,
            model="ProjectLink",
            attribute="url",
        ),
    )

    def make_item(self, cleaned, lookups, number):
        return {"label": cleaned["intitule"], "url": cleaned["url"]}


class Documents(ItemList):
    """Documents attached to the project: read-only, files are not imported."""

    parts = (
        Part("titre", _("titre"), lambda item, context: item.document.title),
        Part(
            "url",
            _("adresse de téléchargement"),
            lambda item, context: context.absolute(item.document.url),
        ),
        Part(
            "description",
            _("description"),
            lambda item, context: item.description,
        ),
    )

    def __init__(self, name, attribute, **kwargs):
        super().__init__(name, attribute, writable=False, **kwargs)
