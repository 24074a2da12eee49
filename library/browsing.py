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

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from core.search_text import clean_search_text
from territories.models import Collectivity, Region

from . import assessment
from .choices import Phase, SystemKind
from .models import AICapability, ProjectPage, Theme

PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200


class Sort:
    RECENT = "recent"
    TITLE = "titre"
    CHOICES = ((RECENT, _("Mise à jour la plus récente")), (TITLE, _("Titre")))
    ORDERINGS = {RECENT: ("-last_published_at", "title"), TITLE: ("title",)}


def filter_by_text(queryset, text):
    """Keep the projects of ``queryset`` that match a typed text.

    The one place where the library's text query meets the search engine, so
    that another engine or configuration can replace it here alone.
    """
    text = clean_search_text(text)
    if not text:
        return queryset
    matches = ProjectPage.objects.live().search(
        text, operator="and", order_by_relevance=False
    )
    return queryset.filter(pk__in=[page.pk for page in matches])


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


def browse(projects, params):
    """Filter, count, sort and paginate ``projects`` as the GET ``params`` ask."""
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

    base = filter_by_text(projects, text)
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

    results = base.filter(*conditions.values()).order_by(*Sort.ORDERINGS[sort])
    results = results.select_related(
        "lead_collectivity", "lead_collectivity__region"
    ).prefetch_related("themes")
    paginator = Paginator(results, PAGE_SIZE)
    page = paginator.get_page(params.get("page"))
    return Browse(text=text, sort=sort, facets=facets, page=page, total=paginator.count)


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
    for facet in facets:
        if not isinstance(facet, RelatedFacet):
            continue
        matching = base.filter(others(facet)).values("pk")
        terms = facet.model.objects.annotate(
            project_count=Count("projects", filter=Q(projects__in=matching))
        ).order_by("name")
        facet.options = [
            Option(
                value=term.slug,
                label=term.name,
                count=term.project_count,
                selected=term.slug in facet.selected,
            )
            for term in terms
        ]


def assessment_summary(projects):
    """How the given projects stand, criterion by criterion, in one query.

    Returns the number of projects and, per chapter, its criteria with the
    count of each answer.
    """
    aggregates = {"total": Count("pk")}
    for criterion in assessment.CRITERIA:
        for answer in assessment.Answer:
            aggregates[f"{criterion.key}__{answer.value}"] = Count(
                "pk", filter=Q(**{criterion.field_name: answer.value})
            )
    counts = projects.aggregate(**aggregates)
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
