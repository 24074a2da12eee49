"""Wagtail's read-only API (v2): live public pages, images and documents.

Pages are listed only when live and not restricted; images and documents
only outside restricted collections. Each page type chooses the fields it
exposes with ``api_fields``.

Every endpoint refuses an ``offset`` or a ``limit`` past ``MAX_ROWS`` with a
400, as Wagtail refuses a negative one: the databases cannot count rows past
a 64-bit integer, and no listing of the site comes near that bound.
"""

from django.conf import settings
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from core.search_text import clean_search_text

MAX_ROWS = 10_000_000


class BoundedPagination(WagtailPagination):
    """Wagtail's pagination, with an upper bound on ``offset`` and ``limit``.

    Wagtail bounds ``limit`` itself by ``WAGTAILAPI_LIMIT_MAX``, unless that
    setting is None. Values that are not integers at all, or are negative,
    are left to Wagtail's own messages; ours are in English, as Wagtail's are.
    """

    def paginate_queryset(self, queryset, request, view=None):
        bounded = ["offset"]
        if not getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20):
            bounded.append("limit")
        for name in bounded:
            try:
                value = int(request.GET.get(name, 0))
            except ValueError:
                continue
            if value > MAX_ROWS:
                raise BadRequestError(f"{name} cannot be higher than {MAX_ROWS}")
        return super().paginate_queryset(queryset, request, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """The pages endpoint, with its ``search`` text cleaned before the engine."""

    pagination_class = BoundedPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if "search" in request.query_params:
            query = request.query_params.copy()
            query["search"] = clean_search_text(query["search"])
            request._request.GET = query


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    pagination_class = BoundedPagination


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    pagination_class = BoundedPagination


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
