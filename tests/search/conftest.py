"""Pages, projects and signatures to search, built through the real models.

Pages are indexed as they are saved, as on the site: Wagtail's index update
runs at once with the default task backend.
"""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, PageViewRestriction, Site

from home.models import HomePage, StandardPage
from library.models import LibraryIndexPage
from manifesto.models import ManifestoChapterPage, ManifestoPage, Signature
from territories.models import Collectivity
from tests.factories import make_collectivity, make_departement
from tests.library.builders import make_project as build_project


@pytest.fixture
def home_page(db):
    """The home page at the root of the default site."""
    home = HomePage.objects.first()
    if home is None:
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Accueil", slug="accueil")
        )
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "root_page": home, "port": 80},
        )
    return home


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def make_page(home_page):
    """A standard page whose introduction holds ``text``; live unless told."""

    def make(title, text="", *, live=True, parent=None):
        page = StandardPage(
            title=title, slug=slugify(title)[:50], introduction=text, live=False
        )
        (parent or home_page).add_child(instance=page)
        return publish(page) if live else page

    return make


@pytest.fixture
def library_index(home_page):
    index = LibraryIndexPage(title="Bibliothèque d'IA territoriales", slug="biblio")
    home_page.add_child(instance=index)
    return publish(index)


@pytest.fixture
def make_project(library_index):
    """A project of the library; ``summary`` is the text most searches look in."""

    def make(title, summary="Un projet de collectivité.", *, live=True, **fields):
        slug = slugify(title)[:50]
        return build_project(
            library_index,
            title,
            summary=summary,
            slug=slug,
            publish=live,
            **fields,
        )

    return make


@pytest.fixture
def manifesto_page(home_page):
    page = ManifestoPage(
        title="Manifeste pour une IA responsable",
        slug="manifeste",
        introduction="<p>L'intelligence artificielle au service de l'action "
        "publique locale.</p>",
    )
    home_page.add_child(instance=page)
    return publish(page)


@pytest.fixture
def chapter(manifesto_page):
    page = ManifestoChapterPage(
        title="Une IA utile et proportionnée",
        slug="une-ia-utile",
        summary="Évaluer le coût écologique de chaque projet et préférer la "
        "sobriété numérique.",
    )
    manifesto_page.add_child(instance=page)
    return publish(page)


def make_signature(name, status=Signature.Status.APPROVED, **fields):
    """A signature of a commune called ``name``."""
    code = str(31000 + Collectivity.objects.count())
    collectivity = make_collectivity(
        name=name,
        code=code,
        siren=f"2{code}0000"[:9],
        departement=make_departement(),
        postcodes=(),
    )
    values = {
        "signer_name": "Camille Martin",
        "signer_mandate": "Maire",
        "email": f"contact-{code}@mairie.example",
        "status": status,
        "confirmed_at": timezone.now(),
    }
    values.update(fields)
    return Signature.objects.create(collectivity=collectivity, **values)


@pytest.fixture
def restrict_to_logged_in():
    """Put a page behind a login restriction, which hides it from visitors."""

    def restrict(page):
        return PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )

    return restrict


@pytest.fixture
def staff_member(django_user_model):
    """A person in one of the staff groups (Éditeurs, Modérateurs, ...)."""

    def make(group_name):
        user = django_user_model.objects.create_user(
            username=slugify(group_name), password="mot-de-passe-de-test"
        )
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make
