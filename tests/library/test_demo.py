"""The library's demo content: varied, marked as examples, loaded once."""

import pytest
from django.core.management import call_command

from library import demo
from library.models import LibraryIndexPage, ProjectPage
from territories.models import Collectivity
from tests.factories import make_collectivity, make_departement, make_region

pytestmark = pytest.mark.django_db

REGIONS = [
    ("76", "Occitanie"),
    ("53", "Bretagne"),
    ("84", "Auvergne-Rhône-Alpes"),
    ("75", "Nouvelle-Aquitaine"),
    ("32", "Hauts-de-France"),
    ("04", "La Réunion"),
]


@pytest.fixture
def register(db):
    """The authorities the demo names, spread over six régions."""
    for number, (kind, code) in enumerate(demo.DEMO_COLLECTIVITIES):
        region_code, region_name = REGIONS[number % len(REGIONS)]
        departement = make_departement(
            code=f"9{number:02d}",
            name=f"Département {number}",
            region=make_region(region_code, region_name),
        )
        make_collectivity(
            name=f"Collectivité {code}",
            kind=kind,
            code=code,
            siren="" if kind in Collectivity.PREFIXED_KINDS else f"2{number:08d}",
            departement=departement,
            postcodes=(),
        )


def test_the_demo_spreads_over_themes_phases_and_regions(register, client):
    call_command("load_demo_content")

    projects = ProjectPage.objects.live()
    assert projects.count() == len(demo.PROJECTS) >= 12
    assert all(project.is_fictional_example for project in projects)
    assert {project.phase for project in projects} == {
        "idee",
        "experimentation",
        "pilote",
        "en-production",
        "arrete",
    }
    assert {project.system_kind for project in projects} == {
        "regles",
        "apprentissage-automatique",
        "generatif",
        "hybride",
    }
    assert len({p.lead_collectivity.region_id for p in projects}) == len(REGIONS)
    assert (
        len({t for p in projects for t in p.themes.values_list("slug", flat=True)}) >= 8
    )
    assert all(
        any(
            getattr(p, c.field_name) != "non-renseigne"
            for c in demo.assessment.CRITERIA
        )
        for p in projects
    )
    index = LibraryIndexPage.objects.get()
    assert index.url == "/bibliotheque/"
    listing = client.get(index.url)
    assert listing.status_code == 200
    assert "Exemple fictif" in listing.content.decode()
    for project in projects:
        assert client.get(project.url).status_code == 200


def test_loading_the_demo_twice_changes_nothing(register):
    call_command("load_demo_content")
    pages = sorted(ProjectPage.objects.values_list("slug", "latest_revision_id"))

    call_command("load_demo_content")

    assert (
        sorted(ProjectPage.objects.values_list("slug", "latest_revision_id")) == pages
    )


def test_a_project_whose_authority_is_missing_is_skipped(db):
    call_command("load_demo_content")
    assert LibraryIndexPage.objects.count() == 1
    assert ProjectPage.objects.count() == 0
