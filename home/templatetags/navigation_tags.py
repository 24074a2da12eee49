"""Navigation of the site-wide shell: main menu, breadcrumb and footer links.

The menu and the footer come from the site's shell (``home.shell``), which is
cached: once it is built, they cost no query at all. None of them depends on
who is looking, so that public pages can be cached.
"""

from django import template
from django.utils.translation import gettext as _
from wagtail.models import Page

from home import shell as site_shell

register = template.Library()


def _current_page(context):
    """The Wagtail page being rendered, if the template renders one."""
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def shell(context):
    """The shell of the current site (see ``home.shell.SiteShell``), or None."""
    return site_shell.for_request(context.get("request"))


@register.simple_tag(takes_context=True)
def home_link(context):
    """The URL of the current site's home page, and whether it is being shown."""
    current = site_shell.for_request(context.get("request"))
    page = _current_page(context)
    return {
        "url": current.home_url if current else "/",
        "current": bool(current and page and page.pk == current.home_page_id),
    }


@register.simple_tag(takes_context=True)
def main_menu_items(context):
    """The live public pages under the home page that are marked "show in menus".

    Each item is a dict with ``title``, ``url`` and ``current``: ``"page"`` for
    the page being shown, ``"true"`` for a section it belongs to, else ``None``
    (for ``aria-current``).
    """
    current_shell = site_shell.for_request(context.get("request"))
    if current_shell is None:
        return []
    current = _current_page(context)
    items = []
    for entry in current_shell.menu:
        if current is None:
            state = None
        elif current.pk == entry.pk:
            state = "page"
        elif current.path.startswith(entry.path):
            state = "true"
        else:
            state = None
        items.append({"title": entry.title, "url": entry.url, "current": state})
    return items


@register.simple_tag(takes_context=True)
def breadcrumb_items(context):
    """The trail from the home page to the current page, the last item current.

    Views that render no Wagtail page may set ``breadcrumb_trail`` in their
    context: a list of ``(title, url)`` pairs below the home page, the last one
    being the page shown. The home page itself gets no breadcrumb.
    """
    request = context.get("request")
    current_shell = site_shell.for_request(request)
    home = {
        "title": _("Accueil"),
        "url": current_shell.home_url if current_shell else "/",
    }

    trail = context.get("breadcrumb_trail")
    if trail:
        return [home] + [{"title": title, "url": url} for title, url in trail]

    page = _current_page(context)
    if page is None or current_shell is None:
        return []
    if page.depth <= current_shell.home_depth:
        return []
    if not page.path.startswith(current_shell.home_path):
        return []
    ancestors = page.get_ancestors().filter(depth__gt=current_shell.home_depth)
    return (
        [home]
        + [
            {"title": ancestor.title, "url": ancestor.get_url(request)}
            for ancestor in ancestors
        ]
        + [{"title": page.title, "url": page.get_url(request)}]
    )


@register.simple_tag(takes_context=True)
def legal_links(context):
    """Links to the live legal pages chosen in the site settings, in order.

    The accessibility link carries the compliance status, as French law asks.
    """
    current_shell = site_shell.for_request(context.get("request"))
    if current_shell is None:
        return []
    return [
        {"title": current_shell.legal_link_title(link), "url": link.url}
        for link in current_shell.legal_links
    ]
