from contextlib import suppress

from wagtail import views as wagtail_views

from core.views import DATABASE_UNAVAILABLE_ERRORS

from . import shell


class SiteMiddleware:
    """Find the site of a page's request in the cache before Wagtail looks for it.

    Wagtail's page view starts with ``Site.find_for_request``, which then
    answers from the request, without the query it would make (see
    ``home.shell.find_site``). Other views look the site up themselves when
    they need it. Should the database be out of reach, the page view meets
    it and is answered as any view that lost the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve:
            with suppress(DATABASE_UNAVAILABLE_ERRORS):
                shell.find_site(request)
        return None
