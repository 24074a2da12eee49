"""The published versions of a project record, and what changed between them.

A version is a revision that was published: Wagtail keeps the revision of
every publication in its log, so the history is rebuilt from there, and two
versions are compared field by field over the record's sections.
"""

from dataclasses import dataclass, field

from django.utils.text import Truncator
from wagtail.models import PageLogEntry

from . import record
from .display import label_of, plain_text

COMPARED_FIELDS = tuple(
    name
    for section in record.SECTIONS
    for name in section.fields
    if name != "record_schema_version"
)
SHOWN_LENGTH = 400


@dataclass
class Change:
    name: str
    label: str
    before: str
    after: str


@dataclass
class Version:
    revision_id: int
    published_at: object
    number: int
    changes: list = field(default_factory=list)


def _publications(page):
    return PageLogEntry.objects.filter(
        page=page, action="wagtail.publish", revision__isnull=False
    ).order_by("timestamp", "pk")


def publication_dates(page):
    """When each version was published, oldest first."""
    return list(_publications(page).values_list("timestamp", flat=True))


def published_revisions(page):
    """The revisions that were published, oldest first, one per publication."""
    entries = _publications(page).select_related("revision")
    return [(entry.timestamp, entry.revision) for entry in entries]


def compare(older, newer):
    """The fields that differ between two versions of a record (page objects)."""
    changes = []
    for name in COMPARED_FIELDS:
        before, after = plain_text(older, name), plain_text(newer, name)
        if before != after:
            changes.append(
                Change(
                    name=name,
                    label=label_of(newer, name),
                    before=Truncator(before).chars(SHOWN_LENGTH),
                    after=Truncator(after).chars(SHOWN_LENGTH),
                )
            )
    return changes


def published_versions(page):
    """Every published version, newest first, with its changes since the previous."""
    versions = []
    previous = None
    for number, (published_at, revision) in enumerate(
        published_revisions(page), start=1
    ):
        current = revision.as_object()
        changes = compare(previous, current) if previous is not None else []
        versions.append(
            Version(
                revision_id=revision.pk,
                published_at=published_at,
                number=number,
                changes=changes,
            )
        )
        previous = current
    versions.reverse()
    return versions
