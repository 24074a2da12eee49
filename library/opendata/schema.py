"""The JSON Schema of the JSON export, with its version and change log."""

from django.utils.translation import gettext as _

from . import record

META_SCHEMA = "https://json-schema.org/draft/2020-12/schema"


def project_schema():
    """The schema of one project's record."""
    return {
        "type": "object",
        "title": _("Projet"),
        "properties": {field.name: field.schema() for field in record.FIELDS},
        "required": list(record.NAMES),
        "additionalProperties": False,
    }


def changelog():
    return [
        {"version": version, "date": date, "changements": str(changes)}
        for version, date, changes in record.CHANGELOG
    ]


def document_schema(schema_url):
    """The schema of the whole JSON export, published at ``schema_url``."""
    return {
        "$schema": META_SCHEMA,
        "$id": schema_url,
        "title": _("Bibliothèque d'IA territoriales : projets"),
        "description": _(
            "Les projets publiés de la bibliothèque, champs publics seulement. "
            "Le fichier CSV porte les mêmes champs, dans le même ordre, une "
            "colonne par champ : listes de codes séparés par « | », listes "
            "d'objets écrites en JSON, booléens « oui » ou « non », valeurs "
            "vides pour null. Une cellule qui commence par = + - @, une "
            "tabulation, un retour chariot ou une apostrophe est précédée "
            "d'une apostrophe, qu'il faut retirer à la lecture."
        ),
        "version": record.SCHEMA_VERSION,
        "changelog": changelog(),
        "type": "object",
        "properties": {
            "schema": {
                "type": "string",
                "format": "uri",
                "description": _("Adresse de ce schéma."),
            },
            "version_schema": {
                "type": "string",
                "const": record.SCHEMA_VERSION,
                "description": _("Version du schéma que suit le fichier."),
            },
            "date_generation": {
                "type": "string",
                "format": "date-time",
                "description": _("Moment où le fichier a été produit."),
            },
            "licence": {
                "type": "object",
                "properties": {
                    "nom": {"type": "string"},
                    "url": {"type": "string", "format": "uri"},
                },
                "required": ["nom", "url"],
                "additionalProperties": False,
                "description": _("Licence sous laquelle les données sont publiées."),
            },
            "nombre": {
                "type": "integer",
                "minimum": 0,
                "description": _("Nombre de projets du fichier."),
            },
            "projets": {
                "type": "array",
                "items": {"$ref": "#/$defs/projet"},
            },
        },
        "required": [
            "schema",
            "version_schema",
            "date_generation",
            "licence",
            "nombre",
            "projets",
        ],
        "additionalProperties": False,
        "$defs": {"projet": project_schema()},
    }
