"""Bounded full-text lookups, shared by the site search and the library's filter.

Wagtail's search results count and rank every match: a word found in most
projects costs a read of every matching index entry, which grows with the
library. Here a lookup stops after a fixed number of matches (``MAX_MATCHES``,
plus one to know that there were more), so that a broad query costs the same
at any size; what is then counted, faceted or ranked is that bounded set.
``bench/search.py`` measures both.
"""

from contextlib import contextmanager

from django.db import connection, transaction

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
