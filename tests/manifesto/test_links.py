"""The confirmation and withdrawal links sent by email."""

import time
from unittest import mock

import pytest
from django.core import mail
from django.core.signing import TimestampSigner
from wagtail.models import ModelLogEntry

from manifesto import tokens
from manifesto.models import Signature
from tests.factories import make_collectivity

from .conftest import image_file, make_signature

pytestmark = pytest.mark.django_db


def confirm_url(signature):
    return f"/manifeste/confirmer/{tokens.make_confirmation_token(signature)}/"


def expired_confirm_url(signature):
    """A confirmation link made just over its lifetime ago."""
    long_ago = time.time() - tokens.CONFIRMATION_MAX_AGE.total_seconds() - 60
    with mock.patch("django.core.signing.time.time", return_value=long_ago):
        return confirm_url(signature)


def withdraw_url(signature):
    return f"/manifeste/retirer/{tokens.make_withdrawal_token(signature)}/"


@pytest.fixture
def unconfirmed(labege):
    return make_signature(labege, status=Signature.Status.AWAITING_CONFIRMATION)


def test_following_the_link_asks_to_confirm_without_confirming(
    client, manifesto_page, unconfirmed
):
    """A mail scanner that opens the link does not confirm anything."""
    response = client.get(confirm_url(unconfirmed))

    assert response.status_code == 200
    assert "Je confirme la signature" in response.content.decode()
    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Signature.Status.AWAITING_CONFIRMATION


def test_confirming_moves_to_moderation_and_tells_moderators(
    client, manifesto_page, unconfirmed, moderator
):
    url = confirm_url(unconfirmed)

    response = client.post(url)

    assert response.status_code == 302
    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Signature.Status.AWAITING_MODERATION
    assert unconfirmed.confirmed_at is not None
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert "Labège" in mail.outbox[0].subject
    assert f"/admin/manifesto/signature/inspect/{unconfirmed.pk}/" in (
        mail.outbox[0].body
    )
    assert unconfirmed.email not in mail.outbox[0].body
    assert ModelLogEntry.objects.filter(action="manifesto.signature.confirm").exists()
    page = client.get(url).content.decode()
    assert "Votre signature est confirmée" in page


def test_confirming_twice_changes_nothing(client, manifesto_page, unconfirmed):
    url = confirm_url(unconfirmed)
    client.post(url)
    confirmed_at = Signature.objects.get().confirmed_at

    response = client.post(url, follow=True)

    assert response.status_code == 200
    assert Signature.objects.get().confirmed_at == confirmed_at


def test_expired_link_gets_a_clear_page(client, manifesto_page, unconfirmed):
    url = expired_confirm_url(unconfirmed)

    response = client.post(url)

    assert response.status_code == 400
    assert "Ce lien a expiré" in response.content.decode()
    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Signature.Status.AWAITING_CONFIRMATION


def test_expired_link_of_a_confirmed_signature_shows_where_it_stands(
    client, manifesto_page, unconfirmed
):
    client.post(confirm_url(unconfirmed))

    response = client.get(expired_confirm_url(unconfirmed))

    assert response.status_code == 200
    assert "Votre signature est confirmée" in response.content.decode()


@pytest.mark.parametrize(
    "token",
    [
        "pas-un-jeton",
        "Zm9v",  # base64 of "foo"
        "%%%",
        "",
    ],
)
def test_malformed_link_gets_a_clear_page(client, manifesto_page, token):
    response = client.get(f"/manifeste/confirmer/{token}/")

    assert response.status_code in (400, 404)
    if response.status_code == 400:
        assert "Ce lien n’est pas valable" in response.content.decode()


def test_tampered_link_is_refused(client, manifesto_page, unconfirmed, labege):
    other = make_signature(
        make_collectivity(name="Autre", code="31999", siren="213199999"),
        status=Signature.Status.AWAITING_CONFIRMATION,
    )
    token = tokens.make_confirmation_token(unconfirmed)
    signed = tokens._decode(token).replace(str(unconfirmed.pk), str(other.pk), 1)

    response = client.post(f"/manifeste/confirmer/{tokens._encode(signed)}/")

    assert response.status_code == 400
    assert not Signature.objects.filter(
        status=Signature.Status.AWAITING_MODERATION
    ).exists()


def test_link_signed_for_another_use_is_refused(client, manifesto_page, unconfirmed):
    """A withdrawal link cannot confirm, nor the reverse."""
    withdrawal = tokens.make_withdrawal_token(unconfirmed)
    foreign = tokens._encode(TimestampSigner(salt="other").sign(str(unconfirmed.pk)))

    assert client.post(f"/manifeste/confirmer/{withdrawal}/").status_code == 400
    assert client.post(f"/manifeste/confirmer/{foreign}/").status_code == 400
    confirmation = tokens.make_confirmation_token(unconfirmed)
    assert client.post(f"/manifeste/retirer/{confirmation}/").status_code == 400
    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Signature.Status.AWAITING_CONFIRMATION


def test_link_to_a_deleted_signature_says_so(client, manifesto_page, unconfirmed):
    url = confirm_url(unconfirmed)
    unconfirmed.delete()

    response = client.get(url)

    assert response.status_code == 404
    assert "Cette signature n’existe plus" in response.content.decode()


def test_withdrawal_asks_first_then_removes_the_signature_at_once(
    client, manifesto_page, labege
):
    signature = make_signature(labege)
    url = withdraw_url(signature)

    page = client.get(url)
    assert "Retirer la signature" in page.content.decode()
    assert Signature.objects.get().status == Signature.Status.APPROVED

    client.post(url)

    signature.refresh_from_db()
    assert signature.status == Signature.Status.WITHDRAWN
    assert signature.withdrawn_at is not None
    assert "Labège" not in client.get("/manifeste/signataires/").content.decode()
    assert "Cette signature est retirée" in client.get(url).content.decode()
    assert ModelLogEntry.objects.filter(action="manifesto.signature.withdraw").exists()


def test_withdrawal_deletes_the_logo(client, manifesto_page, labege):
    signature = make_signature(labege)
    signature.logo.save("logo.png", image_file(), save=True)
    storage, name = signature.logo.storage, signature.logo.name
    assert storage.exists(name)

    client.post(withdraw_url(signature))

    signature.refresh_from_db()
    assert not signature.logo
    assert not storage.exists(name)


def test_withdrawal_link_works_before_confirmation(client, manifesto_page, unconfirmed):
    """Someone who did not mean to sign can withdraw right away."""
    client.post(withdraw_url(unconfirmed))

    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Signature.Status.WITHDRAWN
