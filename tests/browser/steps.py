"""Steps that several journeys share: logging in, moving by keyboard, emails."""

from .prepare import MODERATOR_PASSWORD, MODERATOR_USERNAME
from .server import links_in
from .tools import describe_violations, run_axe

# Enough to cross a page's header and the longest form of the site.
MAX_TAB_PRESSES = 80


def log_in_as_moderator(page, site):
    """Open the admin as the moderator that ``tests.browser.prepare`` created."""
    page.goto(site.address("/admin/login/"))
    page.locator("#id_username").fill(MODERATOR_USERNAME)
    page.locator("#id_password").fill(MODERATOR_PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    assert "/admin/login/" not in page.url, "the moderator could not log in"


def tab_to(page, selector, *, backwards=False):
    """Press Tab until the focused element matches ``selector``; return it."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(MAX_TAB_PRESSES):
        page.keyboard.press(key)
        if page.evaluate(
            "selector => document.activeElement?.matches(selector) ?? false",
            selector,
        ):
            return page.locator(":focus")
    raise AssertionError(f"Tab never reached {selector!r}")


def follow_emailed_link(page, site, address, path_part, count=1):
    """Open the link to ``path_part`` in the ``count``-th email to ``address``."""
    message = site.wait_for_email(address, count=count)
    links = links_in(message, site.url)
    matching = [link for link in links if path_part in link]
    assert matching, f"no link to {path_part} in the email: {links}"
    page.goto(matching[0])
    return message


def assert_accessible(page):
    """axe-core finds no WCAG 2.1 A or AA violation in the page as it stands."""
    violations = run_axe(page)
    assert not violations, (
        f"WCAG violations on {page.url}:\n{describe_violations(violations)}"
    )
