"""The home page shows the number of signatories and invites authorities to sign."""

import pytest

from manifesto.models import Signature

from .conftest import make_signature

pytestmark = pytest.mark.django_db


def test_home_page_shows_the_count_and_the_way_to_sign(
    client, home_page, manifesto_page, labege, rennes
):
    make_signature(labege)
    make_signature(rennes, status=Signature.Status.AWAITING_MODERATION)

    html = client.get(home_page.url).content.decode()

    assert "<strong>1</strong> collectivité a signé le manifeste." in html
    assert 'href="/manifeste/signer/"' in html
    assert 'href="/manifeste/signataires/"' in html


def test_home_page_says_nothing_of_signing_without_a_manifesto(client, home_page):
    html = client.get(home_page.url).content.decode()

    assert "Signez le manifeste" not in html


def test_route_pages_carry_a_breadcrumb_to_the_manifesto(client, manifesto_page):
    html = client.get("/manifeste/signataires/").content.decode()

    breadcrumb = html[html.index('class="breadcrumb') :]
    assert 'href="/manifeste/"' in breadcrumb
    assert 'href="/manifeste/signataires/" aria-current="page"' in breadcrumb
