"""Browsing the library: filters, the count behind every option, sort and pages.

Every choice travels in the address (a GET form), so a filtered list can be
bookmarked, shared and used without JavaScript. Within one facet the chosen
options add up (a project in any of them matches); across facets they narrow
down (a project must match every facet). The count shown beside an option is
the number of projects the list would hold with that option chosen, given the
other facets: it ignores the facet's own choices, as the usual faceted
search does.

The number of database queries does not depend on the number of projects:
the counts of all the facets held in the project's own columns come from one
aggregate query, and each facet held in a related table (themes,
capabilities) from one more.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from core.fulltext import (
    MAX_MATCHES,
    MatchGroup,
    PageScope,
    bounded_matches,
    full_text_search,
    page_matches,
)
from core.generation_cache import GenerationCache
from core.search_text import clean_search_text
from home.shell import restricted_paths
from territories.models import Collectivity, Region

from . import assessment
from .choices import Phase, SystemKind
from .models import AICapability, ProjectPage, Theme

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200

# The answers of a library's projects to the manifesto's criteria, by library.
summary_counts = GenerationCache("library:assessment-counts")


class Sort:
    RECENT = "recent"
    TITLE = "titre"
    CHOICES = ((RECENT, _("Mise à jour la plus récente")), (TITLE, _("Titre")))
    ORDERINGS = {RECENT: ("-last_published_at", "title"), TITLE: ("title",)}


def filter_by_text(library, text):
    """Keep the projects of a ``library`` page that match a typed text, up to a bound.

    The one place where the library's text query meets the search engine, so
    that another engine or configuration can replace it here alone. It looks
    up matches as the site search does, at most ``MAX_MATCHES`` of them (any
    of them, not the best): a word found in most projects costs no more than
    that many rows. Returns the live public projects kept, as a queryset,
    and whether more projects matched than were kept.

    The projects kept are selected by id alone: reading the page tree again
    for conditions they are known to meet would cost more than the ids. On
    PostgreSQL they are looked up through the full-text index, as the site
    search does (``core.fulltext.page_matches``).
    """
    projects = library.projects()
    text = clean_search_text(text)
    if not text:
        return projects, False
    with full_text_search():
        if connection.vendor == "postgresql":
            ids, has_more = _library_matches(library, text)
        else:
            ids, has_more = bounded_matches(projects, text, MAX_MATCHES)
    return ProjectPage.objects.filter(pk__any_of=ids), has_more


def _library_matches(library, text):
    (matches,) = page_matches(
        ProjectPage.objects.search(text, operator="and"),
        PageScope(library.path, restricted_paths()),
        [
            MatchGroup(
                (ContentType.objects.get_for_model(ProjectPage).pk,),
                MAX_MATCHES + 1,
                many=True,
            )
        ],
        ranked=False,
    )
    ids = [match.pk for match in matches]
    return ids[:MAX_MATCHES], len(ids) > MAX_MATCHES


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclass
class Facet:
    """One dimension of the filters, named in the address by ``param``."""

    param: str
    label: str
    legend: str = ""
    options: list = field(default_factory=list)
    selected: list = field(default_factory=list)

    def condition(self, values):
        raise NotImplementedError

    @property
    def visible_options(self):
        """Options worth showing: those that would find something, or are chosen."""
        return [option for option in self.options if option.count or option.selected]

    @property
    def is_active(self):
        return bool(self.selected)


@dataclass
class ColumnFacet(Facet):
    """A facet on a value held in a column (of the project or its collectivity)."""

    lookup: str = ""
    choices: tuple = ()

    def condition(self, values):
        return Q(**{f"{self.lookup}__in": values})

    def valid_values(self):
        return {value for value, _ in self.choices}


@dataclass
class RelatedFacet(Facet):
    """A facet on a term of a related vocabulary (themes, capabilities)."""

    model: type = None
    relation: str = ""

    def condition(self, values):
        through = getattr(ProjectPage, self.relation).through
        term_field = self.model._meta.model_name
        return Q(
            Exists(
                through.objects.filter(
                    projectpage_id=OuterRef("pk"), **{f"{term_field}__slug__in": values}
                )
            )
        )


def build_facets():
    """The library's facets, in the order the filter form shows them."""
    regions = tuple((region.code, region.name) for region in Region.objects.all())
    kinds = tuple(
        (kind.value, kind.label)
        for kind in Collectivity.Kind
        if kind in Collectivity.AUTHORITY_KINDS
    )
    facets = [
        RelatedFacet("theme", _("Thème"), model=Theme, relation="themes"),
        ColumnFacet("phase", _("Phase"), lookup="phase", choices=tuple(Phase.choices)),
        ColumnFacet(
            "systeme",
            _("Nature du système"),
            lookup="system_kind",
            choices=tuple(SystemKind.choices),
        ),
        RelatedFacet(
            "capacite", _("Capacité d'IA"), model=AICapability, relation="capabilities"
        ),
        ColumnFacet(
            "collectivite",
            _("Type de collectivité"),
            lookup="lead_collectivity__kind",
            choices=kinds,
        ),
        ColumnFacet(
            "region",
            _("Région"),
            lookup="lead_collectivity__region_id",
            choices=regions,
        ),
    ]
    for criterion in assessment.CRITERIA:
        facets.append(
            ColumnFacet(
                criterion.slug,
                criterion.label,
                legend=criterion.question,
                lookup=criterion.field_name,
                choices=tuple(assessment.Answer.choices),
            )
        )
    return facets


@dataclass
class Browse:
    """The outcome of browsing: the page of results and the state of the form."""

    text: str
    sort: str
    facets: list
    page: object
    total: int
    # More projects match the text than the ``MAX_MATCHES`` kept and counted.
    text_has_more: bool = False

    @property
    def max_matches(self):
        """The bound on text matches, as the page writes it."""
        return number_format(MAX_MATCHES, force_grouping=True)

    @property
    def main_facets(self):
        return [facet for facet in self.facets if not self.is_criterion(facet)]

    @property
    def criterion_facets(self):
        return [facet for facet in self.facets if self.is_criterion(facet)]

    @staticmethod
    def is_criterion(facet):
        return facet.param in {criterion.slug for criterion in assessment.CRITERIA}

    @property
    def is_filtered(self):
        return bool(self.text) or any(facet.selected for facet in self.facets)


def browse(library, params):
    """Filter, count, sort and paginate the live public projects of a
    ``library`` page as the GET ``params`` ask."""
    text = " ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH]
    sort = params.get("tri")
    if sort not in Sort.ORDERINGS:
        sort = Sort.RECENT

    facets = build_facets()
    for facet in facets:
        values = list(
            dict.fromkeys(value for value in params.getlist(facet.param) if value)
        )
        if isinstance(facet, ColumnFacet):
            values = [value for value in values if value in facet.valid_values()]
        facet.selected = values[:50]

    base, text_has_more = filter_by_text(library, text)
    ordering = Sort.ORDERINGS[sort]
    if text:
        # At most MAX_MATCHES projects: counted in memory, where building
        # the counting query would cost more than reading them, and sorted
        # by the database in one query.
        kept = _count_facets_among(base, facets)
        ids = list(
            ProjectPage.objects.filter(pk__any_of=kept)
            .order_by(*ordering)
            .values_list("pk", flat=True)
        )
    else:
        ids = (
            _count_facets(base, facets).order_by(*ordering).values_list("pk", flat=True)
        )
    # The page's projects are picked by id, then read with their relations:
    # joining the relations first would join them for every project found.
    paginator = Paginator(ids, PAGE_SIZE)
    page = paginator.get_page(params.get("page"))
    page.object_list = _projects_in_order(list(page.object_list))
    return Browse(
        text=text,
        sort=sort,
        facets=facets,
        page=page,
        total=paginator.count,
        text_has_more=text_has_more,
    )


def _count_facets(base, facets):
    """Count every facet's options in the database; the projects chosen.

    A few queries, whatever the number of projects: one for the facets held
    in columns, two for each facet of related terms.
    """
    conditions = {
        facet.param: facet.condition(facet.selected)
        for facet in facets
        if facet.selected
    }

    def others(facet):
        """The conditions of every facet but this one."""
        combined = Q()
        for param, condition in conditions.items():
            if param != facet.param:
                combined &= condition
        return combined

    _count_column_facets(base, facets, others)
    _count_related_facets(base, facets, others)
    return base.filter(*conditions.values())


def _count_facets_among(base, facets):
    """Count every facet's options among a bounded set of projects, in memory.

    Gives the same counts as ``_count_facets()``: an option counts the
    projects that have it and match every other facet. Returns the ids of
    the projects that match every facet. Two queries, and two for each facet
    of related terms.
    """
    column_facets = [facet for facet in facets if isinstance(facet, ColumnFacet)]
    related_facets = [facet for facet in facets if isinstance(facet, RelatedFacet)]
    # Columns of the project, and of its lead collectivity, read apart by id:
    # a join would read every collectivity of the register.
    own = [facet for facet in column_facets if "__" not in facet.lookup]
    lead = [facet for facet in column_facets if "__" in facet.lookup]
    if any(not facet.lookup.startswith("lead_collectivity__") for facet in lead):
        raise ValueError("Only the lead collectivity's columns can be counted.")
    rows = list(
        base.order_by().values_list(
            "pk", "lead_collectivity_id", *[f.lookup for f in own]
        )
    )
    collectivities = {}
    if lead and rows:
        collectivity_columns = [f.lookup.split("__", 1)[1] for f in lead]
        collectivities = {
            pk: values
            for pk, *values in Collectivity.objects.filter(
                pk__any_of={row[1] for row in rows}
            ).values_list("pk", *collectivity_columns)
        }
    values = {}
    for pk, collectivity_id, *own_values in rows:
        project = {f.param: {value} for f, value in zip(own, own_values, strict=True)}
        lead_values = collectivities.get(collectivity_id, [None] * len(lead))
        for facet, value in zip(lead, lead_values, strict=True):
            project[facet.param] = {value}
        for facet in related_facets:
            project[facet.param] = set()
        values[pk] = project
    for facet in related_facets:
        through = getattr(ProjectPage, facet.relation).through
        term = facet.model._meta.model_name
        for pk, slug in through.objects.filter(
            projectpage_id__any_of=list(values)
        ).values_list("projectpage_id", f"{term}__slug"):
            values[pk][facet.param].add(slug)

    chosen = {facet.param: set(facet.selected) for facet in facets if facet.selected}

    def matches(project, but=None):
        return all(
            project[param] & selected
            for param, selected in chosen.items()
            if param != but
        )

    for facet in facets:
        counts = Counter(
            value
            for project in values.values()
            if matches(project, but=facet.param)
            for value in project[facet.param]
        )
        if isinstance(facet, ColumnFacet):
            options = facet.choices
        else:
            options = facet.model.objects.order_by("name").values_list("slug", "name")
        facet.options = [
            Option(
                value=value,
                label=label,
                count=counts[value],
                selected=value in facet.selected,
            )
            for value, label in options
        ]
    return [pk for pk, project in values.items() if matches(project)]


def _count_column_facets(base, facets, others):
    column_facets = [facet for facet in facets if isinstance(facet, ColumnFacet)]
    aggregates = {}
    for index, facet in enumerate(column_facets):
        condition = others(facet)
        for position, (value, _label) in enumerate(facet.choices):
            aggregates[f"f{index}_{position}"] = Count(
                "pk", filter=condition & Q(**{facet.lookup: value})
            )
    counts = base.aggregate(**aggregates) if aggregates else {}
    for index, facet in enumerate(column_facets):
        facet.options = [
            Option(
                value=value,
                label=label,
                count=counts[f"f{index}_{position}"],
                selected=value in facet.selected,
            )
            for position, (value, label) in enumerate(facet.choices)
        ]


def _count_related_facets(base, facets, others):
    """Two queries a facet: its terms, and the matching projects of each."""
    for facet in facets:
        if not isinstance(facet, RelatedFacet):
            continue
        matching = base.filter(others(facet)).values("pk")
        through = getattr(ProjectPage, facet.relation).through
        term_column = f"{facet.model._meta.model_name}_id"
        counts = dict(
            through.objects.filter(projectpage_id__in=matching)
            .order_by()
            .values(term_column)
            .annotate(count=Count("pk"))
            .values_list(term_column, "count")
        )
        facet.options = [
            Option(
                value=term.slug,
                label=term.name,
                count=counts.get(term.pk, 0),
                selected=term.slug in facet.selected,
            )
            for term in facet.model.objects.order_by("name")
        ]


def _projects_in_order(ids):
    """The projects of ``ids``, in that order, ready for their cards. Two queries."""
    projects = ProjectPage.objects.filter(pk__in=ids).select_related(
        "lead_collectivity", "lead_collectivity__region"
    )
    by_id = {project.pk: project for project in projects.prefetch_related("themes")}
    return [by_id[pk] for pk in ids if pk in by_id]


def assessment_counts(projects):
    """How many of ``projects`` give each answer to each criterion. One query."""
    aggregates = {"total": Count("pk")}
    for criterion in assessment.CRITERIA:
        for answer in assessment.Answer:
            aggregates[f"{criterion.key}__{answer.value}"] = Count(
                "pk", filter=Q(**{criterion.field_name: answer.value})
            )
    return projects.aggregate(**aggregates)


def library_assessment_counts(index):
    """``assessment_counts()`` of a library's published projects, cached.

    Every project of the library is counted, whatever the filters: at 100,000
    projects, a read of all of them on every view. It is kept in the cache
    until a page changes (see ``library.signals``).
    """
    return summary_counts.get(index.pk, lambda: assessment_counts(index.projects()))


def assessment_summary(counts):
    """How projects stand, criterion by criterion, from ``assessment_counts()``.

    Returns the number of projects and, per chapter, its criteria with the
    count of each answer.
    """
    chapters = []
    for chapter in assessment.CHAPTERS:
        rows = []
        for criterion in assessment.criteria_of(chapter):
            rows.append(
                {
                    "criterion": criterion,
                    "answers": [
                        {
                            "answer": answer,
                            "count": counts[f"{criterion.key}__{answer.value}"],
                        }
                        for answer in assessment.Answer
                    ],
                }
            )
        chapters.append({"chapter": chapter, "rows": rows})
    return {"total": counts["total"], "chapters": chapters}
