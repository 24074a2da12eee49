"""Which queries the editors promoted results for, kept in the cache.

Most searches are for a query without promotion: knowing the promoted
queries spares them the look-up of promotions. The set is built again after
any promotion is saved or deleted (deleting a query or a page deletes its
promotions too), or a query is renamed or deleted.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from core.generation_cache import GenerationCache

promoted_queries = GenerationCache("search:promoted-queries")


def promoted_query_strings():
    """The (normalised) query strings that have at least one promotion."""
    return promoted_queries.get(
        "all",
        lambda: frozenset(
            SearchPromotion.objects.values_list("query__query_string", flat=True)
        ),
    )


def invalidate(**kwargs):
    promoted_queries.invalidate()


def invalidate_for_query(created=False, **kwargs):
    # A search records its query as it is made: a new query has no promotion.
    if not created:
        invalidate()


def connect():
    for name, signal in {"saved": post_save, "deleted": post_delete}.items():
        signal.connect(
            invalidate,
            sender=SearchPromotion,
            dispatch_uid=f"search-promotions-{name}",
        )
    post_save.connect(
        invalidate_for_query, sender=Query, dispatch_uid="search-query-saved"
    )
    post_delete.connect(invalidate, sender=Query, dispatch_uid="search-query-deleted")
