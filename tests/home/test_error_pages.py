"""Error pages are French, accessible, and work with DEBUG off."""

import pytest
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.views.defaults import permission_denied, server_error

pytestmark = pytest.mark.django_db


def test_unknown_address_gets_the_french_404_page(client, settings, home_page):
    settings.DEBUG = False

    response = client.get("/cette-page-nexiste-pas/")
    html = response.content.decode()

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    assert '<html lang="fr">' in html
    assert "<h1>Page introuvable</h1>" in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'class="skip-link"' in html
    assert "Territoires pour une IA responsable" in html, "the shell is there"


def test_404_page_of_a_non_page_url(client, settings, home_page):
    settings.DEBUG = False

    response = client.get("/documents/999999/absent.pdf")

    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_500_page_renders_without_context_or_database(django_assert_num_queries):
    """Django renders 500.html with no request and no context processor."""
    with django_assert_num_queries(0):
        html = render_to_string("500.html")
        response = server_error(RequestFactory().get("/"))

    assert '<html lang="fr">' in html
    assert "<h1>Erreur du serveur</h1>" in html
    assert response.status_code == 500
    assert "Erreur du serveur" in response.content.decode()


@pytest.mark.urls("tests.home.urls_failing")
def test_failing_view_gets_the_french_500_page(settings, home_page):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)

    response = client.get("/panne/")

    assert response.status_code == 500
    assert "Erreur du serveur" in response.content.decode()
    assert "RuntimeError" not in response.content.decode()


def test_permission_denied_gets_the_french_403_page(home_page):
    request = RequestFactory().get("/reserve/")

    response = permission_denied(request, PermissionDenied())

    assert response.status_code == 403
    assert "<h1>Accès refusé</h1>" in response.content.decode()
