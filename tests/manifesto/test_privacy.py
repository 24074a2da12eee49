"""No contact address ever reaches a public page or the open data."""

import re

import pytest

from manifesto import tokens
from manifesto.models import Signature

from .conftest import make_signature, signing_data

pytestmark = pytest.mark.django_db

EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


@pytest.fixture
def signatures(manifesto_page, chapters, labege, rennes, sicoval):
    return [
        make_signature(labege, email="maire@labege.example"),
        make_signature(
            rennes,
            email="cabinet@rennes.example",
            status=Signature.Status.AWAITING_MODERATION,
        ),
        make_signature(
            sicoval,
            email="dg@sicoval.example",
            status=Signature.Status.AWAITING_CONFIRMATION,
        ),
    ]


def public_responses(client, signatures):
    paths = [
        "/manifeste/",
        "/manifeste/une-ia-sociale/",
        "/manifeste/signer/",
        "/manifeste/signer/merci/",
        "/manifeste/signataires/",
        "/manifeste/signataires/?q=labege&tri=nom",
        "/manifeste/signataires.csv",
        "/manifeste/signataires.json",
    ]
    for signature in signatures:
        paths.append(f"/manifeste/retirer/{tokens.make_withdrawal_token(signature)}/")
        paths.append(
            f"/manifeste/confirmer/{tokens.make_confirmation_token(signature)}/"
        )
    for path in paths:
        yield path, client.get(path)


def test_no_email_address_on_any_public_page_or_file(client, signatures):
    for path, response in public_responses(client, signatures):
        assert response.status_code == 200, path
        found = EMAIL_PATTERN.findall(response.content.decode())
        assert found == [], f"{path} shows {found}"


def test_duplicate_answer_does_not_reveal_the_existing_address(
    client, signatures, labege
):
    response = client.post(
        "/manifeste/signer/", signing_data(labege, email="autre@labege.example")
    )

    assert "maire@labege.example" not in response.content.decode()


def test_public_pages_carry_no_per_user_content(client, signatures, admin_user):
    """A logged-in editor sees the same public pages: no user bar, no name."""
    client.force_login(admin_user)

    for path in ("/manifeste/", "/manifeste/signataires/"):
        html = client.get(path).content.decode()
        assert "wagtail-userbar" not in html
        assert admin_user.username not in html


def test_signatures_are_not_in_the_search_index(signatures):
    """Site search covers pages only: no signature, hence no address, is found."""
    from wagtail.models import Page
    from wagtail.search.index import get_indexed_models

    assert Signature not in get_indexed_models()
    assert not Page.objects.live().search("labege.example").count()
