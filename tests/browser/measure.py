"""What a first visit to a page costs: requests, bytes, DOM size, EcoIndex.

A first visit is made in a fresh browser context: empty cache, no cookie. The
page is loaded in a window of 1920 by 1080 pixels, as EcoIndex's protocol
does, scrolled to its end so that anything loaded lazily is loaded too, and
measured once the network has been idle for half a second. Bytes are those
Chromium received for each request (headers and bodies as sent, compressed or
not), reported by the DevTools protocol.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .ecoindex import EcoIndex

VIEWPORT = {"width": 1920, "height": 1080}
# Elements of the document, without those drawn inside inline SVG pictures.
COUNT_DOM_ELEMENTS = """() =>
    document.getElementsByTagName("*").length
    - [...document.querySelectorAll("svg")]
        .reduce((count, svg) => count + svg.getElementsByTagName("*").length, 0)
"""

# The budget that every public page holds to on a first visit.
MAX_REQUESTS = 15
MAX_KILOBYTES = 250
MIN_ECOINDEX = 80


@dataclass
class Request:
    url: str
    bytes: int = 0


@dataclass
class FirstVisit:
    url: str
    status: int
    dom_elements: int
    requests: list = field(default_factory=list)

    @property
    def request_count(self):
        return len(self.requests)

    @property
    def kilobytes(self):
        return sum(request.bytes for request in self.requests) / 1024

    @property
    def ecoindex(self):
        return EcoIndex(self.dom_elements, self.request_count, self.kilobytes)

    def foreign_requests(self):
        """Requests to any host but the site's own."""
        own = urlsplit(self.url).netloc
        return [r.url for r in self.requests if urlsplit(r.url).netloc != own]

    def budget_overruns(self):
        """What goes past the budget, in words; empty when the page holds to it."""
        overruns = []
        foreign = self.foreign_requests()
        if foreign:
            overruns.append(f"requests to other hosts: {', '.join(foreign)}")
        if self.request_count > MAX_REQUESTS:
            overruns.append(f"{self.request_count} requests (at most {MAX_REQUESTS})")
        if self.kilobytes > MAX_KILOBYTES:
            overruns.append(
                f"{self.kilobytes:.1f} KB transferred (at most {MAX_KILOBYTES} KB)"
            )
        if self.ecoindex.score <= MIN_ECOINDEX:
            overruns.append(
                f"EcoIndex {self.ecoindex.score:.1f}, grade {self.ecoindex.grade} "
                f"(above {MIN_ECOINDEX}, grade A, expected)"
            )
        return overruns


def measure_first_visit(browser, url):
    """Load ``url`` in a fresh context and measure what it took."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        devtools = context.new_cdp_session(page)
        requests = {}
        redirects = []

        def sent(event):
            if urlsplit(event["request"]["url"]).scheme not in ("http", "https"):
                return
            previous = requests.get(event["requestId"])
            if previous is not None and "redirectResponse" in event:
                redirects.append(
                    Request(
                        previous.url, event["redirectResponse"]["encodedDataLength"]
                    )
                )
            requests[event["requestId"]] = Request(event["request"]["url"])

        def finished(event):
            request = requests.get(event["requestId"])
            if request is not None:
                request.bytes = int(event["encodedDataLength"])

        devtools.on("Network.requestWillBeSent", sent)
        devtools.on("Network.loadingFinished", finished)
        devtools.send("Network.enable")
        response = page.goto(url, wait_until="load")
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_load_state("networkidle")
        dom_elements = page.evaluate(COUNT_DOM_ELEMENTS)
        return FirstVisit(
            url=url,
            status=response.status,
            dom_elements=dom_elements,
            requests=[*redirects, *requests.values()],
        )
    finally:
        context.close()
