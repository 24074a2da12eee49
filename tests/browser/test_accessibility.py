"""axe-core finds no WCAG 2.1 A or AA violation on any public page, in any state."""

import pytest

from .pages import page_states, state_id
from .tools import describe_violations, run_axe


@pytest.mark.parametrize("page_state", page_states(), ids=state_id)
def test_page_breaks_no_wcag_rule(axe, site, page, page_state):
    """axe-core, run inside the page, reports no violation of WCAG 2.1 A and AA."""
    _page_type, _state, visit = page_state
    response = visit.open(page, site)
    assert response.status == visit.status

    violations = run_axe(page)

    assert not violations, f"WCAG violations:\n{describe_violations(violations)}"
