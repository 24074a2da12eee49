"""With the database out of reach, visitors get a French 503 page; then it heals.

The portable tests make every query of the connection fail as a refused
connection would; those marked `postgresql` point the connection at a port where
nothing listens, then back, on a real server.
"""

import socket
from contextlib import contextmanager

import psycopg
import pytest
from django.db import OperationalError, close_old_connections, connection

pytestmark = pytest.mark.urls("tests.core.urls")

COUNT_URL = "/essai/compte/"


@contextmanager
def database_refusing_connections(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(connection, "ensure_connection", refuse)
        yield


def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def assert_is_the_503_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    content = response.content.decode()
    assert '<html lang="fr">' in content
    assert "Site momentanément indisponible" in content
    assert "il n’a pas été enregistré" in content


@pytest.mark.django_db
def test_visitor_gets_the_503_page_then_the_site_once_the_database_is_back(
    client, monkeypatch
):
    with database_refusing_connections(monkeypatch):
        assert_is_the_503_page(client.get("/sitemap.xml"))

    assert client.get("/sitemap.xml").status_code == 200


@pytest.mark.django_db
def test_503_page_is_rendered_without_any_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert_is_the_503_page(client.get("/essai/base-perdue/"))


@pytest.mark.django_db
def test_database_lost_outside_a_view_also_gets_the_503_page(admin_client, monkeypatch):
    """Saving an editor's session after the view fails the same way, and is caught."""
    admin_client.raise_request_exception = False
    with database_refusing_connections(monkeypatch):
        # robots.txt needs no query, but the session is saved after the view.
        assert_is_the_503_page(admin_client.get("/robots.txt"))

    assert admin_client.get("/robots.txt").status_code == 200


@pytest.mark.django_db
def test_database_outage_is_logged_in_one_line(client, monkeypatch, log_lines):
    with database_refusing_connections(monkeypatch):
        client.get("/sitemap.xml")

    outage = [line for line in log_lines.lines if "Database unavailable" in line]
    assert len(outage) == 1
    assert "OperationalError" in outage[0]


@pytest.fixture
def settings_dict():
    original = dict(connection.settings_dict)
    yield connection.settings_dict
    connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(original)


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_site_recovers_from_a_refused_connection_without_restart(client, settings_dict):
    """A server that refuses connections gives 503; once it accepts, pages are back."""
    real_port = settings_dict["PORT"]
    connection.close()
    settings_dict["PORT"] = unused_port()

    assert_is_the_503_page(client.get(COUNT_URL))
    assert_is_the_503_page(client.get(COUNT_URL))

    settings_dict["PORT"] = real_port

    assert client.get(COUNT_URL).status_code == 200


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_dropped_connection_is_replaced_before_reuse(client):
    """A persistent connection that the server dropped is checked and replaced.

    Between two requests Django runs `close_old_connections()`, which, with
    CONN_HEALTH_CHECKS, makes the next query test the connection first; the test
    client skips that step, so the test runs it where a request would.
    """
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
    assert client.get(COUNT_URL).status_code == 200
    dropped_pid = connection.connection.info.backend_pid
    with psycopg.connect(**administration_parameters(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [dropped_pid])

    close_old_connections()
    response = client.get(COUNT_URL)

    assert response.status_code == 200
    assert connection.connection.info.backend_pid != dropped_pid


def administration_parameters():
    settings = connection.settings_dict
    parameters = {
        "dbname": "postgres",
        "host": settings["HOST"] or None,
        "port": settings["PORT"] or None,
        "user": settings["USER"] or None,
        "password": settings["PASSWORD"] or None,
    }
    return {key: value for key, value in parameters.items() if value is not None}
