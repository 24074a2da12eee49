"""The profile of a local authority: who it is and its projects in the library."""

import pytest
from django.urls import resolve

from library import views
from library.models import ProjectPartnerCollectivity
from territories.models import Collectivity
from tests.factories import make_collectivity, make_region

from .builders import make_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def labege(db):
    return make_collectivity()


@pytest.fixture
def toulouse(db):
    return make_collectivity(
        name="Toulouse", code="31555", siren="213105554", postcodes=("31000",)
    )


def test_the_profile_shows_the_authority_and_its_projects(
    client, library_index, labege, toulouse
):
    led = make_project(library_index, "Détection des fuites", lead_collectivity=labege)
    shared = make_project(library_index, "Navettes à la demande", publish=False)
    shared.lead_collectivity = toulouse
    shared.partner_collectivities.add(ProjectPartnerCollectivity(collectivity=labege))
    shared.save_revision().publish()
    make_project(
        library_index, "Projet en brouillon", lead_collectivity=labege, publish=False
    )
    make_project(library_index, "Projet d'une autre", lead_collectivity=toulouse)

    response = client.get("/collectivites/213102544/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Labège</h1>" in content
    assert "Commune" in content
    assert "Occitanie" in content
    assert [p.title for p in response.context["led_projects"]] == [led.title]
    assert [p.title for p in response.context["partner_projects"]] == [shared.title]
    assert "porté par Toulouse" in content
    assert "Projet en brouillon" not in content
    assert "Projet d'une autre" not in content


def test_the_profile_says_when_there_is_nothing_yet(client, labege):
    content = client.get("/collectivites/213102544/").content.decode()
    assert "Aucun projet porté par cette collectivité" in content
    assert "partenaire d'aucun projet publié" in content


def test_an_official_code_leads_to_the_siren_address(client, labege):
    response = client.get("/collectivites/31254/")
    assert response.status_code == 301
    assert response["Location"] == "/collectivites/213102544/"


def test_an_authority_without_siren_is_found_by_its_identifier(client):
    region = make_region("94", "Corse")
    Collectivity.objects.create(
        name="Collectivité de Corse",
        kind=Collectivity.Kind.REGION,
        code="94",
        region=region,
    )
    response = client.get("/collectivites/region-94/")
    assert response.status_code == 200
    assert "Collectivité de Corse" in response.content.decode()


def test_an_unknown_identifier_is_not_found(client, labege):
    assert client.get("/collectivites/999999999/").status_code == 404
    assert client.get("/collectivites/region-99/").status_code == 404


def test_parts_of_a_commune_have_no_profile(client):
    make_collectivity(
        name="Ancienne commune",
        kind=Collectivity.Kind.COMMUNE_DELEGUEE,
        code="31999",
        siren="",
        postcodes=(),
    )
    assert client.get("/collectivites/31999/").status_code == 404


def test_the_register_keeps_its_own_addresses():
    """The profile's address never takes the register's search pages."""
    assert resolve("/collectivites/213102544/").func is views.collectivity_profile
    assert resolve("/collectivites/recherche/").func is not views.collectivity_profile
    assert resolve("/collectivites/recherche.json").func is not (
        views.collectivity_profile
    )
