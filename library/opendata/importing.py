"""Importing projects from the open data's own CSV or JSON.

An import first reads every row and checks every field, reporting each
problem with its row and its field; only a file without a single problem is
then written, in one transaction, so that a file is applied whole or not at
all. A project is recognised by its slug under the library: an unknown slug
creates it, a known one updates it. Every project written is published as a
new revision, by no user; a project whose record would not change is left
alone. A project under moderation, or with changes not yet published, is
never overwritten.
"""

import csv
import json
import logging
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from ..models import PartnerOrganisation, ProjectPage
from ..views import find_collectivity
from . import fields, record

logger = logging.getLogger(__name__)

FORMATS = ("csv", "json")


class Action:
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"


@dataclass
class Problem:
    """Something in the file that keeps it from being imported."""

    location: str
    field: str
    message: str

    def __str__(self):
        if self.field:
            return _("%(location)s, champ %(field)s : %(message)s") % {
                "location": self.location,
                "field": self.field,
                "message": self.message,
            }
        return f"{self.location} : {self.message}"


@dataclass
class Row:
    location: str
    values: dict


@dataclass
class Plan:
    """What importing one row will do."""

    row: Row
    slug: str
    action: str
    project: ProjectPage | None
    values: dict


@dataclass
class Report:
    problems: list = field(default_factory=list)
    plans: list = field(default_factory=list)
    new_organisations: list = field(default_factory=list)

    def count(self, action):
        return sum(1 for plan in self.plans if plan.action == action)


class Lookups:
    """The database lookups of one import, each made once."""

    def __init__(self):
        self._collectivities = {}
        self._terms = {}
        self._organisations = None
        self.new_organisations = {}

    def collectivity(self, identifier):
        if identifier not in self._collectivities:
            self._collectivities[identifier] = find_collectivity(identifier)
        return self._collectivities[identifier]

    def term(self, model, slug):
        if model not in self._terms:
            self._terms[model] = {term.slug: term for term in model.objects.all()}
        return self._terms[model].get(slug)

    def organisation(self, name):
        if self._organisations is None:
            self._organisations = {
                organisation.name: organisation
                for organisation in PartnerOrganisation.objects.all()
            }
        return self._organisations.get(name) or self.new_organisations.get(name)

    def new_organisation(self, name, *, kind, website):
        organisation = PartnerOrganisation(name=name, kind=kind, website=website)
        self.new_organisations[name] = organisation
        return organisation


# ----- Reading the file -----


def file_problem(message):
    return Problem(_("fichier"), "", message)


def read_csv(stream, report):
    """The rows of a CSV export, cells decoded into the record's JSON values."""
    reader = csv.reader(stream)
    header = next(reader, None)
    if not header:
        report.problems.append(file_problem(_("le fichier est vide.")))
        return []
    header_location = _("ligne %(number)d") % {"number": 1}
    for position, name in enumerate(header):
        if name not in record.FIELDS_BY_NAME:
            report.problems.append(
                Problem(header_location, name, _("colonne inconnue."))
            )
        elif name in header[:position]:
            report.problems.append(
                Problem(header_location, name, _("colonne en double."))
            )
    if record.KEY.name not in header:
        report.problems.append(
            Problem(header_location, record.KEY.name, _("colonne obligatoire absente."))
        )
    if report.problems:
        return []

    rows = []
    line = reader.line_num + 1
    for cells in reader:
        location = _("ligne %(number)d") % {"number": line}
        line = reader.line_num + 1
        if not any(cells):
            continue
        if len(cells) != len(header):
            report.problems.append(
                Problem(
                    location,
                    "",
                    _("%(found)d cellules au lieu de %(expected)d.")
                    % {"found": len(cells), "expected": len(header)},
                )
            )
            continue
        values = {
            name: record.FIELDS_BY_NAME[name].from_cell(record.restore(cell))
            for name, cell in zip(header, cells, strict=True)
        }
        rows.append(Row(location, values))
    return rows


def read_json(stream, report):
    """The projects of a JSON export (or of a bare list of records)."""
    try:
        data = json.load(stream)
    except ValueError as error:
        report.problems.append(
            file_problem(_("JSON illisible (%(error)s).") % {"error": error})
        )
        return []
    items = data.get("projets") if isinstance(data, dict) else data
    if not isinstance(items, list):
        report.problems.append(file_problem(_("une liste « projets » est attendue.")))
        return []

    rows = []
    for number, item in enumerate(items, start=1):
        location = _("projet %(number)d") % {"number": number}
        if not isinstance(item, dict):
            report.problems.append(Problem(location, "", _("un objet est attendu.")))
            continue
        unknown = [name for name in item if name not in record.FIELDS_BY_NAME]
        for name in unknown:
            report.problems.append(Problem(location, name, _("champ inconnu.")))
        if not unknown:
            rows.append(Row(location, item))
    return rows


def read_file(path, file_format, report):
    reader = read_csv if file_format == "csv" else read_json
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            return reader(stream, report)
    except UnicodeDecodeError:
        report.problems.append(file_problem(_("le fichier n'est pas encodé en UTF-8.")))
    except OSError as error:
        report.problems.append(
            file_problem(
                _("lecture impossible (%(error)s).") % {"error": error.strerror}
            )
        )
    return []


# ----- Checking the rows -----


def why_not_updatable(project):
    """Why an existing project must not be overwritten, or None."""
    if project.has_unpublished_changes:
        return _(
            "ce projet a des modifications non publiées : publiez-les ou "
            "abandonnez-les avant l'import."
        )
    if project.workflow_in_progress:
        return _("ce projet est en cours de modération.")
    if project.locked:
        return _("ce projet est verrouillé par un éditeur.")
    return None


def write_values(page, values):
    for record_field, value in values.items():
        record_field.write(page, value)


# A throwaway reading context: the fields compared never read addresses.
COMPARISON_CONTEXT = fields.ReadContext("")


def check_model_rules(page, values, library, location):
    """The project's own rules (dates in order, reserved slugs...) as problems."""
    attributes = {record_field.attribute for record_field in values}
    attributes.add("slug")
    exclude = [
        model_field.name
        for model_field in ProjectPage._meta.concrete_fields
        if model_field.name not in attributes
    ]
    if page.pk is None:
        # Wagtail checks a slug among the page's siblings, found through its
        # parent: this unsaved page, never saved, gets the library as parent
        # and a path under it for that check only.
        page.depth = library.depth + 1
        page.path = library.path + "0" * ProjectPage.steplen
        page._cached_parent_obj = library
    names = {
        record_field.attribute: record_field.name for record_field in record.FIELDS
    }
    try:
        page.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as error:
        return [
            Problem(
                location,
                ""
                if attribute == NON_FIELD_ERRORS
                else names.get(attribute, attribute),
                " ".join(messages),
            )
            for attribute, messages in error.message_dict.items()
        ]
    return []


def check_row(row, library, existing, lookups, report):
    """The plan for one row, or None after reporting its problems."""
    problems = []
    try:
        slug = record.KEY.clean(row.values.get(record.KEY.name), lookups)
    except fields.FieldError as error:
        report.problems.append(Problem(row.location, record.KEY.name, error.message))
        return None
    project = existing.get(slug)
    if project is not None and not project.live:
        report.problems.append(
            Problem(
                row.location,
                record.KEY.name,
                _(
                    "ce projet n'est pas publié (proposition en modération ou "
                    "brouillon) : l'import ne le modifie pas."
                ),
            )
        )
        return None

    values = {record.KEY: slug}
    for record_field in record.FIELDS:
        if not record_field.writable or record_field is record.KEY:
            continue
        if record_field.on_create_only and project is not None:
            continue
        if record_field.name not in row.values:
            if project is None and record_field.required:
                problems.append(
                    Problem(
                        row.location,
                        record_field.name,
                        _("champ obligatoire pour un nouveau projet."),
                    )
                )
            continue
        try:
            values[record_field] = record_field.clean(
                row.values[record_field.name], lookups
            )
        except fields.FieldError as error:
            name = record_field.name
            if error.part:
                name = f"{name} ({error.part})"
            problems.append(Problem(row.location, name, error.message))
    if problems:
        report.problems.extend(problems)
        return None

    if project is None:
        page = ProjectPage(live=False)
        write_values(page, values)
        problems = check_model_rules(page, values, library, row.location)
        action = Action.CREATE
    else:
        page = ProjectPage.objects.get(pk=project.pk)
        compared = [each for each in values if not each.on_create_only]
        before = record.read(page, COMPARISON_CONTEXT, compared)
        write_values(page, values)
        problems = check_model_rules(page, values, library, row.location)
        changed = record.read(page, COMPARISON_CONTEXT, compared) != before
        action = Action.UPDATE if changed else Action.UNCHANGED
        reason = why_not_updatable(project) if changed else None
        if reason:
            problems.append(Problem(row.location, record.KEY.name, reason))
    if problems:
        report.problems.extend(problems)
        return None
    return Plan(row, slug, action, project, values)


def check(rows, library, report, lookups):
    existing = {
        project.slug: project for project in ProjectPage.objects.child_of(library)
    }
    first_seen = {}
    for row in rows:
        slug = row.values.get(record.KEY.name)
        if isinstance(slug, str) and slug in first_seen:
            report.problems.append(
                Problem(
                    row.location,
                    record.KEY.name,
                    _("identifiant déjà présent dans le fichier (%(location)s).")
                    % {"location": first_seen[slug]},
                )
            )
            continue
        if isinstance(slug, str):
            first_seen[slug] = row.location
        plan = check_row(row, library, existing, lookups, report)
        if plan is not None:
            report.plans.append(plan)
    report.new_organisations = list(lookups.new_organisations.values())


# ----- Writing -----


def publish(plan, library):
    values = plan.values
    if plan.action == Action.CREATE:
        page = ProjectPage(live=False)
        write_values(page, values)
        library.add_child(instance=page)
    else:
        page = ProjectPage.objects.get(pk=plan.project.pk)
        write_values(page, values)
    page.save_revision(user=None, log_action=True).publish(user=None)
    if plan.action == Action.CREATE:
        # A record moved from another site keeps its dates of publication.
        dates = {
            record_field.attribute: value
            for record_field, value in values.items()
            if record_field.on_create_only and value is not None
        }
        if dates:
            ProjectPage.objects.filter(pk=page.pk).update(**dates)


@transaction.atomic
def write(report, library):
    for organisation in report.new_organisations:
        organisation.full_clean()
        organisation.save()
    for plan in report.plans:
        if plan.action != Action.UNCHANGED:
            try:
                publish(plan, library)
            except (ValidationError, DatabaseError) as error:
                # The checks above should have caught it: stop, write nothing.
                messages = getattr(error, "messages", None) or [str(error)]
                report.problems.append(
                    Problem(plan.row.location, "", " ".join(messages))
                )
                raise


def import_projects(path, file_format, library, *, dry_run=False):
    """Check the file at ``path`` and, unless it has problems, import it."""
    report = Report()
    rows = read_file(path, file_format, report)
    check(rows, library, report, Lookups())
    if report.problems or dry_run:
        return report
    try:
        write(report, library)
    except (ValidationError, DatabaseError):
        return report
    logger.info(
        "Projects imported: %d created, %d updated, %d unchanged, "
        "%d organisations created",
        report.count(Action.CREATE),
        report.count(Action.UPDATE),
        report.count(Action.UNCHANGED),
        len(report.new_organisations),
    )
    return report
