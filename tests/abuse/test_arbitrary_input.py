"""Arbitrary text, sizes and parameters get a page or a field error, never a 500."""

import pytest
from django.core.cache import cache
from hypothesis import example, given
from hypothesis import strategies as st

from tests.manifesto.conftest import signing_data

from .conftest import ANY_VALUE, TEXT

pytestmark = pytest.mark.django_db

ACCEPTED = {200, 301, 302, 400, 404, 405, 429}

SIGNING_FIELDS = [
    "collectivity",
    "collectivity_id",
    "signer_name",
    "signer_mandate",
    "email",
    "deliberation_date",
    "deliberation_url",
    "public_message",
    "consent",
    "site_web",
]

# Query parameters of the public listings, known ones and made-up ones.
PARAMETERS = st.dictionaries(
    st.one_of(st.sampled_from(["q", "page", "nature", "region", "tri"]), TEXT),
    ANY_VALUE,
    max_size=6,
)


def answered(response):
    assert response.status_code in ACCEPTED, response.status_code
    return response


@given(fields=st.dictionaries(st.sampled_from(SIGNING_FIELDS), ANY_VALUE))
def test_signing_form_answers_any_submission(client, manifesto_page, labege, fields):
    """Whatever the fields hold, the form is shown again with errors, or accepted."""
    cache.clear()

    response = answered(
        client.post("/manifeste/signer/", signing_data(labege, **fields))
    )

    if response.status_code == 200:
        html = response.content.decode()
        assert 'aria-invalid="true"' in html or "déjà" in html


@given(parameters=PARAMETERS)
@example(parameters={"page": str(2**63), "region": str(2**63), "nature": "9" * 30})
def test_signatories_page_answers_any_query(client, manifesto_page, labege, parameters):
    cache.clear()
    answered(client.get("/manifeste/signataires/", parameters))


@given(parameters=PARAMETERS, extension=st.sampled_from(["csv", "json"]))
def test_open_data_answers_any_query(client, manifesto_page, parameters, extension):
    cache.clear()
    answered(client.get(f"/manifeste/signataires.{extension}", parameters))


@given(parameters=PARAMETERS)
@example(parameters={"q": "lab", "page": str(2**63)})
def test_collectivity_search_page_answers_any_query(
    client, home_page, labege, parameters
):
    cache.clear()
    answered(client.get("/collectivites/recherche/", parameters))


@given(parameters=PARAMETERS)
def test_collectivity_search_json_answers_any_query(client, labege, parameters):
    cache.clear()
    response = answered(client.get("/collectivites/recherche.json", parameters))
    if response.status_code == 200:
        assert isinstance(response.json(), dict | list)


@given(path=TEXT)
def test_any_path_under_the_manifesto_is_a_page_or_not_found(
    client, manifesto_page, path
):
    """Made-up routes and tokens under the manifesto never break it."""
    cache.clear()
    answered(client.get("/manifeste/" + path))
