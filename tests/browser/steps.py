"""Steps that several journeys share: logging in, moving by keyboard, emails,
proposing a project."""

import re

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


def arrow_down_to(page, option, *, most=10):
    """Press Down until ``option`` of a list of suggestions is the selected one.

    The list is the one the focused combobox shows; Enter then picks it.
    """
    option.wait_for()
    for _ in range(most):
        page.keyboard.press("ArrowDown")
        if option.get_attribute("aria-selected") == "true":
            return
    raise AssertionError(f"Down never selected {option}")


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


def fill_the_project(page, title):
    """Fill in the first step of the proposal form: the project's essentials."""
    page.get_by_label("Nom du projet").fill(title)
    page.get_by_label("Résumé").fill(
        "Prévoir les crues de la rivière à partir des relevés des stations."
    )
    page.get_by_role("combobox", name="Collectivité porteuse").press_sequentially(
        "Plaisance-du"
    )
    page.get_by_role("option", name=re.compile(r"^Plaisance-du-Touch")).click()
    page.get_by_label("Eau et assainissement").check()
    page.get_by_label("Phase").select_option(label="Pilote")
    page.get_by_label("Problème traité").fill(
        "Les crues soudaines surprennent les services techniques."
    )


def proposal_step(page):
    """The heading of the proposal step shown, "Étape 2 sur 3 : ..."."""
    return page.locator("main h2").first.inner_text()


def next_step(page, button="Suivant"):
    """Send the proposal step shown; the next one must follow, with no error."""
    shown = proposal_step(page)
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    main = page.locator("main").inner_text()
    assert page.locator(".form-errors").count() == 0, main[:600]
    assert proposal_step(page) != shown, main[:600]
