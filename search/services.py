"""The site search: live public pages of every kind, and approved signatories.

Pages are found through Wagtail's search backend (``SEARCH_CONFIG`` makes it
French on PostgreSQL). Each kind is counted up to ``MAX_MATCHES``: a query
that matches more (a word found in most projects) is reported as matching
"more than" that, and the ranking orders those first matches only. Ranking
every match costs one read of every matching document's index entry, which
grows with the library; counting and ranking a bounded set keeps every search
within a fixed cost (see ``bench/search.py``).
"""

import logging
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import cached_property

from django.core.paginator import Paginator
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import (
    Query,
    QueryDailyHits,
    SearchPromotion,
)
from wagtail.models import Page
from wagtail.search.models import IndexEntry
from wagtail.search.utils import normalise_query_string

from core.fulltext import (
    MAX_MATCHES,
    MatchGroup,
    PageMatch,
    PageScope,
    full_text_search,
    matching_ids,
    page_matches,
)
from home.shell import find_site, restricted_paths

from .highlight import excerpt, highlight
from .kinds import (
    PAGE_KINDS,
    SINGULAR,
    Kind,
    kind_of_content_type,
    page_content_type_ids,
    parse_kind,
)
from .models import NoResultDailyHits
from .promotions import promoted_query_strings
from .query import autocomplete_terms, clean_query, fold, search_terms
from .results import Result
from .signatories import (
    find_signatories,
    public_signatures,
    signatory_results,
    suggest_signatories,
)

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
MAX_SUGGESTIONS = 8
SIGNATORIES_PREVIEW = 3


@dataclass
class KindCount:
    kind: Kind
    count: int
    # More than ``count`` match: the count stopped at MAX_MATCHES.
    has_more: bool = False


@dataclass
class SiteSearch:
    """What a search found, ready to display."""

    query: str
    terms: list = field(default_factory=list)
    kind: Kind | None = None
    counts: list = field(default_factory=list)
    promoted: list = field(default_factory=list)
    signatories: list = field(default_factory=list)
    signatories_count: KindCount | None = None
    page: object = None

    @property
    def total(self):
        return sum(count.count for count in self.counts)

    @property
    def total_has_more(self):
        return any(count.has_more for count in self.counts)

    @property
    def found(self):
        return self.total > 0

    @property
    def selected_count(self):
        for count in self.counts:
            if count.kind == self.kind:
                return count
        return None


class KnownCountResults:
    """Search results whose number is already known, for Django's paginator.

    The matches were counted while searching; the paginator would otherwise
    ask the backend to count them again.
    """

    def __init__(self, results, count):
        self.results = results
        self._count = count

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, key):
        return self.results[key]


class RankedPages:
    """Pages found with their rank, in the order Wagtail ranks them on PostgreSQL.

    The rank of each page came with the lookup (``core.fulltext``), by the
    very expression Wagtail's backend orders by; the order is the same as
    its own: rank, then the newest id. A slice is a list of ``(page,
    indexed text)``, in one query; of each page, only what a result shows
    is read.
    """

    def __init__(self, matches):
        self.ids = [
            match.pk for match in sorted(matches, key=lambda m: (-m.rank, -m.pk))
        ]

    def count(self):
        return len(self.ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, key):
        ids = self.ids[key]
        if not ids:
            return []
        quote = connection.ops.quote_name
        pages = Page.objects.raw(
            PAGES_WITH_TEXT_SQL.format(
                pages=quote(Page._meta.db_table),
                entries=quote(IndexEntry._meta.db_table),
            ),
            [ids],
        )
        by_id = {page.pk: page for page in pages}
        return [(by_id[pk], by_id[pk].indexed_text or "") for pk in ids if pk in by_id]


# Pages with their indexed text, which their excerpts are cut from.
PAGES_WITH_TEXT_SQL = """
SELECT page.id, page.title, page.url_path, page.content_type_id,
    page.search_description, entry.body_text AS indexed_text
FROM {pages} AS page
JOIN {entries} AS entry
    ON entry.content_type_id = page.content_type_id
    AND entry.object_id = (page.id)::varchar(50)
WHERE page.id = ANY(%s)
"""


def site_pages(site):
    """The live public pages of a site, the pages a visitor may find."""
    return Page.objects.live().public().descendant_of(site.root_page, inclusive=True)


class SiteScope:
    """The pages of a site that a visitor may find, built only when needed.

    As a queryset (``pages``, whose construction reads the view
    restrictions), and as the tree paths that the lookup on PostgreSQL
    filters on (``paths``, whose restrictions come from the cache).
    """

    def __init__(self, site):
        self.site = site

    @cached_property
    def pages(self):
        return site_pages(self.site)

    @cached_property
    def paths(self):
        return PageScope(self.site.root_page.path, restricted_paths())


def matching_pages(scope, text):
    """The pages matching ``text``, by kind, at most MAX_MATCHES + 1 of each.

    Returns lists of ``PageMatch`` by kind, in no particular order; their
    rank is Wagtail's on PostgreSQL, and 0 elsewhere (Wagtail's search ranks
    them afterwards). Projects are looked up apart, since they may be many;
    the other kinds (the manifesto, a few dozen pages) together. Two
    queries; one on PostgreSQL.
    """
    projects = page_content_type_ids(Kind.PROJECT)
    others = {
        content_type_id: kind
        for kind in PAGE_KINDS
        if kind != Kind.PROJECT
        for content_type_id in page_content_type_ids(kind)
    }
    project_limit = MAX_MATCHES + 1
    others_limit = (MAX_MATCHES + 1) * (len(PAGE_KINDS) - 1)
    if connection.vendor == "postgresql":
        project_matches, other_matches = page_matches(
            Page.objects.search(text, operator="and"),
            scope.paths,
            [
                MatchGroup(tuple(projects), project_limit, many=True),
                MatchGroup(tuple(others), others_limit),
            ],
        )
    else:
        project_matches, other_matches = (
            [
                PageMatch(pk, content_type_id, 0.0)
                for pk, content_type_id in matching_ids(
                    scope.pages.filter(content_type_id__in=content_types).search(
                        text, operator="and", order_by_relevance=False
                    ),
                    limit,
                    fields=("pk", "content_type_id"),
                )
            ]
            for content_types, limit in [
                (projects, project_limit),
                (list(others), others_limit),
            ]
        )
    matches = {kind: [] for kind in PAGE_KINDS}
    matches[Kind.PROJECT] = project_matches
    for match in other_matches:
        matches[others[match.content_type_id]].append(match)
    return matches


def search_site(request, raw_query, raw_kind=None, raw_page=None, *, record=True):
    """Search the request's site for what a visitor typed.

    ``raw_kind`` narrows the results to one kind, ``raw_page`` picks a page
    of them; anything invalid in either is ignored. The first page of an
    unfiltered search is recorded for the editors' reports, unless ``record``
    is false.
    """
    query = clean_query(raw_query)
    terms = search_terms(query)
    search = SiteSearch(query=query, terms=terms, kind=parse_kind(raw_kind))
    site = find_site(request)
    if not terms or site is None:
        return search

    with full_text_search():
        _find(request, search, SiteScope(site), raw_page)
    if record and search.kind is None and search.page.number == 1:
        record_search(query, found=search.found)
    return search


def _find(request, search, scope, raw_page):
    """Count what matches in every kind, then fill the page of results asked."""
    text = " ".join(search.terms)
    matches = matching_pages(scope, text)
    signatures = find_signatories(search.terms, limit=MAX_MATCHES + 1)
    promotions = promoted_pages(scope, search.query)
    promoted_kinds = {
        promotion.page_id: kind_of_content_type(promotion.page.content_type_id)
        for promotion in promotions
        if promotion.page_id
    }

    external_links = sum(1 for promotion in promotions if not promotion.page_id)
    for kind in PAGE_KINDS:
        found = {match.pk for match in matches[kind][:MAX_MATCHES]}
        found |= {pk for pk, other in promoted_kinds.items() if other == kind}
        if kind == Kind.PAGE:
            # Promoted links to other sites are counted with the pages.
            found |= {f"link-{number}" for number in range(external_links)}
        search.counts.append(
            KindCount(kind, len(found), len(matches[kind]) > MAX_MATCHES)
        )
    search.signatories_count = KindCount(
        Kind.SIGNATORY,
        min(len(signatures), MAX_MATCHES),
        len(signatures) > MAX_MATCHES,
    )
    search.counts.append(search.signatories_count)

    if search.kind == Kind.SIGNATORY:
        paginator = Paginator(signatures[:MAX_MATCHES], RESULTS_PER_PAGE)
        search.page = paginator.get_page(raw_page)
        search.page.object_list = signatory_results(
            public_signatures(search.page.object_list), search.terms
        )
        return

    kinds = [search.kind] if search.kind else PAGE_KINDS
    found = [
        match
        for kind in kinds
        for match in matches[kind][:MAX_MATCHES]
        if match.pk not in promoted_kinds
    ]
    if connection.vendor == "postgresql":
        ranked = RankedPages(found)
    else:
        ids = [match.pk for match in found]
        ranked = KnownCountResults(
            scope.pages.filter(pk__in=ids).search(text, operator="and"), len(ids)
        )
    paginator = Paginator(ranked, RESULTS_PER_PAGE)
    search.page = paginator.get_page(raw_page)
    shown = list(search.page.object_list) if found else []
    search.page.object_list = page_results(request, shown, search.terms)
    if search.page.number == 1:
        search.promoted = [
            promotion_result(request, promotion, search.terms)
            for promotion in promotions
            if search.kind in (None, promoted_kinds.get(promotion.page_id, Kind.PAGE))
        ]
        if search.kind is None:
            search.signatories = signatory_results(
                public_signatures(signatures[:SIGNATORIES_PREVIEW]), search.terms
            )


def promoted_pages(scope, query):
    """Editors' promotions for a query, whose page (if any) may be shown.

    A promotion matches the query as typed, and also without its accents, so
    that a promotion for "energie" answers "énergie" too. No query when no
    promotion is for either (the promoted queries are cached), else two.
    """
    query_strings = {normalise_query_string(query), normalise_query_string(fold(query))}
    if query_strings.isdisjoint(promoted_query_strings()):
        return []
    promotions = list(
        SearchPromotion.objects.filter(query__query_string__in=query_strings)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    visible = set(scope.pages.filter(pk__in=page_ids).values_list("pk", flat=True))
    return [
        promotion
        for promotion in promotions
        if promotion.page_id in visible
        or (promotion.page_id is None and promotion.external_link_url)
    ]


def promotion_result(request, promotion, terms):
    if promotion.page_id:
        page = promotion.page
        return Result(
            title=highlight(page.title, terms),
            url=page.get_url(request),
            kind=kind_of_content_type(page.content_type_id),
            excerpt=promotion.description or page.search_description,
            promoted=True,
        )
    return Result(
        title=promotion.external_link_text or promotion.external_link_url,
        url=promotion.external_link_url,
        kind=Kind.PAGE,
        excerpt=promotion.description,
        promoted=True,
    )


def page_results(request, pages, terms):
    """Results for pages, with an excerpt of their indexed text.

    ``pages`` are pages, or ``(page, indexed text)`` pairs; for pages alone,
    their texts take one query.
    """
    if not pages:
        return []
    if isinstance(pages[0], tuple):
        texts = {page.pk: text for page, text in pages}
        pages = [page for page, _text in pages]
    else:
        texts = indexed_texts(pages)
    return [
        Result(
            title=highlight(page.title, terms),
            url=page.get_url(request),
            kind=kind_of_content_type(page.content_type_id),
            excerpt=excerpt(texts.get(page.pk) or page.search_description, terms),
        )
        for page in pages
    ]


def indexed_texts(pages):
    """The text each page was indexed with (its searchable fields but the title).

    The index keeps it as plain text in ``body_text`` on PostgreSQL, beside
    the search vector, and in ``body`` on other databases.
    """
    field_names = {model_field.name for model_field in IndexEntry._meta.get_fields()}
    text_field = "body_text" if "body_text" in field_names else "body"
    entries = IndexEntry.objects.filter(
        content_type_id__in={page.content_type_id for page in pages},
        object_id__in=[str(page.pk) for page in pages],
    ).values_list("object_id", text_field)
    return {int(object_id): text or "" for object_id, text in entries}


def record_search(query, found):
    """Count a search for the editors' reports, and whether it found nothing.

    Statistics are not worth an error page: a failure is logged and ignored.
    Nor are they worth waiting for the disk: on PostgreSQL the transaction
    does not wait for its commit to be flushed (a crash could lose the last
    fraction of a second of counts, never corrupt them), and the counts are
    written in one statement.
    """
    today = timezone.localdate()
    try:
        if connection.vendor == "postgresql":
            _record_in_one_statement(query, found, today)
            return
        with transaction.atomic():
            logged_query = Query.get(query)
            logged_query.add_hit(date=today)
            if not found:
                hits, _created = NoResultDailyHits.objects.get_or_create(
                    query=logged_query, date=today
                )
                NoResultDailyHits.objects.filter(pk=hits.pk).update(hits=F("hits") + 1)
    except DatabaseError:
        logger.exception("Search statistics not recorded")


RECORD_SQL = """
WITH inserted AS (
    INSERT INTO {query} (query_string) VALUES (%(query)s)
    ON CONFLICT (query_string) DO NOTHING
    RETURNING id
), logged AS (
    SELECT id FROM inserted
    UNION ALL
    SELECT id FROM {query} WHERE query_string = %(query)s
), hits AS (
    INSERT INTO {hits} (query_id, date, hits)
    SELECT id, %(date)s, 1 FROM logged
    ON CONFLICT (query_id, date) DO UPDATE SET hits = {hits}.hits + 1
){no_result_count}
SELECT set_config('synchronous_commit', 'off', true)
"""
RECORD_NO_RESULT_SQL = """, no_result AS (
    INSERT INTO {no_result} (query_id, date, hits)
    SELECT id, %(date)s, 1 FROM logged
    ON CONFLICT (query_id, date) DO UPDATE SET hits = {no_result}.hits + 1
)"""


def _record_in_one_statement(query, found, today):
    """What ``Query.get(query).add_hit()`` does (and the count of searches
    without result), as one statement on PostgreSQL: a search waits for one
    round trip to the database instead of eight. (The very first two searches
    of a new query, at the same instant, may count as one.)"""
    quote = connection.ops.quote_name
    tables = {
        "query": quote(Query._meta.db_table),
        "hits": quote(QueryDailyHits._meta.db_table),
        "no_result": quote(NoResultDailyHits._meta.db_table),
    }
    sql = RECORD_SQL.format(
        no_result_count="" if found else RECORD_NO_RESULT_SQL.format(**tables),
        **tables,
    )
    # Within a transaction (none on the search page), a savepoint keeps a
    # failure from breaking it.
    within = transaction.atomic() if connection.in_atomic_block else nullcontext()
    with within, connection.cursor() as cursor:
        cursor.execute(sql, {"query": normalise_query_string(query), "date": today})


def suggest(request, raw_query):
    """Titles that complete what a visitor is typing, for the search box.

    Each suggestion is a dict with ``title``, ``url`` and ``kind`` (the label
    of its kind). Pages come first, then signatories.
    """
    query = clean_query(raw_query)
    terms = autocomplete_terms(query)
    site = find_site(request)
    if not terms or len(query) < 2 or site is None:
        return []

    with full_text_search():
        return _suggest(request, site_pages(site), terms)


def _suggest(request, pages, terms):
    text = " ".join(terms)
    candidates = matching_ids(
        pages.autocomplete(text, operator="and", order_by_relevance=False),
        MAX_MATCHES,
    )
    suggestions = []
    if candidates:
        ranked = pages.filter(pk__in=candidates).autocomplete(text, operator="and")
        suggestions = [
            {
                "title": page.title,
                "url": page.get_url(request),
                "kind": str(SINGULAR[kind_of_content_type(page.content_type_id)]),
            }
            for page in ranked[:MAX_SUGGESTIONS]
        ]
    room = min(MAX_SUGGESTIONS - len(suggestions), SIGNATORIES_PREVIEW)
    signatures = suggest_signatories(terms, limit=room)
    for signature, result in zip(
        signatures, signatory_results(signatures, []), strict=True
    ):
        suggestions.append(
            {
                "title": signature.collectivity.name,
                "url": result.url,
                "kind": str(result.kind_label),
            }
        )
    return suggestions


NO_RESULT_ADVICE = [
    _("Vérifiez l'orthographe des mots."),
    _("Essayez un mot plus courant ou un synonyme (« eau » plutôt que « hydrique »)."),
    _("Retirez un mot : chaque mot doit figurer dans les résultats."),
    _("Cherchez le nom d'une collectivité ou d'un thème (mobilité, énergie…)."),
]
