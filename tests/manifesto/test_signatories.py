"""The list of signatories at /manifeste/signataires/."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from manifesto.models import Signature
from manifesto.views import SIGNATORIES_PER_PAGE
from territories.models import Collectivity
from tests.factories import make_collectivity, make_departement

from .conftest import image_file, make_signature

pytestmark = pytest.mark.django_db

URL = "/manifeste/signataires/"


def listed_names(response):
    names = re.findall(
        r'<h3 class="signatory__name">\s*(?:<a [^>]*>)?([^<]+)',
        response.content.decode(),
    )
    return [unescape(name).strip() for name in names]


@pytest.fixture
def signatories(manifesto_page, labege, rennes, sicoval):
    now = timezone.now()
    make_signature(labege, confirmed_at=now - timedelta(days=3))
    make_signature(rennes, confirmed_at=now - timedelta(days=1))
    make_signature(sicoval, confirmed_at=now - timedelta(days=2))


def test_only_approved_signatures_are_listed_with_their_count(
    client, manifesto_page, labege, rennes, sicoval
):
    make_signature(labege)
    for status in (
        Signature.Status.AWAITING_CONFIRMATION,
        Signature.Status.AWAITING_MODERATION,
    ):
        make_signature(rennes, status=status)
        Signature.objects.filter(collectivity=rennes).update(
            status=Signature.Status.REJECTED
        )
    make_signature(sicoval, status=Signature.Status.WITHDRAWN)

    response = client.get(URL)

    assert response.status_code == 200
    assert listed_names(response) == ["Labège"]
    assert "<strong>1</strong> collectivité a signé" in response.content.decode()


def test_newest_first_by_default_and_by_name_on_request(client, signatories):
    by_date = listed_names(client.get(URL))
    by_name = listed_names(client.get(f"{URL}?tri=nom"))

    assert by_date == ["Rennes", "Communauté d'agglomération du Sicoval", "Labège"]
    assert by_name == ["Communauté d'agglomération du Sicoval", "Labège", "Rennes"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("nature=commune", ["Rennes", "Labège"]),
        ("nature=ca", ["Communauté d'agglomération du Sicoval"]),
        ("region=76", ["Communauté d'agglomération du Sicoval", "Labège"]),
        ("region=76&nature=commune", ["Labège"]),
        ("q=labege", ["Labège"]),
        ("q=SICOVAL&region=76", ["Communauté d'agglomération du Sicoval"]),
        ("q=rennes&region=76", []),
    ],
)
def test_filters_combine_in_the_address(client, signatories, query, expected):
    response = client.get(f"{URL}?{query}")

    assert listed_names(response) == expected


def test_filter_form_works_without_javascript(client, signatories):
    """A plain GET form whose fields keep their values."""
    html = client.get(f"{URL}?region=76&q=lab").content.decode()

    form = re.search(
        r'<form class="signatory-filters" method="get".*?</form>', html, re.S
    )
    assert form
    assert 'value="lab"' in form.group(0)
    assert re.search(r'<option value="76" selected>Occitanie</option>', form.group(0))


def test_invalid_filter_values_are_ignored_not_fatal(client, signatories):
    response = client.get(f"{URL}?region=ZZ&nature=chateau&tri=au-hasard&page=abc")

    assert response.status_code == 200
    assert len(listed_names(response)) == 3


def test_list_is_paginated(client, manifesto_page):
    departement = make_collectivity().departement
    for number in range(SIGNATORIES_PER_PAGE + 2):
        make_signature(
            make_collectivity(
                name=f"Commune {number:03d}",
                code=f"31{number:03d}",
                siren=f"2131{number:05d}",
                departement=departement,
                postcodes=(),
            )
        )

    first = client.get(f"{URL}?tri=nom")
    second = client.get(f"{URL}?tri=nom&page=2")

    assert len(listed_names(first)) == SIGNATORIES_PER_PAGE
    assert listed_names(second) == [
        f"Commune {SIGNATORIES_PER_PAGE:03d}",
        f"Commune {SIGNATORIES_PER_PAGE + 1:03d}",
    ]
    assert 'href="?tri=nom&amp;page=2"' in first.content.decode()


def test_map_and_table_give_the_count_of_each_region(client, signatories, bretagne):
    html = client.get(URL).content.decode()

    table = re.search(r'<table class="region-map__table">.*?</table>', html, re.S)
    rows = dict(
        re.findall(
            r'<th scope="row">(?:<a [^>]*>)?([^<]+)(?:</a>)?</th>\s*<td>(\d+)</td>',
            table.group(0),
        )
    )
    assert rows == {"Occitanie": "2", "Bretagne": "1"}
    assert "<svg" in html and "OCC" in html and "BRE" in html
    assert re.search(r"<title>Occitanie : 2</title>", html)


def test_signatory_shows_public_details_and_its_logo(client, manifesto_page, labege):
    signature = make_signature(
        labege,
        signer_mandate="Maire",
        deliberation_url="https://www.labege.fr/deliberation.pdf",
        public_message="Pour une IA sobre.",
    )
    signature.logo.save("logo.png", image_file(), save=True)

    html = client.get(URL).content.decode()

    assert "(signataire : Maire)" in html
    assert 'href="https://www.labege.fr/deliberation.pdf"' in html
    assert "Pour une IA sobre." in html
    assert f'src="{signature.logo.url}" width="200" height="100"' in html
    assert signature.signer_name not in html


def test_example_signatures_are_marked(client, manifesto_page, labege):
    make_signature(labege, is_example=True)

    assert "Exemple" in client.get(URL).content.decode()


def test_signatories_are_not_linked_while_profiles_do_not_exist(
    client, manifesto_page, labege, monkeypatch
):
    monkeypatch.setattr("manifesto.links.profiles_exist", lambda: False)
    make_signature(labege)

    assert "/collectivites/213102544/" not in client.get(URL).content.decode()


def test_signatories_link_to_profiles_once_they_exist(
    client, manifesto_page, labege, monkeypatch
):
    monkeypatch.setattr("manifesto.links.profiles_exist", lambda: True)
    make_signature(labege)

    assert 'href="/collectivites/213102544/"' in client.get(URL).content.decode()


def _make_signatories(first, last):
    departement = make_departement()
    kinds = [Collectivity.Kind.COMMUNE, Collectivity.Kind.CC]
    for number in range(first, last):
        make_signature(
            make_collectivity(
                name=f"Collectivité {number}",
                kind=kinds[number % 2],
                code=f"9{number:04d}",
                siren=f"2009{number:05d}",
                departement=departement,
                postcodes=(),
            )
        )


def _queries_to_list(client, query=""):
    client.get(URL + query)  # Warm the caches of the site and its pages.
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL + query)
    assert response.status_code == 200
    return len(captured.captured_queries), len(listed_names(response))


@pytest.mark.parametrize("query", ["", "?tri=nom&nature=commune&region=76&q=collec"])
def test_query_count_does_not_grow_with_the_signatures(client, manifesto_page, query):
    """The page costs the same few queries with 5 signatures as with 50."""
    _make_signatories(0, 5)
    queries_for_5, listed_for_5 = _queries_to_list(client, query)
    _make_signatories(5, 50)
    queries_for_50, listed_for_50 = _queries_to_list(client, query)

    assert listed_for_50 > listed_for_5 > 0
    assert queries_for_5 == queries_for_50
    assert queries_for_50 <= 20


def test_the_signatories_page_is_known_under_its_own_address(client, manifesto_page):
    """The canonical link of a route names the route, not the manifesto."""
    page_url = manifesto_page.get_full_url()
    signatories = client.get(manifesto_page.url + "signataires/")
    manifesto = client.get(manifesto_page.url)
    assert f'<link rel="canonical" href="{page_url}signataires/">' in (
        signatories.content.decode()
    )
    assert f'<link rel="canonical" href="{page_url}">' in manifesto.content.decode()
