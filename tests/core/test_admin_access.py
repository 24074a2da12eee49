"""The admin's sessions end after inactivity, and password guessing is throttled."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.utils import timezone

from core import auth

pytestmark = pytest.mark.django_db

PASSWORD = "un-mot-de-passe-solide-2026"
LOGIN_URL = "/admin/login/"


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser(
        username="redaction", email="redaction@example.org", password=PASSWORD
    )


def log_in(client, username="redaction", password=PASSWORD, address="192.0.2.10"):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def current_session(client):
    return Session.objects.get(
        session_key=client.cookies[settings.SESSION_COOKIE_NAME].value
    )


# ----- Session expiry -----


def test_admin_session_ends_after_inactivity(client, editor):
    """Once the idle delay has passed without a request, the admin asks to log in."""
    assert log_in(client).status_code == 302
    assert client.get("/admin/").status_code == 200

    session = current_session(client)
    session.expire_date = timezone.now() - timedelta(seconds=1)
    session.save()
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN_URL)


def test_each_admin_request_restarts_the_idle_delay(client, editor):
    """A session close to its end is extended by a full idle delay on any request."""
    log_in(client)
    session = current_session(client)
    session.expire_date = timezone.now() + timedelta(minutes=1)
    session.save()

    assert client.get("/admin/").status_code == 200

    extended = current_session(client).expire_date
    assert extended > timezone.now() + timedelta(
        seconds=settings.SESSION_COOKIE_AGE - 60
    )


def test_idle_delay_is_short():
    assert settings.SESSION_COOKIE_AGE <= 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST


# ----- Login throttling -----


def test_right_password_is_refused_after_repeated_failures(client, editor):
    """After five failures, even the right password is refused, in French."""
    for _ in range(auth.FAILURES_PER_ACCOUNT):
        response = log_in(client, password="mauvais")
        assert response.status_code == 200

    response = log_in(client)

    assert response.status_code == 200
    assert "Trop de tentatives de connexion ont échoué" in response.content.decode()
    assert "réessayez dans 15 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_below_the_limit_do_not_block(client, editor):
    for _ in range(auth.FAILURES_PER_ACCOUNT - 1):
        log_in(client, password="mauvais")

    assert log_in(client).status_code == 302


def test_successful_login_clears_the_failures(client, editor):
    """Failures do not add up across a successful login."""
    for _ in range(auth.FAILURES_PER_ACCOUNT - 1):
        log_in(client, password="mauvais")
    assert log_in(client).status_code == 302
    client.logout()

    for _ in range(auth.FAILURES_PER_ACCOUNT - 1):
        log_in(client, password="mauvais")

    assert log_in(client).status_code == 302


def test_throttling_one_account_spares_it_from_other_addresses(client, editor):
    """Someone guessing from one address does not lock the editor out elsewhere."""
    for _ in range(auth.FAILURES_PER_ACCOUNT):
        log_in(client, password="mauvais", address="198.51.100.7")

    assert log_in(client, address="192.0.2.10").status_code == 302


def test_one_address_trying_many_accounts_is_throttled(client, editor):
    """Spreading guesses over many usernames from one address is stopped too."""
    for number in range(auth.FAILURES_PER_ADDRESS):
        log_in(client, username=f"inconnu{number}", password="mauvais")

    response = log_in(client)

    assert response.status_code == 200
    assert "Trop de tentatives de connexion ont échoué" in response.content.decode()


def test_login_throttling_logs_neither_username_nor_address(client, editor, log_lines):
    for _ in range(auth.FAILURES_PER_ACCOUNT + 1):
        log_in(client, password="mauvais", address="203.0.113.99")

    assert any("too many failed attempts" in line for line in log_lines.lines)
    assert "redaction" not in log_lines.text
    assert "203.0.113.99" not in log_lines.text
