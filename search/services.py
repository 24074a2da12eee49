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

from django.core.paginator import Paginator
from django.db import DatabaseError, connection, transaction
from django.db.models import F, IntegerField, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import (
    Query,
    QueryDailyHits,
    SearchPromotion,
)
from wagtail.models import Page, Site
from wagtail.search.models import IndexEntry
from wagtail.search.utils import normalise_query_string

from core.fulltext import MAX_MATCHES, full_text_search, matching_ids

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
from .query import autocomplete_terms, clean_query, fold, search_terms
from .results import Result
from .signatories import find_signatories, signatory_results, suggest_signatories

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


class RankedMatches:
    """Pages already found to match, ranked as Wagtail ranks them on PostgreSQL.

    Wagtail's search would rank them through the page table, matching each
    index entry against the query once more (two large search vectors joined
    into one) and looking each up under every page content type; here their
    index entries, known by content type and id, are ranked directly with the
    very expression Wagtail's backend builds, in the same order (rank, then
    the newest id). A slice is a list of ``(page, indexed text)``: two
    queries, the second for the pages of the slice.
    """

    def __init__(self, pages, text, content_types):
        """``content_types``: the content type id of each page id found."""
        results = pages.search(text, operator="and")
        compiler = results.query_compiler
        config = compiler.get_config(results.backend)
        self.rank = compiler.build_tsrank(
            F("title"), compiler.query, config=config
        ) * F("title_norm") + compiler.build_tsrank(
            F("body"), compiler.query, config=config
        )
        by_content_type = {}
        for pk, content_type_id in content_types.items():
            by_content_type.setdefault(content_type_id, []).append(str(pk))
        condition = Q(pk__in=[])
        for content_type_id, object_ids in by_content_type.items():
            condition |= Q(content_type_id=content_type_id, object_id__in=object_ids)
        self.entries = IndexEntry.objects.filter(condition)
        self._count = len(content_types)

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, key):
        rows = list(
            self.entries.annotate(
                _rank=self.rank, _page_id=Cast("object_id", IntegerField())
            )
            .order_by("-_rank", "-_page_id")
            .values_list("_page_id", "body_text")[key]
        )
        pages = Page.objects.in_bulk([pk for pk, _text in rows])
        return [(pages[pk], text or "") for pk, text in rows if pk in pages]


def site_pages(site):
    """The live public pages of a site, the pages a visitor may find."""
    return Page.objects.live().public().descendant_of(site.root_page, inclusive=True)


def matching_pages(pages, text):
    """The pages matching ``text``, by kind, at most MAX_MATCHES + 1 of each.

    Returns the ids by kind, and the content type of each id. Projects are
    looked up apart, since they may be many; the other kinds (the manifesto,
    a few dozen pages) together. Two queries.
    """
    projects = page_content_type_ids(Kind.PROJECT)
    others = {
        content_type_id: kind
        for kind in PAGE_KINDS
        if kind != Kind.PROJECT
        for content_type_id in page_content_type_ids(kind)
    }
    fields = ("pk", "content_type_id")
    project_matches = matching_ids(
        pages.filter(content_type_id__in=projects).search(
            text, operator="and", order_by_relevance=False
        ),
        MAX_MATCHES + 1,
        fields=fields,
    )
    other_matches = matching_ids(
        pages.filter(content_type_id__in=list(others)).search(
            text, operator="and", order_by_relevance=False
        ),
        (MAX_MATCHES + 1) * (len(PAGE_KINDS) - 1),
        fields=fields,
    )
    matches = {kind: [] for kind in PAGE_KINDS}
    matches[Kind.PROJECT] = [pk for pk, _content_type_id in project_matches]
    for pk, content_type_id in other_matches:
        matches[others[content_type_id]].append(pk)
    return matches, dict(project_matches + other_matches)


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
    site = Site.find_for_request(request)
    if not terms or site is None:
        return search

    with full_text_search():
        _find(request, search, site_pages(site), raw_page)
    if record and search.kind is None and search.page.number == 1:
        record_search(query, found=search.found)
    return search


def _find(request, search, pages, raw_page):
    """Count what matches in every kind, then fill the page of results asked."""
    text = " ".join(search.terms)
    matches, content_types = matching_pages(pages, text)
    signatures = find_signatories(search.terms, limit=MAX_MATCHES + 1)
    promotions = promoted_pages(pages, search.query)
    promoted_kinds = {
        promotion.page_id: kind_of_content_type(promotion.page.content_type_id)
        for promotion in promotions
        if promotion.page_id
    }

    external_links = sum(1 for promotion in promotions if not promotion.page_id)
    for kind in PAGE_KINDS:
        found = set(matches[kind][:MAX_MATCHES])
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
        search.page.object_list = signatory_results(search.page, search.terms)
        return

    kinds = [search.kind] if search.kind else PAGE_KINDS
    ids = [
        pk
        for kind in kinds
        for pk in matches[kind][:MAX_MATCHES]
        if pk not in promoted_kinds
    ]
    if connection.vendor == "postgresql":
        ranked = RankedMatches(pages, text, {pk: content_types[pk] for pk in ids})
    else:
        ranked = KnownCountResults(
            pages.filter(pk__in=ids).search(text, operator="and"), len(ids)
        )
    paginator = Paginator(ranked, RESULTS_PER_PAGE)
    search.page = paginator.get_page(raw_page)
    found = list(search.page.object_list) if ids else []
    search.page.object_list = page_results(request, found, search.terms)
    if search.page.number == 1:
        search.promoted = [
            promotion_result(request, promotion, search.terms)
            for promotion in promotions
            if search.kind in (None, promoted_kinds.get(promotion.page_id, Kind.PAGE))
        ]
        if search.kind is None:
            search.signatories = signatory_results(
                signatures[:SIGNATORIES_PREVIEW], search.terms
            )


def promoted_pages(pages, query):
    """Editors' promotions for a query, whose page (if any) may be shown.

    A promotion matches the query as typed, and also without its accents, so
    that a promotion for "energie" answers "énergie" too. Two queries.
    """
    query_strings = {normalise_query_string(query), normalise_query_string(fold(query))}
    promotions = list(
        SearchPromotion.objects.filter(query__query_string__in=query_strings)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    visible = set(pages.filter(pk__in=page_ids).values_list("pk", flat=True))
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
    if pages and isinstance(pages[0], tuple):
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
    site = Site.find_for_request(request)
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
