"""The library's forms and listings take any input without breaking."""

import pytest
from django.core.cache import cache
from hypothesis import example, given
from hypothesis import strategies as st

from library.forms import ProposalForm
from library.proposal_steps import DIRECTION_FIELD, PROGRESS_FIELD
from tests.library.builders import make_capability, make_project, make_theme
from tests.library.test_proposals import submit, valid_data

from .conftest import ANY_VALUE, TEXT
from .test_arbitrary_input import answered

pytestmark = pytest.mark.django_db

PROPOSAL_FIELDS = [*ProposalForm.base_fields, "lead_collectivity"]
SUGGESTION_FIELDS = ["message", "contact_name", "contact_email", "site_web"]
LISTING_PARAMETERS = st.dictionaries(
    st.one_of(
        st.sampled_from(["q", "page", "tri", "theme", "capacite", "phase", "region"]),
        TEXT,
    ),
    st.one_of(ANY_VALUE, st.lists(TEXT, max_size=80)),
    max_size=6,
)


@pytest.fixture
def vocabularies(db):
    return {
        "water": make_theme("Eau et assainissement"),
        "forecasting": make_capability("Prévision"),
    }


@pytest.fixture
def project(library_index, labege):
    return make_project(library_index, lead_collectivity=labege)


def shows_errors_or_moved_on(response):
    answered(response)
    if response.status_code == 200:
        assert 'aria-invalid="true"' in response.content.decode()


@given(fields=st.dictionaries(st.sampled_from(PROPOSAL_FIELDS), ANY_VALUE))
@example(fields={"themes": str(2**63), "capabilities": "9" * 30})
def test_proposal_form_answers_any_submission(
    client, library_index, labege, vocabularies, fields
):
    cache.clear()
    data = valid_data(vocabularies, **fields)

    shows_errors_or_moved_on(submit(client, f"{library_index.url}proposer/", data))


@given(progress=ANY_VALUE, direction=ANY_VALUE)
def test_proposal_steps_answer_any_progress(
    client, library_index, labege, vocabularies, progress, direction
):
    """A forged or broken progress starts the form again; it never fails."""
    cache.clear()
    data = {**valid_data(vocabularies), PROGRESS_FIELD: progress}
    data[DIRECTION_FIELD] = direction

    response = answered(client.post(f"{library_index.url}proposer/", data))

    assert response.status_code == 200
    assert response.context["progress"].step_number == 1


@given(fields=st.dictionaries(st.sampled_from(SUGGESTION_FIELDS), ANY_VALUE))
def test_suggestion_form_answers_any_submission(client, project, fields):
    cache.clear()
    data = {"message": "Le budget a changé.", **fields}

    shows_errors_or_moved_on(client.post(f"{project.url}signaler/", data))


@given(parameters=LISTING_PARAMETERS)
@example(parameters={"page": str(2**63), "theme": str(2**63), "region": "9" * 30})
def test_library_index_answers_any_query(client, library_index, project, parameters):
    cache.clear()
    answered(client.get(library_index.url, parameters))


@given(identifier=TEXT)
@example(identifier=str(2**63))
def test_collectivity_profile_answers_any_identifier(client, project, identifier):
    cache.clear()
    answered(client.get(f"/collectivites/{identifier}/"))


@given(
    endpoint=st.sampled_from(["pages", "images", "documents"]),
    parameters=st.dictionaries(
        st.one_of(
            st.sampled_from(
                ["type", "fields", "limit", "offset", "search", "order", "child_of"]
            ),
            TEXT,
        ),
        ANY_VALUE,
        max_size=5,
    ),
)
@example(endpoint="pages", parameters={"offset": str(2**63)})
@example(endpoint="images", parameters={"offset": "9" * 30, "limit": "5"})
@example(endpoint="documents", parameters={"limit": str(2**63), "offset": "1"})
def test_api_answers_any_query(client, project, endpoint, parameters):
    cache.clear()
    answered(client.get(f"/api/v2/{endpoint}/", parameters))


@given(
    parameters=LISTING_PARAMETERS,
    path=st.sampled_from(["projets.csv", "projets.json", "schema.json", "flux.atom"]),
)
def test_library_open_data_answers_any_query(client, project, parameters, path):
    cache.clear()
    answered(client.get(f"/bibliotheque/{path}", parameters))


@pytest.mark.parametrize("text", ["\x00", '"', 'eau "potable', "(", "é\x01"])
def test_search_syntax_and_control_characters_find_nothing_quietly(
    client, project, text
):
    """Quotes and control characters reach neither engine nor database as syntax."""
    library = client.get(project.get_parent().url, {"q": text})
    api = client.get("/api/v2/pages/", {"search": text})

    assert library.status_code == 200
    assert api.status_code == 200
