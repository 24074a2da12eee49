"""The Nu HTML Checker finds no error in any public page, in any state."""

import pytest

from tests.conftest import skip_or_fail

from .pages import page_states, state_id
from .tools import check_html, describe_html_errors, missing_html_checker


@pytest.fixture(scope="module")
def html_errors(browser, site):
    """The checker's errors for every page state, from one run of the checker."""
    reason = missing_html_checker()
    if reason:
        skip_or_fail(reason)
    context = browser.new_context()
    page = context.new_page()
    documents = {}
    for page_type, state, visit in page_states():
        response = visit.open(page, site)
        documents[state_id((page_type, state, visit))] = response.text()
    context.close()
    return check_html(documents)


@pytest.mark.parametrize("page_state", page_states(), ids=state_id)
def test_page_is_valid_html(html_errors, page_state):
    """The HTML that the server sends has no error by the Nu HTML Checker."""
    errors = html_errors[state_id(page_state)]

    assert not errors, f"HTML errors:\n{describe_html_errors(errors)}"
