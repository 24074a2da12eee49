"""The staff roles: what editors, moderators and administrators may do."""

from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import GroupApprovalTask, Page, Workflow
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from home.models import SiteSettings

pytestmark = pytest.mark.django_db

EDITORS = "Éditeurs"
MODERATORS = "Modérateurs"
ADMINISTRATORS = "Administrateurs"

SITE_SETTINGS_URL = reverse("wagtailsettings:edit", args=["home", "sitesettings"])
USERS_URL = reverse("wagtailusers_users:index")
REDIRECTS_URL = reverse("wagtailredirects:index")


def image_policy():
    return CollectionOwnershipPermissionPolicy(
        Image, owner_field_name="uploaded_by_user"
    )


def document_policy():
    return CollectionOwnershipPermissionPolicy(
        Document, owner_field_name="uploaded_by_user"
    )


def test_the_three_roles_exist_under_french_names():
    """Wagtail's English default groups are renamed, not left beside ours."""
    names = set(Group.objects.values_list("name", flat=True))

    assert {EDITORS, MODERATORS, ADMINISTRATORS} <= names
    assert not names & {"Editors", "Moderators"}


def test_every_role_can_open_the_admin(client, make_member):
    for role in (EDITORS, MODERATORS, ADMINISTRATORS):
        client.force_login(make_member(role))
        assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_editor_writes_and_publishes_pages(home_page, make_member, make_page):
    editor = make_member(EDITORS)
    page = make_page("À propos")

    home_permissions = home_page.permissions_for_user(editor)
    assert home_permissions.can_add_subpage()
    assert home_permissions.can_publish_subpage()
    assert page.permissions_for_user(editor).can_edit()
    assert page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(editor).can_unpublish()


def test_editor_manages_media_and_redirects(client, make_member):
    editor = make_member(EDITORS)

    assert image_policy().user_has_permission(editor, "add")
    assert image_policy().user_has_permission(editor, "change")
    assert document_policy().user_has_permission(editor, "add")
    assert editor.has_perm("wagtailredirects.add_redirect")
    client.force_login(editor)
    assert client.get(REDIRECTS_URL).status_code == 200


def test_editor_cannot_manage_users_or_settings(client, make_member):
    editor = make_member(EDITORS)
    client.force_login(editor)

    assert not editor.has_perm("auth.change_user")
    assert not editor.has_perm("home.change_sitesettings")
    assert client.get(USERS_URL).status_code in (302, 403)
    assert client.get(SITE_SETTINGS_URL).status_code in (302, 403)


def test_moderator_reviews_pages_without_publishing_them(
    home_page, make_member, make_page
):
    """Moderators approve what is submitted to them, and publish nothing alone."""
    moderator = make_member(MODERATORS)
    page = make_page("Projet proposé")
    permissions = page.permissions_for_user(moderator)

    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert not home_page.permissions_for_user(moderator).can_add_subpage()
    workflow = Workflow.objects.get(name="Validation par les modérateurs")
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]
    assert page.get_workflow() == workflow


def test_moderator_cannot_manage_users_settings_or_redirects(
    client, make_member, image
):
    moderator = make_member(MODERATORS)
    client.force_login(moderator)

    assert not moderator.has_perm("auth.change_user")
    assert not moderator.has_perm("home.change_sitesettings")
    assert not moderator.has_perm("wagtailredirects.add_redirect")
    assert image_policy().user_has_permission(moderator, "choose")
    assert not image_policy().user_has_permission_for_instance(
        moderator, "delete", image
    ), "an image uploaded by someone else"
    assert client.get(USERS_URL).status_code in (302, 403)
    assert client.get(SITE_SETTINGS_URL).status_code in (302, 403)


def test_administrator_manages_users_groups_and_settings(client, make_member):
    administrator = make_member(ADMINISTRATORS)
    client.force_login(administrator)

    assert administrator.has_perm("auth.add_user")
    assert administrator.has_perm("auth.change_group")
    assert client.get(USERS_URL).status_code == 200
    response = client.get(SITE_SETTINGS_URL, follow=True)
    assert response.status_code == 200
    assert response.context["form"].instance.__class__ is SiteSettings


def test_administrator_saves_site_settings(client, make_member, site_settings):
    administrator = make_member(ADMINISTRATORS)
    client.force_login(administrator)
    url = reverse(
        "wagtailsettings:edit", args=["home", "sitesettings", site_settings.site_id]
    )
    data = {
        "organisation_name": "Réseau des territoires",
        "default_description": "",
        "contact_email": "ecrire@reseau.example",
        "postal_address": "",
        "mastodon_url": "",
        "bluesky_url": "",
        "linkedin_url": "",
        "peertube_url": "",
        "accessibility_status": "non-conforme",
        "data_controller": "",
        "data_protection_email": "",
        "unconfirmed_retention_days": "30",
        "contact_retention_months": "36",
        "signature_legal_basis": "consentement",
        "contribution_legal_basis": "consentement",
    }

    response = client.post(url, data)

    assert response.status_code == 302
    site_settings.refresh_from_db()
    assert site_settings.organisation_name == "Réseau des territoires"


def test_administrator_has_every_page_permission(home_page, make_member, make_page):
    administrator = make_member(ADMINISTRATORS)
    section = make_page("Rubrique")
    make_page("Sous-page", parent=section)

    permissions = section.permissions_for_user(administrator)
    assert permissions.can_publish()
    assert permissions.can_delete(), "including a page that has children"
    assert (
        not Page.get_first_root_node().permissions_for_user(administrator).can_delete()
    )


def test_roles_migration_merges_a_leftover_wagtail_group(django_user_model):
    """An "Editors" group found beside "Éditeurs" is merged into it, users kept."""
    roles_migration = import_module("home.migrations.0003_roles")
    leftover = Group.objects.create(name="Editors")
    user = django_user_model.objects.create_user(username="ancienne-editrice")
    user.groups.add(leftover)

    roles_migration.create_roles(django_apps, schema_editor=None)

    assert not Group.objects.filter(name="Editors").exists()
    assert list(user.groups.values_list("name", flat=True)) == [EDITORS]


def test_roles_migration_gives_the_same_result_when_run_again():
    roles_migration = import_module("home.migrations.0003_roles")

    def snapshot():
        return {
            group.name: (
                sorted(group.permissions.values_list("codename", flat=True)),
                sorted(
                    group.page_permissions.values_list("permission__codename", "page")
                ),
                sorted(
                    group.collection_permissions.values_list(
                        "permission__codename", "collection"
                    )
                ),
            )
            for group in Group.objects.all()
        }

    before = snapshot()
    roles_migration.create_roles(django_apps, schema_editor=None)

    assert snapshot() == before
