"""What every public page shows around its content: the site's shell.

The organisation's name and contact details, the main menu, the footer's
legal links and the default sharing image come from the site settings and the
page tree. They are the same for every visitor and every page of a site, so
they are built once and kept in the cache, per site, until something they are
made of changes: ``home.signals`` then calls ``invalidate()`` (see
``core.generation_cache`` for how a change during a build is not missed, and
why the cache must be shared by every process).
"""

from dataclasses import dataclass, field

from django.http.request import split_domain_port
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction, Site

from core.generation_cache import GenerationCache

from .models import AccessibilityStatus, SiteSettings

shells = GenerationCache("home:site-shell")
SHARING_IMAGE_FILTER = "fill-1200x630|format-jpeg"


@dataclass
class MenuEntry:
    pk: int
    path: str
    title: str
    url: str


@dataclass
class LegalLink:
    title: str
    url: str
    # The accessibility statement's link also states the compliance level.
    is_accessibility: bool = False


@dataclass
class SiteShell:
    """The parts of a site's shell, as plain values that can be cached."""

    site_id: int
    home_page_id: int
    home_path: str
    home_depth: int
    home_url: str
    organisation_name: str
    default_description: str = ""
    contact_email: str = ""
    postal_address: str = ""
    social_links: list = field(default_factory=list)
    menu: list = field(default_factory=list)
    legal_links: list = field(default_factory=list)
    accessibility_status: str = AccessibilityStatus.NOT_COMPLIANT
    # Whether the accessibility statement is published (and so linked).
    accessibility_page_live: bool = False
    # url (relative to the site), width, height, alt; or None.
    sharing_image: dict | None = None

    def get_accessibility_status_display(self):
        return dict(AccessibilityStatus.choices).get(
            self.accessibility_status, self.accessibility_status
        )

    def legal_link_title(self, link):
        if link.is_accessibility:
            return _("Accessibilité : %(status)s") % {
                "status": self.get_accessibility_status_display()
            }
        return link.title


def for_request(request):
    """The shell of the request's site, or None if no site answers the request.

    Read from the cache at most once per request.
    """
    if request is None:
        return None
    if not hasattr(request, "_site_shell"):
        site = find_site(request)
        request._site_shell = None if site is None else _cached(site, request)
    return request._site_shell


def invalidate():
    """Forget every site's shell; the next page view builds it again."""
    shells.invalidate()


def find_site(request):
    """The site that answers a request, as ``Site.find_for_request`` finds it.

    Wagtail looks the site up in the database on every request; here the
    sites come from the cache (they change with the shells' other parts).
    The site is remembered on the request where ``Site.find_for_request``
    looks for it first, so that Wagtail's own look-ups are spared too.
    """
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        sites = shells.get("sites", _all_sites)
        request._wagtail_site = choose_site(sites, hostname, request.get_port())
    return request._wagtail_site


def _all_sites():
    return list(Site.objects.select_related("root_page").order_by("pk"))


def choose_site(sites, hostname, port):
    """Among ``sites``, the one Wagtail picks for a host name and port, or None.

    A site of that host name and port first, then the default site if it has
    that host name, then the only site of that host name if there is one,
    else the default site.
    """
    try:
        port = int(port)
    except (TypeError, ValueError):
        port = None
    named = [site for site in sites if site.hostname == hostname]
    default = next((site for site in sites if site.is_default_site), None)
    for site in named:
        if site.port == port:
            return site
    if default is not None and default.hostname == hostname:
        return default
    if len(named) == 1:
        return named[0]
    if default is not None:
        return default
    return None


def restricted_paths():
    """The tree paths of the pages with a view restriction, from the cache.

    These pages and their descendants are not public. Cached with the
    shells, which are forgotten whenever a restriction or a page changes.
    """
    return shells.get(
        "restricted-paths",
        lambda: tuple(
            sorted(PageViewRestriction.objects.values_list("page__path", flat=True))
        ),
    )


def _cached(site, request):
    return shells.get(site.pk, lambda: build(site, request))


def build(site, request=None):
    """The shell of a site, from the database. Four queries, five with an image."""
    home = Page.objects.get(pk=site.root_page_id)
    site_settings = SiteSettings.for_site(site)
    shell = SiteShell(
        site_id=site.pk,
        home_page_id=home.pk,
        home_path=home.path,
        home_depth=home.depth,
        home_url=home.get_url(request) or "/",
        organisation_name=site_settings.organisation_name,
        default_description=site_settings.default_description,
        contact_email=site_settings.contact_email,
        postal_address=site_settings.postal_address,
        social_links=site_settings.social_links,
        accessibility_status=site_settings.accessibility_status,
        menu=_menu(home, request),
    )
    for page, is_accessibility in [
        (site_settings.legal_notice_page, False),
        (site_settings.privacy_page, False),
        (site_settings.accessibility_page, True),
    ]:
        if page is not None and page.live:
            shell.legal_links.append(
                LegalLink(page.title, page.get_url(request), is_accessibility)
            )
    page = site_settings.accessibility_page
    shell.accessibility_page_live = bool(page is not None and page.live)
    image = site_settings.default_sharing_image
    if image is not None:
        rendition = image.get_rendition(SHARING_IMAGE_FILTER)
        shell.sharing_image = {
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.default_alt_text,
        }
    return shell


def menu_pages(home):
    """The live public pages under the home page marked "show in menus".

    On PostgreSQL, the index of migration ``home.0005`` serves this query.
    """
    return Page.objects.child_of(home).live().public().in_menu().order_by("path")


def _menu(home, request):
    return [
        MenuEntry(page.pk, page.path, page.title, page.get_url(request))
        for page in menu_pages(home)
    ]
