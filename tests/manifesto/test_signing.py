"""Signing at /manifeste/signer/: what is accepted, and every way to be refused."""

import re

import pytest
from django.core import mail

from manifesto import ratelimit
from manifesto.models import Signature
from territories.models import Collectivity
from tests.factories import make_collectivity

from .conftest import image_file, make_signature, signing_data

pytestmark = pytest.mark.django_db

SIGN_URL = "/manifeste/signer/"


def test_form_renders_every_field_with_labels(client, manifesto_page):
    response = client.get(SIGN_URL)

    assert response.status_code == 200
    html = response.content.decode()
    for name in (
        "collectivity",
        "signer_name",
        "signer_mandate",
        "email",
        "deliberation_date",
        "deliberation_url",
        "logo",
        "public_message",
        "consent",
    ):
        assert f'name="{name}"' in html
        assert f'for="id_{name}"' in html
    assert 'enctype="multipart/form-data"' in html
    assert "<legend>" in html


def test_valid_signature_awaits_confirmation_and_email_carries_both_links(
    client, manifesto_page, labege
):
    response = client.post(SIGN_URL, signing_data(labege))

    assert response.status_code == 302
    assert response["Location"] == "/manifeste/signer/merci/"
    signature = Signature.objects.get()
    assert signature.collectivity == labege
    assert signature.status == Signature.Status.AWAITING_CONFIRMATION
    assert signature.email == "camille.martin@mairie.example"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["camille.martin@mairie.example"]
    assert "Labège" in message.subject
    assert re.search(r"/manifeste/confirmer/[\w-]+/", message.body)
    assert re.search(r"/manifeste/retirer/[\w-]+/", message.body)


def test_thanks_page_asks_to_open_the_email(client, manifesto_page):
    response = client.get("/manifeste/signer/merci/")

    assert response.status_code == 200
    assert "Nous venons de vous envoyer un courriel" in response.content.decode()


def test_optional_fields_are_kept(client, manifesto_page, labege):
    data = signing_data(
        labege,
        deliberation_date="12/03/2025",
        deliberation_url="https://www.labege.fr/deliberation-ia.pdf",
        public_message="Fiers de signer.",
    )

    client.post(SIGN_URL, data)

    signature = Signature.objects.get()
    assert signature.deliberation_date.isoformat() == "2025-03-12"
    assert signature.deliberation_url == "https://www.labege.fr/deliberation-ia.pdf"
    assert signature.public_message == "Fiers de signer."


def test_logo_is_stored_resized_as_webp(client, manifesto_page, labege):
    data = signing_data(labege, logo=image_file(size=(1600, 800)))

    client.post(SIGN_URL, data)

    signature = Signature.objects.get()
    assert signature.logo.name.endswith(".webp")
    assert (signature.logo_width, signature.logo_height) == (480, 240)


@pytest.mark.parametrize("image_format", ["JPEG", "WEBP"])
def test_jpeg_and_webp_logos_are_accepted(client, manifesto_page, labege, image_format):
    data = signing_data(labege, logo=image_file("logo.img", image_format))

    response = client.post(SIGN_URL, data)

    assert response.status_code == 302
    assert Signature.objects.get().logo


def _errors_of(response):
    return response.context["form"].errors


def _assert_refused(response, field, fragment):
    """The form comes back, the error next to its field, nothing written."""
    assert response.status_code == 200
    errors = _errors_of(response)
    assert field in errors, errors
    assert any(fragment in message for message in errors[field]), errors[field]
    assert not Signature.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "field, value, fragment",
    [
        ("signer_name", "", "Indiquez le prénom et le nom"),
        ("signer_mandate", "", "Indiquez le mandat"),
        ("email", "", "Indiquez une adresse électronique"),
        ("email", "pas-une-adresse", "n'est pas valide"),
        ("signer_name", "x" * 151, "150 caractères"),
        ("signer_mandate", "x" * 151, "150 caractères"),
        ("public_message", "x" * 501, "500 caractères"),
        ("deliberation_url", "javascript:alert(1)", "URL valide"),
        ("deliberation_url", "https://exemple.fr/" + "a" * 500, "500 caractères"),
        ("deliberation_date", "31/02/2025", "date valide"),
        ("deliberation_date", "01/01/2999", "futur"),
        ("deliberation_date", "01/01/1999", "2020"),
        ("consent", "", "Cochez cette case"),
    ],
)
def test_bad_input_is_refused_next_to_its_field(
    client, manifesto_page, labege, field, value, fragment
):
    response = client.post(SIGN_URL, signing_data(labege, **{field: value}))

    _assert_refused(response, field, fragment)


def test_unknown_collectivity_is_refused(client, manifesto_page, labege):
    data = signing_data(labege, collectivity="Nullepart-sur-Mer", collectivity_id="")

    response = client.post(SIGN_URL, data)

    _assert_refused(response, "collectivity", "Aucune collectivité")


def test_part_of_a_commune_cannot_sign(client, manifesto_page, labege):
    """Only authorities sign: a commune déléguée is not one."""
    deleguee = make_collectivity(
        name="Saint-Agne",
        kind=Collectivity.Kind.COMMUNE_DELEGUEE,
        code="31999",
        siren="",
        postcodes=(),
    )

    response = client.post(SIGN_URL, signing_data(deleguee))

    assert "collectivity" in _errors_of(response)
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    "status, fragment",
    [
        (Signature.Status.APPROVED, "a déjà signé"),
        (Signature.Status.AWAITING_MODERATION, "attend la validation"),
        (Signature.Status.AWAITING_CONFIRMATION, "attend déjà sa confirmation"),
    ],
)
def test_collectivity_with_a_live_signature_gets_a_clear_answer(
    client, manifesto_page, labege, status, fragment
):
    """The answer says where the signature stands, and reveals no address."""
    existing = make_signature(labege, status=status)

    response = client.post(SIGN_URL, signing_data(labege))

    assert response.status_code == 200
    errors = _errors_of(response)["collectivity"]
    assert any(fragment in message for message in errors)
    assert existing.email not in response.content.decode()
    assert Signature.objects.count() == 1


@pytest.mark.parametrize(
    "status", [Signature.Status.REJECTED, Signature.Status.WITHDRAWN]
)
def test_collectivity_may_sign_again_after_rejection_or_withdrawal(
    client, manifesto_page, labege, status
):
    make_signature(labege, status=status)

    response = client.post(SIGN_URL, signing_data(labege))

    assert response.status_code == 302
    assert Signature.objects.live().filter(collectivity=labege).count() == 1


def test_signature_left_unconfirmed_past_its_link_no_longer_blocks(
    client, manifesto_page, labege
):
    """Its link has expired: a new signature replaces it."""
    from datetime import timedelta

    from django.utils import timezone

    stale = make_signature(
        labege,
        status=Signature.Status.AWAITING_CONFIRMATION,
        created_at=timezone.now() - timedelta(days=8),
    )

    response = client.post(SIGN_URL, signing_data(labege))

    assert response.status_code == 302
    assert not Signature.objects.filter(pk=stale.pk).exists()
    assert Signature.objects.get().status == Signature.Status.AWAITING_CONFIRMATION


@pytest.mark.parametrize(
    "upload, fragment",
    [
        (image_file("logo.gif", "GIF"), "PNG, JPEG ou WebP"),
        (image_file("logo.png", "PNG", size=(20, 20)), "trop petit"),
        (image_file("logo.png", "PNG", size=(4100, 40)), "trop grand"),
    ],
    ids=["gif", "tiny", "huge"],
)
def test_bad_logo_is_refused(client, manifesto_page, labege, upload, fragment):
    response = client.post(SIGN_URL, signing_data(labege, logo=upload))

    _assert_refused(response, "logo", fragment)


def test_svg_logo_is_refused_whatever_its_name(client, manifesto_page, labege):
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
        b"<script>alert(1)</script></svg>"
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    for name in ("logo.svg", "logo.png"):
        upload = SimpleUploadedFile(name, svg, "image/svg+xml")
        response = client.post(SIGN_URL, signing_data(labege, logo=upload))

        assert "logo" in _errors_of(response)
        assert not Signature.objects.exists()


def test_logo_over_one_megabyte_is_refused(client, manifesto_page, labege):
    import io
    import os

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    noise = Image.frombytes("RGB", (800, 800), os.urandom(800 * 800 * 3))
    noise.save(buffer, format="PNG")
    assert buffer.tell() > 1024 * 1024
    upload = SimpleUploadedFile("logo.png", buffer.getvalue(), "image/png")

    response = client.post(SIGN_URL, signing_data(labege, logo=upload))

    _assert_refused(response, "logo", "le maximum est")


def test_refused_form_keeps_what_was_typed(client, manifesto_page, labege):
    data = signing_data(
        labege,
        email="",
        signer_name="Dominique Sans-Adresse",
        public_message="Un message à garder",
        deliberation_date="12/03/2025",
    )

    response = client.post(SIGN_URL, data)

    html = response.content.decode()
    assert 'value="Dominique Sans-Adresse"' in html
    assert "Un message à garder" in html
    assert 'value="12/03/2025"' in html
    assert 'value="Maire"' in html


def test_errors_are_tied_to_their_fields_for_screen_readers(
    client, manifesto_page, labege
):
    response = client.post(SIGN_URL, signing_data(labege, email=""))

    html = response.content.decode()
    assert 'id="id_email_error"' in html
    email_input = re.search(r"<input[^>]*name=\"email\"[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in email_input
    assert "id_email_error" in email_input
    assert 'href="#id_email"' in html  # the summary leads to the field


def test_logo_must_be_chosen_again_after_an_error(client, manifesto_page, labege):
    data = signing_data(labege, email="", logo=image_file())

    response = client.post(SIGN_URL, data)

    assert "choisissez de nouveau le logo" in response.content.decode()


def test_filled_honeypot_writes_nothing_and_sends_nothing(
    client, manifesto_page, labege
):
    """A robot is told all went well, and nothing happens."""
    data = signing_data(labege, site_web="http://spam.example")

    response = client.post(SIGN_URL, data)

    assert response.status_code == 302
    assert not Signature.objects.exists()
    assert mail.outbox == []


def test_honeypot_is_hidden_from_people_and_assistive_technologies(
    client, manifesto_page
):
    html = client.get(SIGN_URL).content.decode()

    honeypot = re.search(r'<div class="form-honeypot"[^>]*>', html).group(0)
    assert 'aria-hidden="true"' in honeypot
    assert re.search(r'<input[^>]*name="site_web"[^>]*tabindex="-1"', html)


def test_rate_limit_answers_429_keeps_input_and_writes_nothing(
    client, rf, manifesto_page, labege, rennes
):
    for _ in range(ratelimit.SIGNATURES_PER_WINDOW):
        ratelimit.count_signature(rf.post(SIGN_URL, REMOTE_ADDR="127.0.0.1"))

    response = client.post(SIGN_URL, signing_data(rennes, signer_name="Alex Durand"))

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= ratelimit.WINDOW_SECONDS
    html = response.content.decode()
    assert "Trop de signatures envoyées" in html
    assert "Réessayez dans 60 minutes" in html
    assert 'value="Alex Durand"' in html
    assert not Signature.objects.exists()
    assert mail.outbox == []


def test_rate_limit_counts_signatures_per_client_address(
    client, manifesto_page, settings
):
    """Five signatures go through from one address; the sixth waits."""
    collectivities = [
        make_collectivity(name=f"Commune {n}", code=f"3100{n}", siren=f"21310000{n}")
        for n in range(ratelimit.SIGNATURES_PER_WINDOW + 1)
    ]
    statuses = [
        client.post(SIGN_URL, signing_data(collectivity)).status_code
        for collectivity in collectivities
    ]

    assert statuses == [302] * ratelimit.SIGNATURES_PER_WINDOW + [429]
    assert Signature.objects.count() == ratelimit.SIGNATURES_PER_WINDOW

    other = client.post(
        SIGN_URL, signing_data(collectivities[-1]), REMOTE_ADDR="192.0.2.7"
    )
    assert other.status_code == 302


def test_rate_limit_counts_visitors_behind_a_proxy_apart(
    client, manifesto_page, settings
):
    """Behind a reverse proxy, each visitor has a limit of their own."""
    settings.TRUSTED_PROXY_COUNT = 1
    collectivities = [
        make_collectivity(name=f"Commune {n}", code=f"3100{n}", siren=f"21310000{n}")
        for n in range(ratelimit.SIGNATURES_PER_WINDOW + 2)
    ]

    def sign_from(address, collectivity):
        return client.post(
            SIGN_URL,
            signing_data(collectivity),
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=address,
        ).status_code

    statuses = [
        sign_from("203.0.113.9", collectivity)
        for collectivity in collectivities[: ratelimit.SIGNATURES_PER_WINDOW + 1]
    ]

    assert statuses[-1] == 429
    assert sign_from("198.51.100.2", collectivities[-1]) == 302


def test_email_failure_keeps_the_signature_and_records_it(
    client, manifesto_page, labege, settings
):
    settings.EMAIL_BACKEND = "tests.manifesto.mailbackends.FailingBackend"

    response = client.post(SIGN_URL, signing_data(labege))

    assert response.status_code == 302
    assert response["Location"] == "/manifeste/signer/merci/?courriel=echec"
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.AWAITING_CONFIRMATION
    assert signature.failed_email == Signature.Email.CONFIRMATION
    assert signature.email_error == "SMTPServerDisconnected"
    assert signature.email_failed_at is not None
    thanks = client.get(response["Location"]).content.decode()
    assert "n’a pas pu partir" in thanks
