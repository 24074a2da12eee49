"""Bounded full-text lookups, shared by the site search and the library's filter.

Wagtail's search results count and rank every match: a word found in most
projects costs a read of every matching index entry, which grows with the
library. Here a lookup stops after a fixed number of matches (``MAX_MATCHES``,
plus one to know that there were more), so that a broad query costs the same
at any size; what is then counted, faceted or ranked is that bounded set.
``bench/search.py`` measures both.

On PostgreSQL the site search looks up its matches with ``page_matches``:
one statement, written for the full-text index, over Wagtail's index table,
with the query and the ranking expression that Wagtail's backend builds.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import F
from wagtail.models import Page
from wagtail.search.models import IndexEntry

MAX_MATCHES = 500


@contextmanager
def full_text_search():
    """A transaction in which PostgreSQL reads the full-text index, not the table.

    PostgreSQL's planner does not count the cost of unpacking the large search
    vectors that ``(title || body) @@ query`` reads row by row: it would read
    the whole index table, thinking it cheap, where the full-text index finds
    the same rows many times faster (``bench/search.py`` shows both plans).
    The setting lasts until the end of this transaction only.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        yield


def matching_ids(results, limit, fields=("pk",)):
    """The primary keys of at most ``limit`` objects of a search, unranked.

    ``results`` is what ``.search()`` or ``.autocomplete()`` returned with
    ``order_by_relevance=False``. Wagtail's results count and facet every
    match; the queryset the database backends build for them can be cut short
    instead, so that a word found in most documents costs no more than
    ``limit`` rows. With several ``fields``, tuples of their values. One query.
    """
    queryset = results.get_queryset().order_by()
    if len(fields) == 1:
        return list(queryset.values_list(*fields, flat=True)[:limit])
    return list(queryset.values_list(*fields)[:limit])


def bounded_matches(queryset, text, limit=None):
    """The ids of the objects of ``queryset`` that match every word of ``text``.

    Returns ``(ids, has_more)``: at most ``limit`` (``MAX_MATCHES`` by default)
    ids, in no particular order, and whether more objects match. Run it
    within ``full_text_search()``. One query.
    """
    limit = MAX_MATCHES if limit is None else limit
    ids = matching_ids(
        queryset.search(text, operator="and", order_by_relevance=False), limit + 1
    )
    return ids[:limit], len(ids) > limit


def _compiled(expression):
    query = IndexEntry.objects.all().query
    return query.get_compiler(connection=connection).compile(
        expression.resolve_expression(query)
    )


def search_query_sql(results):
    """The text search query of a search on PostgreSQL, as SQL and parameters.

    ``results`` is what ``.search()`` returned: the query is the one Wagtail's
    backend builds for it (its parsing of the words, its configuration), to
    be matched against ``title || body`` of the index entries as the backend
    does. None when the words leave nothing to search.
    """
    compiler = results.query_compiler
    expression = compiler.build_tsquery(
        compiler.query, config=compiler.get_config(results.backend)
    )
    return None if expression is None else _compiled(expression)


def search_rank_sql(results):
    """How Wagtail's backend ranks an index entry for a search, as SQL.

    The rank of the title, weighted by the entry's ``title_norm``, plus the
    rank of the body: the very expression by which ``.search()`` orders its
    results on PostgreSQL, here on the columns of the index table.
    """
    compiler = results.query_compiler
    config = compiler.get_config(results.backend)
    rank = compiler.build_tsrank(F("title"), compiler.query, config=config) * F(
        "title_norm"
    ) + compiler.build_tsrank(F("body"), compiler.query, config=config)
    return _compiled(rank)


@dataclass(frozen=True)
class PageScope:
    """The pages a visitor may find: live pages under ``root_path`` (a tree
    path), except those under any of ``restricted_paths`` (pages with a view
    restriction), as ``Page.objects.live().public().descendant_of(root,
    inclusive=True)`` would keep."""

    root_path: str
    restricted_paths: tuple = ()


@dataclass(frozen=True)
class MatchGroup:
    """Pages of some content types to look up, at most ``limit`` of them.

    ``many``: the group may hold most of the site's pages (projects), so the
    lookup starts from the full-text index; otherwise it starts from the
    group's pages, which are few.
    """

    content_type_ids: tuple
    limit: int
    many: bool = False


# Starting from the index: the fence (OFFSET 0) keeps PostgreSQL from
# reading the entries through their content type, one unpacked search vector
# after another, instead of through the full-text index.
MATCHES_FROM_INDEX = """(
    SELECT page.id, page.content_type_id, %s, entry.rank
    FROM (
        SELECT content_type_id, object_id, {rank} AS rank FROM {entries}
        WHERE (title || body) @@ {tsquery}
        OFFSET 0
    ) AS entry
    JOIN {pages} AS page
        ON page.content_type_id = entry.content_type_id
        AND (page.id)::varchar(50) = entry.object_id
    WHERE {visible}
    LIMIT %s
)"""
MATCHES_FROM_PAGES = """(
    SELECT page.id, page.content_type_id, %s, {rank}
    FROM {pages} AS page
    JOIN {entries}
        ON {entries}.content_type_id = page.content_type_id
        AND {entries}.object_id = (page.id)::varchar(50)
    WHERE {visible} AND ({entries}.title || {entries}.body) @@ {tsquery}
    LIMIT %s
)"""
VISIBLE_PAGE = (
    "page.content_type_id = ANY(%s) AND page.live AND page.path LIKE %s "
    "AND NOT (page.path LIKE ANY(%s))"
)


@dataclass(frozen=True)
class PageMatch:
    pk: int
    content_type_id: int
    # Wagtail's rank of the page for the search: the higher, the better.
    rank: float


def page_matches(results, scope, groups, *, ranked=True):
    """Pages of ``scope`` that match a search, group by group, with their rank.

    PostgreSQL only. ``results`` is the search (``.search()`` on pages),
    ``groups`` a list of ``MatchGroup``. Returns, for each group, a list of
    ``PageMatch``, in no particular order: the pages that Wagtail's search of
    the scope's pages of those content types finds, cut at the group's
    limit, each with the rank by which Wagtail would order it (0 unless
    ``ranked``: ranking reads every match's search vectors). One
    statement, which reads the full-text index for the groups of many pages
    and starts from the pages for the others; run it within
    ``full_text_search()``.
    """
    found = [[] for _group in groups]
    tsquery = search_query_sql(results)
    if tsquery is None or not groups:
        return found
    tsquery_sql, tsquery_params = tsquery
    rank_sql, rank_params = search_rank_sql(results) if ranked else ("0.0", [])
    quote = connection.ops.quote_name
    names = {
        "entries": quote(IndexEntry._meta.db_table),
        "pages": quote(Page._meta.db_table),
        "tsquery": tsquery_sql,
        "rank": rank_sql,
        "visible": VISIBLE_PAGE,
    }
    statements = []
    params = []
    restricted = [f"{path}%" for path in scope.restricted_paths]
    for number, group in enumerate(groups):
        visible = [list(group.content_type_ids), f"{scope.root_path}%", restricted]
        if group.many:
            statements.append(MATCHES_FROM_INDEX.format(**names))
            params += [number, *rank_params, *tsquery_params, *visible]
        else:
            statements.append(MATCHES_FROM_PAGES.format(**names))
            params += [number, *rank_params, *visible, *tsquery_params]
        params.append(group.limit)
    with connection.cursor() as cursor:
        cursor.execute("\nUNION ALL\n".join(statements), params)
        for pk, content_type_id, number, rank in cursor.fetchall():
            found[number].append(PageMatch(pk, content_type_id, rank))
    return found
