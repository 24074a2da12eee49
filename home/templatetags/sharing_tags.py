"""Meta data of a page for search engines and social networks."""

from django import template
from wagtail.models import Page

register = template.Library()

SHARING_IMAGE_FILTER = "fill-1200x630|format-jpeg"


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
    """A rendition of ``image`` sized for social networks, or ``None``."""
    request = context.get("request")
    if image is None or request is None:
        return None
    rendition = image.get_rendition(SHARING_IMAGE_FILTER)
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }
