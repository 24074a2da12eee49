"""The published projects of the library as CSV and JSON.

Both files hold the same records, under the names and in the order of
``record.FIELDS``, projects sorted by slug. Their cost in queries does not
depend on the number of projects: every relation is fetched in one query.
"""

import csv
import io
import json

from django.utils import timezone

from ..models.opendata import published_licence
from . import fields, record

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
JSON_MEDIA_TYPE = "application/json; charset=utf-8"


def published_projects(library):
    """The projects visitors may see, with everything their record reads."""
    return (
        library.projects()
        .select_related("lead_collectivity")
        .prefetch_related(
            "themes",
            "capabilities",
            "partner_collectivities__collectivity",
            "partners__organisation",
            "documents__document",
            "links",
        )
        .order_by("slug")
    )


def records(projects, context):
    return [record.read(project, context) for project in projects]


def csv_text(records):
    """The records as CSV: one column per field, cells safe for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(record.NAMES)
    for values in records:
        writer.writerow(
            record.neutralise(field.to_cell(values[field.name]))
            for field in record.FIELDS
        )
    return buffer.getvalue()


def json_document(records, *, schema_url, generated_at=None):
    """The records as the JSON document that ``schema.json`` describes."""
    generated_at = generated_at or timezone.now()
    return {
        "schema": schema_url,
        "version_schema": record.SCHEMA_VERSION,
        "date_generation": fields.datetime_text(generated_at),
        "licence": published_licence(),
        "nombre": len(records),
        "projets": records,
    }


def json_text(document):
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
