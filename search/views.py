"""The search page and the suggestions that the search box offers as one types.

Both answer any query string with a page (or JSON), never an error: what
arrives in ``q``, ``type`` and ``page`` is cleaned or ignored by the service.
"""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .kinds import PAGE_KINDS, Kind
from .query import MAX_QUERY_LENGTH
from .services import MAX_MATCHES, NO_RESULT_ADVICE, search_site, suggest


@require_safe
def search(request):
    found = search_site(
        request,
        request.GET.get("q", ""),
        raw_kind=request.GET.get("type"),
        raw_page=request.GET.get("page"),
    )
    context = {
        "search": found,
        "max_query_length": MAX_QUERY_LENGTH,
        "max_matches": number_format(MAX_MATCHES, force_grouping=True),
        "filters": _filters(found),
        "pagination": _pagination(found),
        "advice": NO_RESULT_ADVICE,
    }
    return TemplateResponse(request, "search/search.html", context)


@require_safe
@cache_control(max_age=300, public=True)
def suggestions(request):
    return JsonResponse(
        {"suggestions": suggest(request, request.GET.get("q", ""))},
        json_dumps_params={"ensure_ascii": False},
    )


def search_url(query, kind=None, page=None):
    """The address of a search, with only the parameters that matter."""
    parameters = {"q": query}
    if kind:
        parameters["type"] = kind.value
    if page and page > 1:
        parameters["page"] = page
    return f"{reverse('search:search')}?{urlencode(parameters)}"


def _filters(found):
    """Links to every kind of result, and to all of them, with their counts."""
    if not found.found:
        return []
    counts = {count.kind: count for count in found.counts}
    filters = [
        {
            "label": _("Tout"),
            "count": found.total,
            "has_more": found.total_has_more,
            "url": search_url(found.query),
            "current": found.kind is None,
        }
    ]
    for kind in [*PAGE_KINDS, Kind.SIGNATORY]:
        count = counts[kind]
        if count.count == 0 and found.kind != kind:
            continue
        filters.append(
            {
                "label": kind.label,
                "count": count.count,
                "has_more": count.has_more,
                "url": search_url(found.query, kind),
                "current": found.kind == kind,
            }
        )
    return filters


def _pagination(found):
    """Links to the previous, next and numbered pages; gaps are ``None``."""
    page = found.page
    if page is None or page.paginator.num_pages < 2:
        return None
    previous_url = next_url = None
    if page.has_previous():
        previous_url = search_url(found.query, found.kind, page.previous_page_number())
    if page.has_next():
        next_url = search_url(found.query, found.kind, page.next_page_number())
    links = [
        None
        if number == page.paginator.ELLIPSIS
        else {
            "number": number,
            "url": search_url(found.query, found.kind, number),
            "current": number == page.number,
        }
        for number in page.paginator.get_elided_page_range(
            page.number, on_each_side=2, on_ends=1
        )
    ]
    return {"previous_url": previous_url, "next_url": next_url, "links": links}
