"""The public collectivity search: JSON for the picker, HTML without JavaScript."""

from django import forms
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .services import MAX_QUERY_LENGTH, clean_query, search_collectivities

# The register changes only when it is reloaded: answers can be shared.
SEARCH_CACHE_SECONDS = 60 * 60


class CollectivitySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Nom, code postal, code INSEE ou SIREN"),
        required=False,
        # Longer text is cut by the search itself rather than refused.
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "autocomplete": "off",
                "maxlength": MAX_QUERY_LENGTH,
            }
        ),
    )


def collectivity_as_json(collectivity):
    """The public facts about a collectivity that the picker shows."""

    def place(place):
        return {"code": place.code, "name": place.name} if place else None

    return {
        "id": collectivity.pk,
        "label": str(collectivity),
        "name": collectivity.name,
        "kind": collectivity.kind,
        "kind_label": str(collectivity.kind_label),
        "code": collectivity.code,
        "siren": collectivity.siren,
        "departement": place(collectivity.departement),
        "region": place(collectivity.region),
    }


@require_GET
@cache_control(public=True, max_age=SEARCH_CACHE_SECONDS)
def search_json(request):
    """The best matches for ``?q=``, as ``{"results": [...]}``."""
    result = search_collectivities(request.GET.get("q", ""))
    return JsonResponse(
        {"results": [collectivity_as_json(c) for c in result.collectivities]},
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
@cache_control(public=True, max_age=SEARCH_CACHE_SECONDS)
def search_page(request):
    """The same search as a page, for visitors without JavaScript."""
    query = clean_query(request.GET.get("q", ""))
    # The form shows the text searched, not whatever length was sent.
    form = CollectivitySearchForm({"q": query})
    result = search_collectivities(query) if query else None
    return TemplateResponse(
        request,
        "territories/search.html",
        {
            "form": form,
            "query": query,
            "result": result,
            "breadcrumb_trail": [
                (_("Rechercher une collectivité"), reverse("territories:search"))
            ],
        },
    )
