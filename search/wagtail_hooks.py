from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.search import SearchArea

from .reports import (
    PERMISSION,
    FrequentQueriesReportView,
    QueriesWithoutResultReportView,
)

report_urls = [
    path("", FrequentQueriesReportView.as_view(), name="frequent"),
    path(
        "results/",
        FrequentQueriesReportView.as_view(results_only=True),
        name="frequent_results",
    ),
    path(
        "sans-resultat/",
        QueriesWithoutResultReportView.as_view(),
        name="without_result",
    ),
    path(
        "sans-resultat/results/",
        QueriesWithoutResultReportView.as_view(results_only=True),
        name="without_result_results",
    ),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/recherches/",
            include((report_urls, "search_reports"), namespace="search_reports"),
        )
    ]


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_frequent_queries_menu_item():
    return SearchReportMenuItem(
        _("Recherches fréquentes"),
        reverse("search_reports:frequent"),
        name="search-frequent-queries",
        icon_name="search",
        order=1310,
    )


@hooks.register("register_reports_menu_item")
def register_queries_without_result_menu_item():
    return SearchReportMenuItem(
        _("Recherches sans résultat"),
        reverse("search_reports:without_result"),
        name="search-queries-without-result",
        icon_name="warning",
        order=1320,
    )


@hooks.register("register_permissions")
def register_report_permission():
    app_label, codename = PERMISSION.split(".")
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    )


class SignaturesSearchArea(SearchArea):
    """Offer the signatures in the admin's search, to those who may see them."""

    def is_shown(self, request):
        return request.user.has_perm("manifesto.view_signature")


@hooks.register("register_admin_search_area")
def register_signatures_search_area():
    return SignaturesSearchArea(
        _("Signatures"),
        reverse("manifesto_signature_modeladmin_index"),
        name="signatures",
        icon_name="form",
        order=500,
    )
