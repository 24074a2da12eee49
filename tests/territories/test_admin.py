"""The register in the admin: browsed by staff, never edited, chosen by editors."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_territories_collectivity:list"
INSPECT = "wagtailsnippets_territories_collectivity:inspect"
EDIT = "wagtailsnippets_territories_collectivity:edit"
ADD = "wagtailsnippets_territories_collectivity:add"
DELETE = "wagtailsnippets_territories_collectivity:delete"
CHOOSE = "wagtailsnippetchoosers_territories_collectivity:choose"
CHOOSE_RESULTS = "wagtailsnippetchoosers_territories_collectivity:choose_results"
CHOSEN = "wagtailsnippetchoosers_territories_collectivity:chosen"


def make_admin_user(django_user_model, username, groups=()):
    """A user who may enter the admin, in the given groups."""
    user = django_user_model.objects.create_user(username, password="x" * 12)
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(make_admin_user(django_user_model, "editor", ["Éditeurs"]))
    return client


@pytest.fixture
def page_editor_client(client, django_user_model):
    """A user of the admin with no permission on the register itself."""
    client.force_login(make_admin_user(django_user_model, "page-editor"))
    return client


@pytest.mark.parametrize("name", ["Éditeurs", "Modérateurs", "Administrateurs"])
def test_staff_groups_may_view_the_register(name):
    """The data migration gives the staff groups the register's view permission."""
    group = Group.objects.get(name=name)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert "view_collectivity" in codenames
    assert not codenames & {
        "add_collectivity",
        "change_collectivity",
        "delete_collectivity",
    }


def test_editor_lists_the_register(editor_client, small_register):
    response = editor_client.get(reverse(LIST))
    assert response.status_code == 200
    assertContains(response, "Labège")
    assertContains(response, "213102544")


@pytest.mark.parametrize(
    "query", ["labege", "LABÈGE", "213102544", "31670", "31254", "Labège (31)"]
)
def test_editor_searches_by_name_siren_postcode_or_code(
    editor_client, small_register, query
):
    """The admin search matches as the public picker does."""
    response = editor_client.get(reverse(LIST), {"q": query})
    assert response.status_code == 200
    assertContains(response, "Labège")
    assertNotContains(response, "Saint-Étienne")


def test_admin_search_shows_parts_of_communes_too(editor_client, small_register):
    """The admin lists the whole register, communes déléguées included."""
    response = editor_client.get(reverse(LIST), {"q": "labege le vieux"})
    assertContains(response, "Labège-le-Vieux")


def test_editor_filters_by_kind_and_region(editor_client, small_register):
    response = editor_client.get(reverse(LIST), {"kind": "ca"})
    assertContains(response, "CA du Sicoval")
    assertNotContains(response, "Labège (31)")
    response = editor_client.get(reverse(LIST), {"region": "28"})
    assertContains(response, "Saint-Étienne-du-Rouvray")
    assertNotContains(response, "Labège")


def test_editor_inspects_a_collectivity(editor_client, small_register):
    labege = small_register["labege"]
    response = editor_client.get(reverse(INSPECT, args=[labege.pk]))
    assert response.status_code == 200
    assertContains(response, "213102544")
    assertContains(response, "31670")
    assertContains(response, "Haute-Garonne")
    assert re.search(r"<dt>Au référentiel en vigueur</dt>\s*<dd>\s*oui", response.text)


@pytest.mark.parametrize("superuser", [False, True])
def test_nobody_edits_adds_or_deletes_by_hand(
    client, django_user_model, small_register, superuser
):
    """The register is read-only in the admin, even for a superuser."""
    user = make_admin_user(django_user_model, "editor", ["Éditeurs"])
    user.is_superuser = superuser
    user.save()
    client.force_login(user)
    labege = small_register["labege"]

    assert client.get(reverse(EDIT, args=[labege.pk])).status_code == 302
    response = client.post(reverse(EDIT, args=[labege.pk]), {"name": "X"})
    assert response.status_code == 302
    assert client.get(reverse(ADD)).status_code == 302
    assert client.post(reverse(DELETE, args=[labege.pk])).status_code == 302
    labege.refresh_from_db()
    assert labege.name == "Labège"

    response = client.get(reverse(LIST))
    assertContains(response, reverse(INSPECT, args=[labege.pk]))
    assertNotContains(response, reverse(EDIT, args=[labege.pk]))
    assertNotContains(response, reverse(ADD))


def test_user_without_view_permission_cannot_browse_the_register(
    page_editor_client, small_register
):
    response = page_editor_client.get(reverse(LIST))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("groups", [[], ["Éditeurs"]])
def test_page_editor_can_use_the_chooser(
    client, django_user_model, small_register, groups
):
    """Choosing a collectivity for a page needs no more than the view permission.

    A user of the admin without any permission on the register, as well as
    an editor who may only view it, can search and choose in the chooser.
    """
    page_editor_client = client
    page_editor_client.force_login(
        make_admin_user(django_user_model, "page-editor", groups)
    )
    response = page_editor_client.get(reverse(CHOOSE))
    assert response.status_code == 200
    assert response.json()["step"] == "choose"
    assert "Rechercher" in response.json()["html"]

    response = page_editor_client.get(reverse(CHOOSE_RESULTS), {"q": "labege"})
    assert response.status_code == 200
    assertContains(response, "Labège (31)")
    assertNotContains(response, "Labège-le-Vieux")

    labege = small_register["labege"]
    response = page_editor_client.get(reverse(CHOSEN, args=[labege.pk]))
    assert response.status_code == 200
    assert response.json()["result"]["string"] == "Labège (31)"


def test_chooser_searches_by_postcode_and_filters_by_kind(
    page_editor_client, small_register
):
    response = page_editor_client.get(reverse(CHOOSE_RESULTS), {"q": "31670"})
    assertContains(response, "Labège (31)")
    response = page_editor_client.get(
        reverse(CHOOSE_RESULTS), {"q": "toulouse", "kind": "metropole"}
    )
    assertContains(response, "Toulouse Métropole")
    assertNotContains(response, "Vieille-Toulouse")


def test_chooser_offers_no_creation(page_editor_client, admin_client, small_register):
    """The chooser has no tab to create a collectivity, even for a superuser."""
    response = admin_client.get(reverse(CHOOSE))
    assert "creation_form" not in response.json()["html"]
    assert 'id="tab-create"' not in response.json()["html"]
