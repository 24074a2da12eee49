"""Fixtures for the manifesto: its pages, collectivities, signatures, people."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from wagtail.models import Page, Site

from home.models import HomePage
from manifesto.models import ManifestoChapterPage, ManifestoPage, Signature
from territories.models import Collectivity
from tests.factories import make_collectivity, make_departement, make_region


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Accueil", slug="accueil"))
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "root_page": home, "port": 80},
        )
    return home


@pytest.fixture
def manifesto_page(home_page):
    page = home_page.add_child(
        instance=ManifestoPage(
            title="Manifeste pour une IA responsable",
            slug="manifeste",
            introduction="<p>Une IA au service de l'action publique locale.</p>",
        )
    )
    return page


def add_chapter(manifesto, title, slug, body=(), summary=""):
    return manifesto.add_child(
        instance=ManifestoChapterPage(
            title=title, slug=slug, summary=summary, body=list(body)
        )
    )


@pytest.fixture
def chapters(manifesto_page):
    first = add_chapter(
        manifesto_page,
        "Une IA sociale",
        "une-ia-sociale",
        body=[
            ("principle", {"title": "L'utilité se démontre", "text": ""}),
            ("commitment", {"title": "Nous mesurons l'utilité", "text": ""}),
            ("principle", {"title": "Personne n'est laissé de côté", "text": ""}),
        ],
        summary="Une IA utile à toutes et à tous.",
    )
    second = add_chapter(
        manifesto_page,
        "Une IA ouverte et démocratique",
        "une-ia-ouverte",
        body=[("commitment", {"title": "Nous publions nos algorithmes", "text": ""})],
    )
    return [first, second]


@pytest.fixture
def occitanie(db):
    return make_region("76", "Occitanie")


@pytest.fixture
def bretagne(db):
    return make_region("53", "Bretagne")


@pytest.fixture
def labege(occitanie):
    return make_collectivity()


@pytest.fixture
def rennes(bretagne):
    return make_collectivity(
        name="Rennes",
        code="35238",
        siren="213502388",
        departement=make_departement("35", "Ille-et-Vilaine", bretagne),
        postcodes=("35000",),
    )


@pytest.fixture
def sicoval(occitanie):
    return make_collectivity(
        name="Communauté d'agglomération du Sicoval",
        kind=Collectivity.Kind.CA,
        code="243100633",
        siren="243100633",
        postcodes=(),
    )


def make_signature(collectivity, status=Signature.Status.APPROVED, **fields):
    now = timezone.now()
    unconfirmed = status == Signature.Status.AWAITING_CONFIRMATION
    values = {
        "signer_name": "Camille Martin",
        "signer_mandate": "Maire",
        "email": f"contact-{collectivity.code}@mairie.example",
        "status": status,
        "confirmed_at": None if unconfirmed else now,
    }
    values.update(fields)
    return Signature.objects.create(collectivity=collectivity, **values)


def image_file(name="logo.png", image_format="PNG", size=(200, 100), mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, "#1d4f91").save(buffer, format=image_format)
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}
    return SimpleUploadedFile(
        name, buffer.getvalue(), content_type.get(image_format, "image/gif")
    )


def signing_data(target, **overrides):
    """What a visitor submits to sign for a collectivity, picker included."""
    data = {
        "collectivity": target.name,
        "collectivity_id": str(target.pk),
        "signer_name": "Camille Martin",
        "signer_mandate": "Maire",
        "email": "camille.martin@mairie.example",
        "deliberation_date": "",
        "deliberation_url": "",
        "public_message": "",
        "consent": "on",
        "site_web": "",
    }
    data.update(overrides)
    return data


def add_to_group(user, group_name, *permissions):
    """Put a user in a role's group, with extra "app_label.codename" permissions."""
    user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    for permission in permissions:
        app_label, codename = permission.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        "moderatrice", "moderation@association.example", "mot-de-passe-solide"
    )
    return add_to_group(user, "Modérateurs", "wagtailadmin.access_admin")


@pytest.fixture
def editor(django_user_model):
    """An editor who may look at signatures but not decide on them."""
    user = django_user_model.objects.create_user(
        "editeur", "edition@association.example", "mot-de-passe-solide"
    )
    return add_to_group(
        user, "Éditeurs", "wagtailadmin.access_admin", "manifesto.view_signature"
    )
