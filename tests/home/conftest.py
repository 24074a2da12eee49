"""Builders of pages and settings for the home app's tests."""

import pytest
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from home.models import HomePage, SiteSettings, StandardPage


@pytest.fixture
def home_page(db):
    """The home page the migrations put at the root of the default site."""
    return HomePage.objects.get()


@pytest.fixture
def site_settings(home_page):
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def make_page(home_page):
    """Build a standard page, published unless ``live=False``."""

    def make(title="À propos", parent=None, live=True, **fields):
        fields.setdefault("slug", slugify(title))
        page = StandardPage(title=title, live=live, **fields)
        (parent or home_page).add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def image(db):
    return Image.objects.create(
        title="Carte du réseau", file=get_test_image_file(size=(1600, 1000))
    )


@pytest.fixture
def make_member(django_user_model):
    """Build a staff member who belongs to the group named ``role``."""

    def make(role, username=None):
        user = django_user_model.objects.create_user(
            username=username or slugify(role), password="mot-de-passe-de-test"
        )
        user.groups.add(Group.objects.get(name=role))
        return user

    return make
