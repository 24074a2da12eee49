"""The demo content loads once, whatever the number of runs, and the demo login."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from home.management.commands import load_demo_content
from home.models import HomePage, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            Revision,
            Site,
            SiteSettings,
            Group,
            get_user_model(),
        )
    }


def test_fresh_database_serves_a_home_page_instead_of_wagtails_welcome():
    site = Site.objects.get(is_default_site=True)

    assert site.root_page.specific_class is HomePage
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


def test_loading_the_demo_twice_changes_nothing(capsys):
    call_command("load_demo_content")
    after_first_run = counts()
    titles = sorted(Page.objects.values_list("title", flat=True))

    call_command("load_demo_content")

    assert counts() == after_first_run
    assert sorted(Page.objects.values_list("title", flat=True)) == titles


def test_demo_builds_home_standard_pages_and_settings(client):
    call_command("load_demo_content")

    home = HomePage.objects.get()
    assert home.introduction
    slugs = set(StandardPage.objects.live().values_list("slug", flat=True))
    assert {
        "a-propos",
        "mentions-legales",
        "donnees-personnelles",
        "accessibilite",
    } <= slugs
    site_settings = SiteSettings.objects.get()
    assert site_settings.legal_notice_page.slug == "mentions-legales"
    assert site_settings.privacy_page.slug == "donnees-personnelles"
    assert site_settings.accessibility_page.slug == "accessibilite"
    for path in ["/", "/a-propos/", "/mentions-legales/", "/donnees-personnelles/"]:
        assert client.get(path, HTTP_HOST="127.0.0.1:8000").status_code == 200


def test_demo_keeps_what_editors_changed():
    call_command("load_demo_content")
    home = HomePage.objects.get()
    home.introduction = "<p>Texte revu par l’équipe.</p>"
    home.save_revision().publish()

    call_command("load_demo_content")

    assert HomePage.objects.get().introduction == "<p>Texte revu par l’équipe.</p>"


def test_demo_creates_the_admin_account_on_development_settings(settings):
    settings.DEMO_ADMIN_USERNAME = "admin"
    settings.DEMO_ADMIN_PASSWORD = "demo-admin-2026"

    call_command("load_demo_content")

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("demo-admin-2026")


def test_demo_creates_no_account_where_no_demo_account_is_defined(settings):
    del settings.DEMO_ADMIN_USERNAME
    del settings.DEMO_ADMIN_PASSWORD

    call_command("load_demo_content")

    assert not get_user_model().objects.exists()


def test_demo_skips_loaders_of_apps_not_installed(monkeypatch):
    monkeypatch.setattr(
        load_demo_content,
        "DEMO_LOADERS",
        ["home.demo.load_demo_content", "absent_app.demo.load_demo_content"],
    )

    call_command("load_demo_content")

    assert StandardPage.objects.filter(slug="a-propos").exists()


def test_demo_login_prints_the_admin_address_and_login(capsys, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    call_command("load_demo_content")
    capsys.readouterr()

    call_command("demo_login")
    output = capsys.readouterr().out

    assert "Administration : http://127.0.0.1:8000/admin/" in output
    assert "Identifiant : admin" in output
    assert "Mot de passe : demo-admin-2026" in output


def test_demo_login_hides_a_password_that_was_changed(capsys):
    call_command("load_demo_content")
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("un-autre-mot-de-passe-choisi")
    admin.save()
    capsys.readouterr()

    call_command("demo_login")

    assert "demo-admin-2026" not in capsys.readouterr().out


def test_demo_login_refuses_outside_development_settings(capsys, settings):
    """Production-like settings define no demo account: nothing is revealed."""
    call_command("load_demo_content")
    del settings.DEMO_ADMIN_USERNAME
    del settings.DEMO_ADMIN_PASSWORD
    capsys.readouterr()

    with pytest.raises(CommandError) as error:
        call_command("demo_login")

    captured = capsys.readouterr()
    assert "demo-admin-2026" not in captured.out + captured.err + str(error.value)
    assert "/admin/" not in captured.out + captured.err + str(error.value)
