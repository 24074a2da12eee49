"""The admin's search finds projects and, for moderators, signatures."""

import pytest
from django.urls import reverse

from .conftest import make_signature

pytestmark = pytest.mark.django_db


def test_editors_find_projects_in_the_admin_search(client, make_project, staff_member):
    make_project("Énergie des écoles", "Le chauffage des écoles.")
    client.force_login(staff_member("Éditeurs"))

    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "energie"})

    assert response.status_code == 200
    assert "Énergie des écoles" in response.content.decode()


def test_moderators_find_signatures_from_the_admin_search(client, staff_member):
    make_signature("Labège")
    make_signature("Rennes")
    client.force_login(staff_member("Modérateurs"))

    search_page = client.get(reverse("wagtailadmin_pages:search"), {"q": "Labège"})
    signatures_url = reverse("manifesto_signature_modeladmin_index")
    assert signatures_url in search_page.content.decode()

    listing = client.get(signatures_url, {"q": "Labège"}).content.decode()
    assert "Labège" in listing
    assert "Rennes" not in listing


def test_editors_are_not_offered_signatures(client, staff_member):
    client.force_login(staff_member("Éditeurs"))

    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "Labège"})

    assert reverse("manifesto_signature_modeladmin_index") not in (
        response.content.decode()
    )
