"""The profile of a local authority: who it is and its projects in the library."""

import datetime
import html

import pytest
from django.urls import resolve
from django.utils import timezone

from library import views
from library.models import ProjectPartnerCollectivity
from manifesto.models import Signature
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


def sign(collectivity, status, **fields):
    values = {
        "signer_name": "Dominique Durand",
        "signer_mandate": "Maire",
        "email": "mairie@example.org",
        "status": status,
        "confirmed_at": timezone.now(),
    }
    values.update(fields)
    return Signature.objects.create(collectivity=collectivity, **values)


def test_the_profile_shows_an_approved_signature(client, labege):
    sign(
        labege,
        Signature.Status.APPROVED,
        public_message="Une IA au service des habitants.",
        deliberation_url="https://example.org/deliberation",
        deliberation_date=datetime.date(2026, 3, 12),
    )
    content = html.unescape(client.get("/collectivites/213102544/").content.decode())
    assert "Labège a signé le manifeste le" in content
    assert "(signataire : Maire)" in content
    assert "Délibération du 12 mars 2026" in content
    assert "Une IA au service des habitants." in content
    assert "Dominique Durand" not in content
    assert "mairie@example.org" not in content


@pytest.mark.parametrize(
    "status",
    [
        Signature.Status.AWAITING_CONFIRMATION,
        Signature.Status.AWAITING_MODERATION,
        Signature.Status.REJECTED,
        Signature.Status.WITHDRAWN,
    ],
)
def test_a_signature_not_approved_is_not_shown(client, labege, status):
    sign(labege, status, public_message="Message en attente")
    content = html.unescape(client.get("/collectivites/213102544/").content.decode())
    assert "Cette collectivité n'a pas signé le manifeste." in content
    assert "Message en attente" not in content


def test_signatories_link_to_their_profile(labege):
    """The manifesto's list of signatories finds the profile's address."""
    from manifesto.links import collectivity_url

    assert collectivity_url(labege) == "/collectivites/213102544/"
