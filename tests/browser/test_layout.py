"""Pages fit narrow screens and zoomed windows; screenshots for people to look at.

Screenshots of every state of every public page type, full length, at a
phone's and a desktop's width, go to ``ci-artifacts/screenshots/``.
"""

import pytest

from .pages import PUBLIC_PAGE_TYPES, page_states, state_id
from .tools import horizontal_overflow

WIDTHS = {
    "phone": {"viewport": {"width": 375, "height": 812}, "device_scale_factor": 1},
    "desktop": {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1},
}
# Forms are read at the narrowest width WCAG asks pages to reflow to (320 CSS
# pixels), and in a 1280-pixel window zoomed to 200 %, whose layout is 640 CSS
# pixels wide, drawn at twice the density.
NARROW_WINDOWS = {
    "320px": {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1},
    "zoom-200": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
}


@pytest.mark.parametrize("width", WIDTHS, ids=str)
@pytest.mark.parametrize("page_state", page_states(), ids=state_id)
def test_screenshot_without_horizontal_scrolling(
    browser, site, screenshots_folder, page_state, width
):
    """The page is pictured at this width, and needs no horizontal scrolling."""
    page_type, state, visit = page_state
    context = browser.new_context(locale="fr-FR", **WIDTHS[width])
    try:
        page = context.new_page()
        response = visit.open(page, site)
        path = screenshots_folder / f"{page_type.name}--{state}--{width}.png"
        page.screenshot(path=path, full_page=True)
        overflow = horizontal_overflow(page)
    finally:
        context.close()

    assert response.status == visit.status
    assert path.stat().st_size > 0
    assert overflow == 0, f"{overflow} px wider than the window"


FORM_STATES = [
    (page_type, state, visit)
    for page_type in PUBLIC_PAGE_TYPES
    if page_type.has_form
    for state, visit in page_type.states()
]


@pytest.mark.parametrize("window", NARROW_WINDOWS, ids=str)
@pytest.mark.parametrize("page_state", FORM_STATES, ids=state_id)
def test_form_reflows_without_horizontal_scrolling(browser, site, page_state, window):
    """At 320 px wide and at 200 % zoom, a form fits its window's width."""
    _page_type, _state, visit = page_state
    context = browser.new_context(locale="fr-FR", **NARROW_WINDOWS[window])
    try:
        page = context.new_page()
        visit.open(page, site)
        overflow = horizontal_overflow(page)
    finally:
        context.close()

    assert overflow == 0, f"{overflow} px wider than the window"
