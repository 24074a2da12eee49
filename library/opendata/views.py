"""The open data files, served under the address of the library page."""

import json

from django.http import Http404, HttpResponse
from django.utils.encoding import iri_to_uri
from django.views.decorators.http import require_GET
from wagtail.api.utils import get_full_url
from wagtail.models import Page

from ..models import LibraryIndexPage
from . import export, fields, schema
from .feeds import ProjectFeed

# The file names, under the library page's address.
CSV_NAME = "projets.csv"
JSON_NAME = "projets.json"
SCHEMA_NAME = "schema.json"
FEED_NAME = "flux.atom"


def data_url(library, name, request=None):
    """The address of one of the library's open data files."""
    return f"{library.get_url(request)}{name}"


def full_data_url(library, name, request):
    return iri_to_uri(get_full_url(request, data_url(library, name, request)))


def find_library(request, page_path):
    """The library page at ``page_path``, if visitors may see it."""
    page = Page.find_for_request(request, page_path)
    if page is None or not isinstance(page.specific, LibraryIndexPage):
        raise Http404
    library = page.specific
    if library.get_url(request) != f"/{page_path}":
        # A route of the library page (its form), not the page itself.
        raise Http404
    for restriction in library.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    return library


def open_to_all(response):
    """Let any site read the file from a browser: it is open data."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def projects(request, page_path, extension):
    library = find_library(request, page_path)
    context = fields.ReadContext.for_request(request, library)
    records = export.records(export.published_projects(library), context)
    if extension == "csv":
        response = HttpResponse(
            export.csv_text(records), content_type=export.CSV_MEDIA_TYPE
        )
        response["Content-Disposition"] = f'attachment; filename="{CSV_NAME}"'
    else:
        document = export.json_document(
            records,
            schema_url=full_data_url(library, SCHEMA_NAME, request),
        )
        response = HttpResponse(
            export.json_text(document), content_type=export.JSON_MEDIA_TYPE
        )
    return open_to_all(response)


@require_GET
def project_schema(request, page_path):
    library = find_library(request, page_path)
    schema_url = full_data_url(library, SCHEMA_NAME, request)
    response = HttpResponse(
        json.dumps(schema.document_schema(schema_url), ensure_ascii=False, indent=2),
        content_type="application/schema+json; charset=utf-8",
    )
    return open_to_all(response)


@require_GET
def feed(request, page_path):
    library = find_library(request, page_path)
    return open_to_all(ProjectFeed(library, FEED_NAME)(request))
