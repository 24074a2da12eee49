"""Fixtures of the browser tests: the served site, Chromium, and watched pages.

The tests here are skipped, visibly, on a machine without Chromium, the
playwright package or the npm checkers, and fail instead under ``CI=true``.

The site and the browser live as long as the tests of this folder, not the
whole session: Playwright's synchronous API keeps an event loop running while
the browser is open, and Django's ORM refuses to work under one, which the
tests that follow would suffer from.
"""

import shutil
from urllib.parse import urlsplit

import pytest

from tests.conftest import skip_or_fail

from .server import BrowserSite
from .tools import (
    CHROMIUM,
    CHROMIUM_ARGS,
    SCREENSHOTS,
    missing_axe,
    missing_browser,
)

DESKTOP = {"width": 1280, "height": 800}
DEFAULT_TIMEOUT_MS = 15_000


@pytest.fixture(scope="package")
def browser():
    reason = missing_browser()
    if reason:
        skip_or_fail(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def site(browser, tmp_path_factory):
    """The site, served on 127.0.0.1 with the demo content and a moderator."""
    site = BrowserSite(tmp_path_factory.mktemp("browser-site"))
    site.start()
    yield site
    site.stop()


@pytest.fixture(scope="package")
def axe():
    reason = missing_axe()
    if reason:
        skip_or_fail(reason)


@pytest.fixture(scope="package")
def screenshots_folder():
    """The folder of screenshots, emptied of an earlier run's."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    return SCREENSHOTS


class PageWatch:
    """What went wrong in a page that no single test looks for.

    A request to another host, a script error, or something that the
    Content-Security-Policy blocked (an inline script or style) is a fault on
    any page.
    """

    def __init__(self, page, site):
        self.problems = []
        self.own_host = urlsplit(site.url).netloc
        page.on("request", self.on_request)
        page.on("pageerror", self.on_page_error)
        page.on("console", self.on_console)

    def on_request(self, request):
        address = urlsplit(request.url)
        if address.scheme in ("http", "https") and address.netloc != self.own_host:
            self.problems.append(f"request to another host: {request.url}")

    def on_page_error(self, error):
        self.problems.append(f"script error: {error}")

    def on_console(self, message):
        if "Content Security Policy" in message.text:
            self.problems.append(f"blocked by the security policy: {message.text}")


def open_page(context, site):
    page = context.new_page()
    return page, PageWatch(page, site)


def assert_no_problem(watch):
    assert not watch.problems, "\n".join(watch.problems)


@pytest.fixture
def context(browser):
    """A fresh browser context (no cookie, empty cache) at desktop width."""
    context = browser.new_context(viewport=DESKTOP, locale="fr-FR")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context, site):
    """A page of the fresh context, failing the test on any fault it shows."""
    page, watch = open_page(context, site)
    yield page
    assert_no_problem(watch)


@pytest.fixture
def page_without_script(browser, site):
    """A page whose browser runs no JavaScript at all."""
    context = browser.new_context(
        viewport=DESKTOP, locale="fr-FR", java_script_enabled=False
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page, watch = open_page(context, site)
    yield page
    context.close()
    assert_no_problem(watch)


@pytest.fixture
def moderator_page(browser, site):
    """A page in a context of its own, for a moderator beside the visitor."""
    context = browser.new_context(viewport=DESKTOP, locale="fr-FR")
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    page, watch = open_page(context, site)
    yield page
    context.close()
    assert_no_problem(watch)
