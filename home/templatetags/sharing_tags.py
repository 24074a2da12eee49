"""Meta data of a page for search engines and social networks."""

from django import template
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The absolute URL under which the current page should be known."""
    request = context.get("request")
    if request is None:
        return ""
    page = context.get("page")
    if isinstance(page, Page):
        return page.get_full_url(request) or request.build_absolute_uri(request.path)
    return request.build_absolute_uri(request.path)


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
