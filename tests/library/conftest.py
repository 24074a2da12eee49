import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from library.models import LibraryIndexPage

from .builders import make_capability, make_theme


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits live in the cache: every test starts with none spent."""
    cache.clear()
    yield
    cache.clear()


def default_site():
    """The default site, made again if the database lost what migrations made.

    A transactional test starts on a database that an earlier one may have
    emptied, without the locale, root page and site that migrations wrote.
    """
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Racine", slug="root")
    )
    return Site.objects.create(
        hostname="localhost", port=80, root_page=root, is_default_site=True
    )


@pytest.fixture
def home_page(db):
    """The site's home page, whether or not the site's data migration made one."""
    site = default_site()
    root = site.root_page.specific
    if isinstance(root, HomePage):
        return root
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Accueil", slug="accueil-test")
    )
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def library_index(home_page):
    existing = LibraryIndexPage.objects.first()
    if existing is not None:
        return existing
    index = LibraryIndexPage(
        title="Bibliothèque d'IA territoriales", slug="bibliotheque"
    )
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def water_theme(db):
    return make_theme("Eau et assainissement")


@pytest.fixture
def vision(db):
    return make_capability("Vision par ordinateur")
