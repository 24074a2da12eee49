"""Navigation of the site-wide shell: main menu, breadcrumb and footer links.

Each tag runs a fixed number of queries whatever the size of the page tree,
and none depends on who is looking, so that public pages can be cached.
"""

from django import template
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

register = template.Library()


def _current_page(context):
    """The Wagtail page being rendered, if the template renders one."""
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _site(context):
    request = context.get("request")
    return Site.find_for_request(request) if request is not None else None


def _home_url(context, site):
    if site is None:
        return "/"
    return site.root_page.get_url(context.get("request")) or "/"


@register.simple_tag(takes_context=True)
def home_link(context):
    """The URL of the current site's home page, and whether it is being shown."""
    site = _site(context)
    page = _current_page(context)
    return {
        "url": _home_url(context, site),
        "current": bool(site and page and page.pk == site.root_page_id),
    }


@register.simple_tag(takes_context=True)
def main_menu_items(context):
    """The live public pages under the home page that are marked "show in menus".

    Each item is a dict with ``title``, ``url`` and ``current``: ``"page"`` for
    the page being shown, ``"true"`` for a section it belongs to, else ``None``
    (for ``aria-current``).
    """
    site = _site(context)
    if site is None:
        return []
    request = context.get("request")
    current = _current_page(context)
    pages = site.root_page.get_children().live().public().in_menu()

    items = []
    for page in pages:
        if current is None:
            state = None
        elif current.pk == page.pk:
            state = "page"
        elif current.path.startswith(page.path):
            state = "true"
        else:
            state = None
        items.append(
            {"title": page.title, "url": page.get_url(request), "current": state}
        )
    return items


@register.simple_tag(takes_context=True)
def breadcrumb_items(context):
    """The trail from the home page to the current page, the last item current.

    Views that render no Wagtail page may set ``breadcrumb_trail`` in their
    context: a list of ``(title, url)`` pairs below the home page, the last one
    being the page shown. The home page itself gets no breadcrumb.
    """
    request = context.get("request")
    site = _site(context)
    home = {"title": _("Accueil"), "url": _home_url(context, site)}

    trail = context.get("breadcrumb_trail")
    if trail:
        return [home] + [{"title": title, "url": url} for title, url in trail]

    page = _current_page(context)
    if page is None or site is None or page.depth <= site.root_page.depth:
        return []
    if not page.path.startswith(site.root_page.path):
        return []
    ancestors = page.get_ancestors().filter(depth__gt=site.root_page.depth)
    return (
        [home]
        + [
            {"title": ancestor.title, "url": ancestor.get_url(request)}
            for ancestor in ancestors
        ]
        + [{"title": page.title, "url": page.get_url(request)}]
    )


@register.simple_tag(takes_context=True)
def legal_links(context, site_settings):
    """Links to the live legal pages chosen in the site settings, in order.

    The accessibility link carries the compliance status, as French law asks.
    """
    request = context.get("request")
    if not site_settings:
        return []
    links = []
    for page, label in [
        (site_settings.legal_notice_page, None),
        (site_settings.privacy_page, None),
        (
            site_settings.accessibility_page,
            _("Accessibilité : %(status)s")
            % {"status": site_settings.get_accessibility_status_display()},
        ),
    ]:
        if page is not None and page.live:
            links.append({"title": label or page.title, "url": page.get_url(request)})
    return links
