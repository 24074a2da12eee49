"""Past a limit, a client gets the French 429 page and nothing is written."""

import pytest
from django.test import RequestFactory, override_settings

from core.ratelimit import _counter_key, client_address
from territories.models import Region

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.core.urls")]

FORM_URL = "/essai/formulaire/"


def submit(client, code, address="192.0.2.1"):
    return client.post(FORM_URL, {"code": code}, REMOTE_ADDR=address)


def test_requests_past_the_limit_get_the_french_429_page(client):
    for number in range(3):
        assert submit(client, f"0{number}").status_code == 200

    response = submit(client, "09")

    assert response.status_code == 429
    content = response.content.decode()
    assert '<html lang="fr">' in content
    assert "Trop de demandes" in content
    assert "Vous pourrez réessayer dans 10 minutes." in content
    assert 0 < int(response["Retry-After"]) <= 600
    assert "no-store" in response["Cache-Control"]
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_refused_request_writes_nothing(client):
    for number in range(3):
        submit(client, f"0{number}")

    submit(client, "09")

    assert not Region.objects.filter(code="09").exists()
    assert Region.objects.count() == 3


def test_limits_count_each_client_on_its_own(client):
    for number in range(3):
        submit(client, f"0{number}", address="192.0.2.1")

    assert submit(client, "10", address="192.0.2.2").status_code == 200
    assert submit(client, "11", address="192.0.2.1").status_code == 429


def test_limits_count_each_scope_on_its_own(client):
    for number in range(3):
        submit(client, f"0{number}")

    assert client.get("/essai/recherche/", REMOTE_ADDR="192.0.2.1").status_code == 200


def test_decorated_view_counts_only_the_methods_it_names(client):
    """Reading a form page is free; only sending it counts."""
    for _ in range(5):
        assert client.get(FORM_URL, REMOTE_ADDR="192.0.2.1").status_code == 200

    assert submit(client, "01").status_code == 200


def test_check_rate_limit_in_a_view_answers_429(client):
    for _ in range(2):
        assert client.get("/essai/recherche/").status_code == 200

    assert client.get("/essai/recherche/").status_code == 429


def test_counters_do_not_hold_the_address_in_clear():
    key = _counter_key("test-form", "192.0.2.1")

    assert "192.0.2.1" not in key
    assert key.startswith("ratelimit:test-form:")


def test_client_address_is_the_peer_without_trusted_proxy():
    """Without a proxy to trust, X-Forwarded-For is the client's own claim."""
    request = RequestFactory().get(
        "/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="198.51.100.1"
    )

    assert client_address(request) == "192.0.2.1"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_client_address_behind_a_proxy_ignores_what_the_client_wrote():
    """Behind one proxy, the client is the last X-Forwarded-For entry."""
    request = RequestFactory().get(
        "/",
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5",
    )

    assert client_address(request) == "203.0.113.5"
