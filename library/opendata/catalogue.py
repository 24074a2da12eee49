"""The list of the site's datasets, as the open data page presents them."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, Max
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import LibraryIndexPage
from . import fields, record, schema, views
from .feeds import FEED_LENGTH


@dataclass
class Dataset:
    title: str
    description: str
    url: str
    media_type: str
    count: int | None = None
    updated_at: object = None


def library_datasets(request, library):
    """The library's files: projects in CSV and JSON, schema, feed and API."""
    totals = library.projects().aggregate(
        count=Count("pk"), updated_at=Max("last_published_at")
    )
    count, updated_at = totals["count"], totals["updated_at"]
    return [
        Dataset(
            _("Projets de la bibliothèque (CSV)"),
            _(
                "Un projet par ligne, une colonne par champ de la fiche, "
                "encodé en UTF-8 et séparé par des virgules."
            ),
            views.data_url(library, views.CSV_NAME, request),
            "text/csv",
            count,
            updated_at,
        ),
        Dataset(
            _("Projets de la bibliothèque (JSON)"),
            _("Les mêmes fiches en JSON, conformes au schéma publié."),
            views.data_url(library, views.JSON_NAME, request),
            "application/json",
            count,
            updated_at,
        ),
        Dataset(
            _("Schéma des fiches (JSON Schema)"),
            _(
                "La description de chaque champ, de ses valeurs possibles, "
                "et l'historique des versions du schéma."
            ),
            views.data_url(library, views.SCHEMA_NAME, request),
            "application/schema+json",
        ),
        Dataset(
            _("Flux des projets nouveaux et mis à jour (Atom)"),
            _("Les %(count)d dernières publications, à suivre dans un lecteur de flux.")
            % {"count": FEED_LENGTH},
            views.data_url(library, views.FEED_NAME, request),
            "application/atom+xml",
        ),
        Dataset(
            _("API des pages du site"),
            _(
                "L'API de Wagtail, en lecture seule : les fiches des projets "
                "avec les mêmes champs que le fichier JSON."
            ),
            reverse("wagtailapi:pages:listing") + "?type=library.ProjectPage&fields=*",
            "application/json",
            count,
            updated_at,
        ),
    ]


def signatory_datasets(request):
    """The manifesto's signatories, when the site publishes a manifesto."""
    if not apps.is_installed("manifesto"):
        return []
    from manifesto import opendata as signatories_data
    from manifesto.models import ManifestoPage

    manifesto = ManifestoPage.objects.live().public().first()
    if manifesto is None:
        return []
    count = signatories_data.signatories().count()
    base_url = manifesto.get_url(request)
    return [
        Dataset(
            _("Signataires du manifeste (CSV)"),
            _("Les collectivités signataires, une par ligne."),
            f"{base_url}signataires.csv",
            "text/csv",
            count,
        ),
        Dataset(
            _("Signataires du manifeste (JSON)"),
            _("La même liste en JSON."),
            f"{base_url}signataires.json",
            "application/json",
            count,
        ),
    ]


def published_library():
    """The library whose files the open data page presents, if visitors see one."""
    return LibraryIndexPage.objects.live().public().first()


def page_context(request, page):
    library = published_library()
    datasets = library_datasets(request, library) if library else []
    return {
        "datasets": datasets + signatory_datasets(request),
        "field_count": len(record.FIELDS),
        "schema_version": record.SCHEMA_VERSION,
        "changelog": schema.changelog(),
        "library": library,
    }


def dictionary_context(request, page):
    """The data dictionary: the record's fields by group, and how values read.

    It describes the library's files, so it exists only beside a library.
    """
    library = published_library()
    if library is None:
        raise Http404
    title = _("Dictionnaire des données")
    return {
        "meta_title": title,
        "meta_description": _(
            "Chaque champ d'une fiche de projet de la bibliothèque, tel que le "
            "publient les fichiers CSV et JSON et l'API : nom, sens, valeurs."
        ),
        "breadcrumb_trail": [
            (page.title, page.get_url(request)),
            (title, request.path),
        ],
        "groups": record.GROUPS,
        "field_count": len(record.FIELDS),
        "schema_version": record.SCHEMA_VERSION,
        "schema_url": views.data_url(library, views.SCHEMA_NAME, request),
        "list_separator": fields.LIST_SEPARATOR.strip(),
    }
