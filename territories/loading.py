"""Loading the register's extract into the database, again and again.

A load upserts régions, départements and collectivities by their kind and
code, and brings postcodes in line. A collectivity missing from a newer extract
(a commune merged into a commune nouvelle, a dissolved EPCI) is kept, since
signatures and projects point to it, but is no longer current. The extract's
checksum is recorded, so that loading the same extract again does nothing.
"""

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from .extract import DATA_DIR, EXTRACT_FILE, read_rows, read_source
from .models import Collectivity, Departement, Postcode, Region, RegisterVersion
from .text import normalize_name

logger = logging.getLogger(__name__)

DEFAULT_EXTRACT = DATA_DIR / EXTRACT_FILE
BATCH_SIZE = 2000
# SQLite builds older than 3.32 accept at most 999 parameters a query.
IN_LIST_SIZE = 900
UPDATED_FIELDS = [
    "siren",
    "name",
    "search_name",
    "departement",
    "region",
    "population",
    "is_current",
]


@dataclass
class LoadReport:
    """What a load did."""

    source: str
    checksum: str
    skipped: bool = False
    counts: dict = field(default_factory=dict)
    created: int = 0
    retired: int = 0
    postcodes_added: int = 0
    postcodes_removed: int = 0


def file_checksum(path):
    digest = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def describe_source(path):
    source = read_source(Path(path).parent)
    if source.get("package"):
        return f"{source['package']} {source.get('version', '')}".strip()
    return Path(path).name


def load_register(path=DEFAULT_EXTRACT, *, force=False):
    """Load an extract unless it is the one loaded last; return a LoadReport."""
    path = Path(path)
    report = LoadReport(source=describe_source(path), checksum=file_checksum(path))
    latest = RegisterVersion.objects.order_by("-loaded_at", "-pk").first()
    if not force and latest is not None and latest.checksum == report.checksum:
        report.skipped = True
        report.counts = latest.counts
        logger.info("Register unchanged, not reloaded: %s", report.source)
        return report

    rows = read_rows(path)
    with transaction.atomic():
        _load_places(rows)
        _load_collectivities(rows, report)
        report.counts = dict(Counter(row.kind for row in rows))
        RegisterVersion.objects.create(
            source=report.source, checksum=report.checksum, counts=report.counts
        )
    logger.info(
        "Register loaded: %s, %d collectivities (%d new, %d no longer current)",
        report.source,
        len(rows),
        report.created,
        report.retired,
    )
    return report


def _load_places(rows):
    """Upsert the régions and départements that collectivities refer to."""
    regions = [
        Region(code=row.code, name=row.name) for row in rows if row.kind == "region"
    ]
    Region.objects.bulk_create(
        regions, update_conflicts=True, unique_fields=["code"], update_fields=["name"]
    )
    departements = [
        Departement(code=row.code, name=row.name, region_id=row.region)
        for row in rows
        if row.kind == "departement"
    ]
    Departement.objects.bulk_create(
        departements,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "region"],
    )


def _load_collectivities(rows, report):
    known_regions = set(Region.objects.values_list("code", flat=True))
    known_departements = set(Departement.objects.values_list("code", flat=True))
    existing = {
        (kind, code): pk
        for pk, kind, code in Collectivity.objects.values_list("pk", "kind", "code")
    }

    collectivities = [
        Collectivity(
            kind=row.kind,
            code=row.code,
            siren=row.siren,
            name=row.name,
            search_name=normalize_name(row.name),
            departement_id=row.departement
            if row.departement in known_departements
            else None,
            region_id=row.region if row.region in known_regions else None,
            population=row.population,
            is_current=True,
        )
        for row in rows
    ]
    Collectivity.objects.bulk_create(
        collectivities,
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["kind", "code"],
        update_fields=UPDATED_FIELDS,
    )

    present = {(row.kind, row.code) for row in rows}
    report.created = len(present - existing.keys())
    retired = [pk for key, pk in existing.items() if key not in present]
    for start in range(0, len(retired), IN_LIST_SIZE):
        batch = retired[start : start + IN_LIST_SIZE]
        report.retired += Collectivity.objects.filter(
            pk__in=batch, is_current=True
        ).update(is_current=False)

    ids = {
        (kind, code): pk
        for pk, kind, code in Collectivity.objects.values_list("pk", "kind", "code")
    }
    wanted = {
        (postcode, ids[row.kind, row.code])
        for row in rows
        for postcode in row.postcodes
    }
    current = {
        (code, collectivity_id): pk
        for pk, code, collectivity_id in Postcode.objects.values_list(
            "pk", "code", "collectivity_id"
        )
    }
    stale = [pk for key, pk in current.items() if key not in wanted]
    for start in range(0, len(stale), IN_LIST_SIZE):
        batch = stale[start : start + IN_LIST_SIZE]
        Postcode.objects.filter(pk__in=batch).delete()
    Postcode.objects.bulk_create(
        [
            Postcode(code=code, collectivity_id=collectivity_id)
            for code, collectivity_id in sorted(wanted - current.keys())
        ],
        batch_size=BATCH_SIZE,
    )
    report.postcodes_added = len(wanted - current.keys())
    report.postcodes_removed = len(stale)
