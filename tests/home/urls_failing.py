"""The site's URLs plus one view that fails, to exercise the 500 page."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    raise RuntimeError("Failure for the test of the server error page")


urlpatterns = [path("panne/", failing_view), *site_urlpatterns]
