"""Meta data of a page for search engines and social networks."""

from django import template
from django.urls import NoReverseMatch
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute URL under which the current page should be known."""
    request = context.get("request")
    if request is None:
        return ""
    page = context.get("page")
    if not isinstance(page, Page):
        return request.build_absolute_uri(request.path)
    page_url = page.get_full_url(request)
    if not page_url:
        return request.build_absolute_uri(request.path)
    # A route of a routable page (the signatories of the manifesto, the
    # history of a project) is known under its own address, not its page's.
    match = getattr(request, "routable_resolver_match", None)
    if match is not None and isinstance(page, RoutablePageMixin):
        try:
            return page_url + page.reverse_subpage(
                match.url_name, args=match.args, kwargs=match.kwargs
            )
        except NoReverseMatch:
            return request.build_absolute_uri(request.path)
    return page_url


@register.simple_tag(takes_context=True)
def sharing_image(context, image):
    """The sharing image of the site's shell, its address made absolute, or None.

    ``image`` is the rendition described by ``home.shell`` (sized for social
    networks).
    """
    request = context.get("request")
    if not image or request is None:
        return None
    return {**image, "url": request.build_absolute_uri(image["url"])}
