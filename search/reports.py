"""Reports for editors: what visitors search for, and what they do not find.

Counts come from the daily hits that the search page records: Wagtail's
``QueryDailyHits`` for every search, ``NoResultDailyHits`` for those that found
nothing. Both are kept ``WAGTAILSEARCH_HITS_MAX_AGE`` days.
"""

import datetime
from urllib.parse import urlencode

import django_filters
from django.db.models import IntegerChoices, IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from .models import NoResultDailyHits

PERMISSION = "search.view_search_reports"


class Period(IntegerChoices):
    WEEK = 7, _("Les 7 derniers jours")
    MONTH = 30, _("Les 30 derniers jours")
    QUARTER = 90, _("Les 90 derniers jours")


class PeriodFilterSet(WagtailFilterSet):
    # The period is applied when the counts are computed, not as a filter.
    period = django_filters.ChoiceFilter(
        label=_("Période"),
        choices=[(str(value), label) for value, label in Period.choices],
        empty_label=None,
        method="count_over_period",
    )

    class Meta:
        model = Query
        fields = []

    def count_over_period(self, queryset, name, value):
        return queryset


def _sum_since(model, since):
    """The hits of ``model`` for each query since a date, as a subquery."""
    return Coalesce(
        Subquery(
            model.objects.filter(query=OuterRef("pk"), date__gte=since)
            .values("query")
            .annotate(total=Sum("hits"))
            .values("total"),
            output_field=IntegerField(),
        ),
        0,
    )


def public_search_url(query):
    return f"{reverse('search:search')}?{urlencode({'q': query.query_string})}"


class SearchReportView(ReportView):
    """Queries with their number of searches over a period."""

    header_icon = "search"
    filterset_class = PeriodFilterSet
    is_searchable = True
    search_fields = ["query_string"]
    paginate_by = 50
    columns = [
        TitleColumn(
            "query_string",
            label=_("Recherche"),
            sort_key="query_string",
            get_url=public_search_url,
            link_attrs={"target": "_blank", "rel": "noopener"},
        ),
        NumberColumn("searches", label=_("Recherches"), sort_key="searches"),
        NumberColumn(
            "searches_without_result",
            label=_("Sans résultat"),
            sort_key="searches_without_result",
        ),
        Column(
            "last_searched",
            label=_("Dernière recherche"),
            accessor=lambda query: (
                date_format(query.last_searched, "j F Y") if query.last_searched else ""
            ),
            sort_key="last_searched",
        ),
    ]
    list_export = ["query_string", "searches", "searches_without_result"]
    export_headings = {
        "query_string": _("Recherche"),
        "searches": _("Recherches"),
        "searches_without_result": _("Sans résultat"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    @property
    def period(self):
        filters = self.filters
        if filters is not None and filters.is_valid():
            return int(filters.form.cleaned_data.get("period") or Period.MONTH)
        return Period.MONTH

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        if "period" not in kwargs["data"]:
            kwargs["data"] = kwargs["data"].copy()
            kwargs["data"]["period"] = str(Period.MONTH.value)
        return kwargs

    def get_base_queryset(self):
        since = timezone.localdate() - datetime.timedelta(days=self.period - 1)
        return Query.objects.annotate(
            searches=_sum_since(QueryDailyHits, since),
            searches_without_result=_sum_since(NoResultDailyHits, since),
            last_searched=Subquery(
                QueryDailyHits.objects.filter(query=OuterRef("pk"))
                .order_by("-date")
                .values("date")[:1]
            ),
        )


class FrequentQueriesReportView(SearchReportView):
    page_title = _("Recherches les plus fréquentes")
    index_url_name = "search_reports:frequent"
    index_results_url_name = "search_reports:frequent_results"
    default_ordering = "-searches"

    def get_base_queryset(self):
        return super().get_base_queryset().filter(searches__gt=0)


class QueriesWithoutResultReportView(SearchReportView):
    page_title = _("Recherches sans résultat")
    index_url_name = "search_reports:without_result"
    index_results_url_name = "search_reports:without_result_results"
    default_ordering = "-searches_without_result"

    def get_base_queryset(self):
        return super().get_base_queryset().filter(searches_without_result__gt=0)
