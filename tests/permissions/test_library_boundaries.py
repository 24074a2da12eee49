"""Proposed projects stay out of public view until published; their authors, always."""

import pytest
from wagtail.models import Page

from library.models import ProjectPage, ProjectProposal
from tests.library.builders import make_capability, make_project, make_theme
from tests.library.test_proposals import submit, valid_data

from .conftest import ANONYMOUS, EDITOR

pytestmark = pytest.mark.django_db

SUBMITTER_NAME = "Sacha Proposant"
SUBMITTER_EMAIL = "sacha.proposant@agglo-secrete.example"
PROPOSED_TITLE = "Projet proposé pas encore relu"


@pytest.fixture
def proposed(client, library_index, labege):
    """A project proposed through the public form, then a published one."""
    vocabularies = {
        "water": make_theme("Eau et assainissement"),
        "forecasting": make_capability("Prévision"),
    }
    data = valid_data(
        vocabularies,
        title=PROPOSED_TITLE,
        submitter_name=SUBMITTER_NAME,
        submitter_email=SUBMITTER_EMAIL,
    )
    response = submit(client, f"{library_index.url}proposer/", data)
    assert response.status_code == 302
    make_project(library_index, "Projet publié", lead_collectivity=labege)
    return ProjectProposal.objects.get().page


def public_paths(library_index, labege):
    return [
        "/",
        "/sitemap.xml",
        library_index.url,
        f"{library_index.url}?q=relu",
        f"{library_index.url}?tri=recent",
        f"/collectivites/{labege.siren}/",
        "/collectivites/recherche/?q=labege",
        "/bibliotheque/projets.csv",
        "/bibliotheque/projets.json",
        "/bibliotheque/flux.atom",
        "/api/v2/pages/?type=library.ProjectPage&fields=*",
        "/api/v2/pages/?search=relu",
        "/api/v2/pages/?fields=*&limit=20",
    ]


@pytest.mark.parametrize("role", [ANONYMOUS, EDITOR])
def test_proposed_project_reaches_no_public_page(
    client_as, proposed, library_index, labege, role
):
    client = client_as(role)

    assert not proposed.live
    draft_url = f"{library_index.url}{proposed.slug}/"
    assert client.get(draft_url).status_code == 404
    assert client.get(f"/api/v2/pages/{proposed.pk}/").status_code == 404
    for path in public_paths(library_index, labege):
        response = client.get(path)
        assert response.status_code == 200, path
        content = response.content.decode()
        assert PROPOSED_TITLE not in content, path
        assert SUBMITTER_EMAIL not in content, path
        assert SUBMITTER_NAME not in content, path


def test_published_proposal_never_shows_its_author(
    client, proposed, library_index, labege
):
    """Once moderators publish it, the project is public, its author is not."""
    proposed.specific.save_revision().publish()
    page = ProjectPage.objects.get(pk=proposed.pk)

    paths = [
        page.url,
        f"{page.url}historique/",
        "/sitemap.xml",
        library_index.url,
        "/bibliotheque/projets.csv",
        "/bibliotheque/projets.json",
        "/bibliotheque/flux.atom",
        "/api/v2/pages/?type=library.ProjectPage&fields=*",
        f"/api/v2/pages/{page.pk}/",
    ]
    for path in paths:
        content = client.get(path).content.decode()
        assert SUBMITTER_EMAIL not in content, path
        assert SUBMITTER_NAME not in content, path
    assert PROPOSED_TITLE in client.get(library_index.url).content.decode()
    assert PROPOSED_TITLE in client.get("/bibliotheque/flux.atom").content.decode()
    api = client.get("/api/v2/pages/?type=library.ProjectPage").json()
    assert PROPOSED_TITLE in [item["title"] for item in api["items"]]


def test_proposed_project_is_not_found_by_the_site_search_backend(proposed):
    """Wagtail's search over live pages, as public search uses it, skips drafts."""
    results = Page.objects.live().public().search("relu")

    assert PROPOSED_TITLE not in [page.title for page in results]
