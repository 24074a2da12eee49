"""The site of a request, found as Wagtail finds it, from the cache."""

import itertools

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from home import shell

pytestmark = pytest.mark.django_db

# Sites as (hostname, port, is_default_site): each layout is tried with every
# host and port below, against Wagtail's own choice.
LAYOUTS = [
    [("localhost", 80, True)],
    [("a.example", 80, True), ("b.example", 80, False)],
    [("a.example", 80, False), ("b.example", 80, True)],
    [("a.example", 80, True), ("a.example", 8080, False)],
    [("a.example", 8080, True), ("b.example", 80, False), ("b.example", 8000, False)],
    [("a.example", 80, False), ("a.example", 8080, False)],
    [("a.example", 80, False), ("b.example", 443, False)],
    [("b.example", 80, True), ("a.example", 8080, False)],
]
HOSTS = ["a.example", "b.example", "c.example", "localhost"]
PORTS = ["80", "443", "8000", "8080", "nombre"]


def lay_out_sites(layout):
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    for number, (hostname, port, is_default) in enumerate(layout):
        home = root.add_child(instance=Page(title=f"Accueil {number}"))
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=is_default,
        )


def wagtails_choice(hostname, port):
    try:
        return get_site_for_hostname(hostname, port).pk
    except Site.DoesNotExist:
        return None


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_site_is_the_one_wagtail_would_find(layout):
    lay_out_sites(layout)
    sites = list(Site.objects.order_by("pk"))

    for hostname, port in itertools.product(HOSTS, PORTS):
        chosen = shell.choose_site(sites, hostname, port)
        # Wagtail's query fails on a port that is not a number; here it is
        # taken as a port no site has.
        expected = wagtails_choice(hostname, port if port.isdigit() else 1)
        assert (chosen and chosen.pk) == expected, (hostname, port)


def request_for(host):
    return RequestFactory().get("/", HTTP_HOST=host)


def test_the_site_is_read_from_the_cache_after_once():
    lay_out_sites([("a.example", 80, True), ("b.example", 80, False)])
    first = shell.find_site(request_for("b.example"))

    with CaptureQueriesContext(connection) as queries:
        again = shell.find_site(request_for("b.example"))
        other = shell.find_site(request_for("a.example"))

    assert len(queries) == 0
    assert again.pk == first.pk == Site.objects.get(hostname="b.example").pk
    assert other.hostname == "a.example"
    assert Site.find_for_request(request_for_site := request_for("b.example")) == (
        shell.find_site(request_for_site)
    )


def test_a_changed_or_new_site_is_found_at_once():
    lay_out_sites([("a.example", 80, True)])
    assert shell.find_site(request_for("b.example")).hostname == "a.example"

    home = Page.get_first_root_node().add_child(instance=Page(title="B"))
    Site.objects.create(hostname="b.example", port=80, root_page=home)
    assert shell.find_site(request_for("b.example")).root_page_id == home.pk

    site = Site.objects.get(hostname="b.example")
    site.hostname = "c.example"
    site.save()
    assert shell.find_site(request_for("b.example")).hostname == "a.example"
    assert shell.find_site(request_for("c.example")).pk == site.pk


def test_a_page_view_asks_the_database_for_no_site(client, home_page):
    client.get("/")

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200

    assert not [
        query
        for query in queries.captured_queries
        if Site._meta.db_table in query["sql"].partition(" WHERE ")[0]
    ]
