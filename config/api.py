"""Wagtail's read-only API (v2): live public pages, images and documents.

Pages are listed only when live and not restricted; images and documents
only outside restricted collections. Each page type chooses the fields it
exposes with ``api_fields``.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from core.search_text import clean_search_text


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """The pages endpoint, with its ``search`` text cleaned before the engine."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if "search" in request.query_params:
            query = request.query_params.copy()
            query["search"] = clean_search_text(query["search"])
            request._request.GET = query


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
