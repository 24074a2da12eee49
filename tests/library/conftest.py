import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from home.models import HomePage
from library.models import LibraryIndexPage

from .builders import make_capability, make_theme


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits live in the cache: every test starts with none spent."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The site's home page, whether or not the site's data migration made one."""
    site = Site.objects.get(is_default_site=True)
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
