"""The manifesto's demo content: the page, four chapters, example signatures."""

import pytest
from django.core.management import call_command

from manifesto.demo import EXAMPLE_SIGNATURES
from manifesto.models import ManifestoChapterPage, ManifestoPage, Signature
from territories.models import Collectivity
from tests.factories import make_collectivity, make_departement, make_region

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    """The few authorities of the register that the demo signs for."""
    region = make_region("84", "Auvergne-Rhône-Alpes")
    for kind, code, *_ in EXAMPLE_SIGNATURES:
        make_collectivity(
            name=f"Collectivité {code}",
            kind=kind,
            code=code,
            siren="",
            departement=make_departement("38", "Isère", region),
            postcodes=(),
        )


def test_demo_builds_the_manifesto_with_four_chapters(client):
    call_command("load_demo_content")

    manifesto = ManifestoPage.objects.live().get()
    chapters = ManifestoChapterPage.objects.child_of(manifesto).live()
    assert [chapter.title for chapter in chapters.order_by("path")] == [
        "Une IA sociale",
        "Une IA ouverte et démocratique",
        "Une IA utile et proportionnée",
        "Une gouvernance partagée et territoriale",
    ]
    response = client.get(manifesto.url)
    assert response.status_code == 200
    assert "Principe 4.1" in response.content.decode()


def test_demo_signs_for_authorities_of_the_register_as_examples(client, register):
    call_command("load_demo_content")

    signatures = Signature.objects.all()
    assert signatures.count() == len(EXAMPLE_SIGNATURES)
    assert all(signature.is_example for signature in signatures)
    assert {signature.status for signature in signatures} == {
        Signature.Status.APPROVED,
        Signature.Status.AWAITING_MODERATION,
        Signature.Status.AWAITING_CONFIRMATION,
    }
    listing = client.get("/manifeste/signataires/").content.decode()
    assert "Exemple" in listing


def test_demo_skips_signatures_without_the_register():
    call_command("load_demo_content")

    assert not Collectivity.objects.exists()
    assert not Signature.objects.exists()


def test_loading_the_demo_twice_duplicates_nothing(register):
    call_command("load_demo_content")
    pages, signatures = ManifestoChapterPage.objects.count(), Signature.objects.count()

    call_command("load_demo_content")

    assert ManifestoPage.objects.count() == 1
    assert ManifestoChapterPage.objects.count() == pages == 4
    assert Signature.objects.count() == signatures
