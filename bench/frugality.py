"""Print what a first visit to each public page type costs, and its EcoIndex.

Serves the site as the browser tests do (gunicorn on 127.0.0.1, a throwaway
database beside the one DATABASE_URL names, filled with the register and the
demo content), opens each page type of ``tests/browser/pages.py`` in a fresh
Chromium context, and prints its requests, the kilobytes transferred, its
number of DOM elements, its EcoIndex score and grade, and whether it holds to
the budget the tests enforce (no other host, at most 15 requests and 250 KB,
grade A)::

    .venv/bin/python bench/frugality.py
    .venv/bin/python bench/frugality.py --requests   # and every request

It needs what the browser tests need: Debian's Chromium and the playwright
package (``make install-test``).
"""

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.measure import measure_first_visit  # noqa: E402
from tests.browser.pages import PUBLIC_PAGE_TYPES  # noqa: E402
from tests.browser.server import BrowserSite  # noqa: E402
from tests.browser.tools import CHROMIUM, CHROMIUM_ARGS, missing_browser  # noqa: E402

COLUMNS = "{:<26} {:>8} {:>9} {:>8} {:>9} {:>6}  {}"


def measure_all(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            return [
                (
                    page_type,
                    measure_first_visit(
                        browser, site.address(page_type.first_visit.path)
                    ),
                )
                for page_type in PUBLIC_PAGE_TYPES
            ]
        finally:
            browser.close()


def budget_verdict(overruns):
    if not overruns:
        return "held"
    return "over: " + "; ".join(overruns)


def print_report(measures, show_requests):
    print(
        COLUMNS.format(
            "page type", "requests", "KB", "DOM", "EcoIndex", "grade", "budget"
        )
    )
    for page_type, visit in measures:
        overruns = visit.budget_overruns()
        print(
            COLUMNS.format(
                page_type.name,
                visit.request_count,
                f"{visit.kilobytes:.1f}",
                visit.dom_elements,
                f"{visit.ecoindex.score:.1f}",
                visit.ecoindex.grade,
                budget_verdict(overruns),
            )
        )
        if show_requests:
            for request in visit.requests:
                print(f"    {request.bytes / 1024:>7.1f} KB  {request.url}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--requests", action="store_true", help="list every request of each page"
    )
    arguments = parser.parse_args()

    reason = missing_browser()
    if reason:
        sys.exit(f"The browser cannot run: {reason}.")
    with tempfile.TemporaryDirectory(prefix="bench-frugality-") as folder:
        site = BrowserSite(folder)
        print("Preparing and serving the site (register, demo content)...")
        site.start()
        try:
            measures = measure_all(site)
        finally:
            site.stop()
    print_report(measures, arguments.requests)
    if any(visit.budget_overruns() for _page_type, visit in measures):
        sys.exit(1)


if __name__ == "__main__":
    main()
