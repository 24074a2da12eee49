"""A signer's name and email reach no public output and no log line."""

import io

import pytest
from django.core.management import call_command

from manifesto import tokens
from manifesto.models import Signature
from tests.manifesto.conftest import signing_data

pytestmark = pytest.mark.django_db

NAME = "Dominique Quelconque"
EMAIL = "dominique.quelconque@mairie-secrete.example"

PUBLIC_PATHS = [
    "/",
    "/manifeste/",
    "/manifeste/signataires/",
    "/manifeste/signataires/?q=lab%C3%A8ge",
    "/manifeste/signataires.csv",
    "/manifeste/signataires.json",
    "/sitemap.xml",
    "/collectivites/recherche/?q=labege",
    "/collectivites/recherche.json?q=labege",
]


@pytest.fixture
def approved_through_the_site(client, moderator, manifesto_page, labege, app_logs):
    """Sign, confirm and approve as people do, every log line collected."""
    data = signing_data(labege, signer_name=NAME, email=EMAIL, signer_mandate="Maire")
    assert client.post("/manifeste/signer/", data).status_code == 302
    signature = Signature.objects.get()
    token = tokens.make_confirmation_token(signature)
    client.post(f"/manifeste/confirmer/{token}/")
    client.force_login(moderator)
    client.post(f"/admin/manifesto/signature/approve/{signature.pk}/")
    client.logout()
    signature.refresh_from_db()
    assert signature.status == Signature.Status.APPROVED
    return signature


def test_public_pages_and_files_hold_neither_name_nor_email(
    client, approved_through_the_site
):
    """The signature is public, with its mandate, but not its signer."""
    listing = client.get("/manifeste/signataires/").content.decode()
    assert "signataire : Maire" in listing

    for path in PUBLIC_PATHS:
        response = client.get(path)
        assert response.status_code == 200, path
        content = response.content.decode()
        assert (
            "Maire" in content
            or path in {"/", "/manifeste/", "/sitemap.xml"}
            or ("collectivites" in path)
        )
        assert EMAIL not in content, path
        assert NAME not in content, path


def test_no_log_line_names_the_signer(client, approved_through_the_site, app_logs):
    """The whole journey, then a purge and an erasure, log ids and counts only."""
    call_command("purge_personal_data", stdout=io.StringIO())
    call_command("personal_data", "erase", EMAIL, stdout=io.StringIO())

    assert app_logs.lines, "nothing was logged: the collector is not wired"
    assert EMAIL not in app_logs.text
    assert "dominique" not in app_logs.text.lower()
