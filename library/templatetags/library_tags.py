import re

from django import template
from django.template.defaultfilters import linebreaks_filter, linebreaksbr
from django.urls import reverse
from django.utils.text import normalize_newlines

from ..assessment import Answer
from ..models import LibraryIndexPage, ProjectPage

register = template.Library()

# A sign beside each answer, so that no meaning rests on colour alone; the
# answer is always written out as well.
ANSWER_SIGNS = {
    Answer.YES: "✓",
    Answer.PARTLY: "◐",
    Answer.NO: "✗",
    Answer.NOT_STATED: "?",
}


@register.simple_tag
def collectivity_url(collectivity):
    """The address of a collectivity's profile in the library."""
    return reverse("library:collectivity", args=[collectivity.public_identifier])


@register.filter
def answer_sign(value):
    return ANSWER_SIGNS.get(value, "")


@register.filter(is_safe=True, needs_autoescape=True)
def paragraphs(value, autoescape=True):
    """Text in ``<p>`` elements when it has several paragraphs.

    A single paragraph stays a run of text, its line breaks kept: the element
    that holds it is its paragraph already.
    """
    text = normalize_newlines(str(value)).strip("\n")
    if len(re.split("\n{2,}", text)) > 1:
        return linebreaks_filter(text, autoescape)
    return linebreaksbr(text, autoescape)


@register.filter
def nearby_pages(page):
    """The numbers of the pages worth a link from ``page``: the first, the last
    and two on each side of it, in order, however many pages there are."""
    paginator = page.paginator
    return [
        number
        for number in paginator.get_elided_page_range(
            page.number, on_each_side=2, on_ends=1
        )
        if number != paginator.ELLIPSIS
    ]


@register.simple_tag(takes_context=True)
def query_without(context, param, value=None):
    """The current query string without one filter value (or the whole filter)."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    if value is None:
        params.pop(param, None)
    else:
        params.setlist(
            param, [kept for kept in params.getlist(param) if kept != str(value)]
        )
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.inclusion_tag("library/includes/latest_projects.html", takes_context=True)
def latest_projects(context, count=3):
    """The most recently published projects, for the home page."""
    projects = (
        ProjectPage.objects.live()
        .public()
        .select_related("lead_collectivity")
        .prefetch_related("themes")
        .order_by("-first_published_at")[:count]
    )
    return {
        "request": context.get("request"),
        "projects": projects,
        "library": LibraryIndexPage.objects.live().first(),
    }
