"""The whole journey of a signature, through the real views only."""

import json
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from .conftest import image_file, signing_data

pytestmark = pytest.mark.django_db


def link_in(message, word):
    """The path of the link of the message that contains ``word``."""
    url = re.search(rf"https?://\S+/{word}/\S+/", message.body).group(0)
    return urlsplit(url).path


def test_sign_confirm_moderate_list_and_withdraw(
    client, manifesto_page, labege, moderator
):
    # The visitor signs.
    form = client.get("/manifeste/signer/")
    assert form.status_code == 200
    data = signing_data(labege, public_message="Pour une IA sobre.", logo=image_file())
    response = client.post("/manifeste/signer/", data, follow=True)
    assert "Merci, votre signature est enregistrée" in response.content.decode()
    assert "Labège" not in client.get("/manifeste/signataires/").content.decode()

    # The email carries the links; following the first one confirms.
    (confirmation,) = mail.outbox
    confirm_path = link_in(confirmation, "confirmer")
    withdraw_path = link_in(confirmation, "retirer")
    assert "Je confirme" in client.get(confirm_path).content.decode()
    response = client.post(confirm_path, follow=True)
    assert "Votre signature est confirmée" in response.content.decode()

    # The moderators are told, and one approves in the admin.
    notification = mail.outbox[1]
    assert notification.to == [moderator.email]
    admin_path = urlsplit(re.search(r"https?://\S+", notification.body).group(0)).path
    client.force_login(moderator)
    inspect = client.get(admin_path).content.decode()
    approve_path = re.search(
        r'href="(/admin/manifesto/signature/approve/\d+/)"', inspect
    )
    response = client.post(approve_path.group(1), {"note": ""}, follow=True)
    assert "1 signature approuvée" in response.content.decode()
    client.logout()

    # The signer is told, and the authority is listed and in the open data.
    decision = mail.outbox[2]
    assert decision.to == ["camille.martin@mairie.example"]
    listing = client.get("/manifeste/signataires/").content.decode()
    assert "Labège" in listing and "Pour une IA sobre." in listing
    assert (
        "<strong>1</strong> collectivités" in listing or "<strong>1</strong>" in listing
    )
    assert "Labège" in client.get("/manifeste/signataires.csv").content.decode()
    data = json.loads(client.get("/manifeste/signataires.json").content)
    assert [row["collectivite"] for row in data["signataires"]] == ["Labège"]

    # Withdrawing removes it from every public list at once.
    client.post(withdraw_path)
    assert "Labège" not in client.get("/manifeste/signataires/").content.decode()
    assert "Labège" not in client.get("/manifeste/signataires.csv").content.decode()
    data = json.loads(client.get("/manifeste/signataires.json").content)
    assert data["signataires"] == []
    home = client.get("/manifeste/").content.decode()
    assert "<strong>0</strong> collectivités" in home
