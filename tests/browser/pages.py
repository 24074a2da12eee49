"""Every public page type, and how a visitor reaches each of its states.

The browser tests check each entry of ``PUBLIC_PAGE_TYPES``: accessibility
(axe) and HTML validity in every state; frugality, keyboard use and
screenshots on the first state; reflow of the pages that hold a form. A new
page type is one more entry here.

A page type has up to three states:

- ``normal``: the page as most visitors see it, with content;
- ``empty``: nothing to show yet (a search before any query, a list that a
  filter leaves empty);
- ``error``: something went wrong for the visitor (a form sent with mistakes,
  a search that finds nothing, an address that does not exist).
"""

from dataclasses import dataclass

NORMAL = "normal"
EMPTY = "empty"
ERROR = "error"


@dataclass(frozen=True)
class Visit:
    """How to reach one state of a page: an address, then maybe a form to send.

    ``fill`` maps CSS selectors of fields to what is typed in them before the
    form that ``submit`` selects is sent. The form is sent without the
    browser's own checks (``required``, ``type=email``), so that the server's
    messages are what the visitor gets.
    """

    path: str
    status: int = 200
    fill: tuple = ()
    submit: str = ""

    def open(self, page, site):
        """Go there in ``page``; return the response whose HTML is shown."""
        response = page.goto(site.address(self.path))
        if self.submit:
            for selector, text in self.fill:
                page.fill(selector, text)
            with page.expect_navigation() as navigation:
                page.locator(self.submit).evaluate("form => form.submit()")
            response = navigation.value
        return response


@dataclass(frozen=True)
class PageType:
    name: str
    normal: Visit | None = None
    empty: Visit | None = None
    error: Visit | None = None
    has_form: bool = False

    def states(self):
        """The states this page type has, as ``(state, visit)`` pairs."""
        pairs = [(NORMAL, self.normal), (EMPTY, self.empty), (ERROR, self.error)]
        return [(state, visit) for state, visit in pairs if visit is not None]

    @property
    def first_visit(self):
        """The state a first-time visitor most likely lands on."""
        return self.states()[0][1]


PUBLIC_PAGE_TYPES = [
    PageType(
        "home",
        normal=Visit("/"),
    ),
    PageType(
        "standard-page",
        normal=Visit("/a-propos/"),
    ),
    PageType(
        "accessibility-statement",
        normal=Visit("/accessibilite/"),
    ),
    PageType(
        "collectivity-search",
        normal=Visit("/collectivites/recherche/?q=Toulouse"),
        empty=Visit("/collectivites/recherche/"),
        error=Visit("/collectivites/recherche/?q=Xyzzyville"),
        has_form=True,
    ),
    PageType(
        "manifesto",
        normal=Visit("/manifeste/"),
    ),
    PageType(
        "manifesto-chapter",
        normal=Visit("/manifeste/une-ia-sociale/"),
    ),
    PageType(
        "manifesto-signing",
        normal=Visit("/manifeste/signer/"),
        error=Visit(
            "/manifeste/signer/",
            # A name that several authorities share: the form asks which one.
            fill=(
                ("#id_collectivity", "Saint-Denis"),
                ("#id_email", "pas-une-adresse"),
            ),
            submit="form.signing-form",
        ),
        has_form=True,
    ),
    PageType(
        "manifesto-signing-sent",
        normal=Visit("/manifeste/signer/merci/"),
    ),
    PageType(
        "manifesto-emailed-link",
        error=Visit("/manifeste/confirmer/lien-abime/", status=400),
    ),
    PageType(
        "manifesto-signatories",
        normal=Visit("/manifeste/signataires/"),
        empty=Visit("/manifeste/signataires/?q=Xyzzyville"),
        has_form=True,
    ),
    PageType(
        "library",
        normal=Visit("/bibliotheque/"),
        # Stopped projects of a kind that no such project of the demo has.
        empty=Visit("/bibliotheque/?phase=arrete&systeme=generatif"),
        error=Visit("/bibliotheque/?q=Xyzzyville"),
        has_form=True,
    ),
    PageType(
        "library-assessment",
        normal=Visit("/bibliotheque/au-regard-du-manifeste/"),
    ),
    PageType(
        "library-project",
        normal=Visit("/bibliotheque/detection-fuites-reseau-eau/"),
    ),
    PageType(
        "library-project-history",
        normal=Visit("/bibliotheque/detection-fuites-reseau-eau/historique/"),
    ),
    PageType(
        "library-suggestion",
        normal=Visit("/bibliotheque/detection-fuites-reseau-eau/signaler/"),
        error=Visit(
            "/bibliotheque/detection-fuites-reseau-eau/signaler/",
            fill=(("main input[type=email]", "pas-une-adresse"),),
            submit="main form[method=post]",
        ),
        has_form=True,
    ),
    PageType(
        "library-suggestion-sent",
        normal=Visit("/bibliotheque/detection-fuites-reseau-eau/signaler/merci/"),
    ),
    PageType(
        "library-proposal",
        # The first of the form's three steps; test_proposal.py checks the
        # others, which only a sent step leads to.
        normal=Visit("/bibliotheque/proposer/"),
        error=Visit(
            "/bibliotheque/proposer/",
            # A name alone: the essentials of the project are missing.
            fill=(("#id_title", "Prévision des crues"),),
            submit="main form[method=post]",
        ),
        has_form=True,
    ),
    PageType(
        "library-proposal-sent",
        normal=Visit("/bibliotheque/proposer/merci/"),
    ),
    PageType(
        "collectivity-profile",
        # Niort Agglo: a lead collectivity of the demo library.
        normal=Visit("/collectivites/200041317/"),
        # Vieille-Toulouse: neither a signature nor a project.
        empty=Visit("/collectivites/213105752/"),
    ),
    PageType(
        "open-data",
        normal=Visit("/donnees/"),
    ),
    PageType(
        "open-data-dictionary",
        normal=Visit("/donnees/champs/"),
    ),
    PageType(
        "search",
        normal=Visit("/recherche/?q=eau"),
        empty=Visit("/recherche/"),
        error=Visit("/recherche/?q=Xyzzyville"),
        has_form=True,
    ),
    PageType(
        "not-found",
        error=Visit("/cette-page-n-existe-pas/", status=404),
    ),
]


def page_states():
    """Every state of every public page type, as ``(page_type, state, visit)``."""
    return [
        (page_type, state, visit)
        for page_type in PUBLIC_PAGE_TYPES
        for state, visit in page_type.states()
    ]


def state_id(value):
    """A readable test id for ``page_states()`` parameters."""
    page_type, state, _visit = value
    return f"{page_type.name}/{state}"
