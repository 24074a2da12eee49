"""Forms that change something refuse a request without a valid CSRF token."""

import pytest
from django.test import Client

from manifesto import tokens
from manifesto.models import Signature
from tests.manifesto.conftest import make_signature, signing_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict_client():
    return Client(enforce_csrf_checks=True)


def csrf_token_of(client, path):
    client.get(path)
    return client.cookies["csrftoken"].value


def test_signing_without_token_is_refused_and_saves_nothing(
    strict_client, manifesto_page, labege
):
    response = strict_client.post("/manifeste/signer/", signing_data(labege))

    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_signing_with_a_wrong_token_is_refused(strict_client, manifesto_page, labege):
    csrf_token_of(strict_client, "/manifeste/signer/")
    data = signing_data(labege, csrfmiddlewaretoken="x" * 64)

    response = strict_client.post("/manifeste/signer/", data)

    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_signing_with_the_right_token_goes_through(
    strict_client, manifesto_page, labege
):
    """The control case: the same request with the page's token is accepted."""
    token = csrf_token_of(strict_client, "/manifeste/signer/")
    data = signing_data(labege, csrfmiddlewaretoken=token)

    response = strict_client.post("/manifeste/signer/", data)

    assert response.status_code == 302
    assert Signature.objects.count() == 1


def test_moderation_decision_without_token_is_refused(
    strict_client, moderator, manifesto_page, labege
):
    signature = make_signature(labege, status=Signature.Status.AWAITING_MODERATION)
    strict_client.force_login(moderator)

    response = strict_client.post(f"/admin/manifesto/signature/approve/{signature.pk}/")

    assert response.status_code == 403
    signature.refresh_from_db()
    assert signature.status == Signature.Status.AWAITING_MODERATION


def test_confirmation_link_without_token_is_refused(
    strict_client, manifesto_page, labege
):
    signature = make_signature(labege, status=Signature.Status.AWAITING_CONFIRMATION)
    path = f"/manifeste/confirmer/{tokens.make_confirmation_token(signature)}/"

    response = strict_client.post(path)

    assert response.status_code == 403
    signature.refresh_from_db()
    assert signature.status == Signature.Status.AWAITING_CONFIRMATION


def test_admin_login_without_token_is_refused(strict_client, moderator):
    response = strict_client.post(
        "/admin/login/",
        {"username": "moderatrice", "password": "mot-de-passe-solide"},
    )

    assert response.status_code == 403
    assert "_auth_user_id" not in strict_client.session
