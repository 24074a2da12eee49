"""Drafts and records awaiting a decision never reach a public address."""

import pytest

from .conftest import ANONYMOUS, EDITOR

pytestmark = pytest.mark.django_db

# Every public listing, file and index of the site.
PUBLIC_OUTPUTS = [
    "/",
    "/sitemap.xml",
    "/manifeste/",
    "/manifeste/signataires/",
    "/manifeste/signataires/?tri=nom",
    "/manifeste/signataires.csv",
    "/manifeste/signataires.json",
    "/api/v2/pages/?fields=*&limit=20",
    "/api/v2/pages/?search=brouillon",
]

UNPUBLISHED_MARKS = [
    "Brouillon secret",
    "/brouillon/",
    "Texte pas encore publié",
    "Mandat en attente",
    "Mandat non confirmé",
]


@pytest.fixture
def pending_draft(site_objects):
    """A live page with newer text saved but not published."""
    live = site_objects["live"]
    live.introduction = "Texte pas encore publié"
    live.save_revision()
    return live


@pytest.mark.parametrize("path", PUBLIC_OUTPUTS)
@pytest.mark.parametrize("role", [ANONYMOUS, EDITOR])
def test_public_output_shows_nothing_unpublished(
    client_as, site_objects, pending_draft, path, role
):
    """Logged in or not, public addresses show only what is published."""
    response = client_as(role).get(path)

    assert response.status_code == 200
    content = response.content.decode()
    for mark in UNPUBLISHED_MARKS:
        assert mark not in content, f"{mark} on {path}"


def test_published_records_do_appear(client_as, site_objects):
    """The control case: published pages and approved signatures are listed."""
    client = client_as(ANONYMOUS)

    assert "/a-propos/" in client.get("/sitemap.xml").content.decode()
    data = client.get("/manifeste/signataires.json").json()
    assert data["nombre"] == 1


@pytest.mark.parametrize("role", [ANONYMOUS, EDITOR])
def test_draft_page_address_is_not_found(client_as, site_objects, role):
    client = client_as(role)

    assert client.get("/brouillon/").status_code == 404
    assert client.get(f"/api/v2/pages/{site_objects['draft'].pk}/").status_code == 404
