"""Every public page holds to the site's budget on a first visit."""

import pytest

from .measure import measure_first_visit
from .pages import PUBLIC_PAGE_TYPES


@pytest.mark.parametrize("page_type", PUBLIC_PAGE_TYPES, ids=lambda p: p.name)
def test_first_visit_holds_to_the_budget(browser, site, page_type):
    """No request to another host, at most 15 requests and 250 KB, EcoIndex A."""
    visit = page_type.first_visit

    measured = measure_first_visit(browser, site.address(visit.path))

    assert measured.status == visit.status
    overruns = measured.budget_overruns()
    assert not overruns, "Over the budget:\n" + "\n".join(overruns)
