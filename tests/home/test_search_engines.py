"""What search engines read: robots.txt, sitemap.xml, and redirects."""

import pytest
from wagtail.contrib.redirects.models import Redirect

pytestmark = pytest.mark.django_db


def test_robots_txt_keeps_crawlers_out_of_the_admin(client):
    response = client.get("/robots.txt")
    text = response.content.decode()

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_sitemap_lists_live_pages_only(client, home_page, make_page):
    about = make_page("À propos")
    draft = make_page("Brouillon", live=False)

    response = client.get("/sitemap.xml")
    xml = response.content.decode()

    assert response.status_code == 200
    assert "xml" in response["Content-Type"]
    assert f"<loc>{home_page.get_full_url()}</loc>" in xml
    assert f"<loc>{about.get_full_url()}</loc>" in xml
    assert draft.slug not in xml


def test_editor_redirect_sends_visitors_to_the_new_page(client, make_page):
    page = make_page("Nouvelle adresse")
    Redirect.objects.create(old_path="/ancienne-adresse", redirect_page=page)

    response = client.get("/ancienne-adresse/")

    assert response.status_code == 301
    assert response["Location"] == page.url
