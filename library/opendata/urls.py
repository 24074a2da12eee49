from django.urls import re_path

from . import views

app_name = "library_opendata"

# Page addresses hold no dot: these files are served here, under the address
# of whichever library page the path leads to.
PAGE_PATH = r"^(?P<page_path>(?:[\w\-]+/)*)"

urlpatterns = [
    re_path(
        PAGE_PATH + r"projets\.(?P<extension>csv|json)$",
        views.projects,
        name="projects",
    ),
    re_path(PAGE_PATH + r"schema\.json$", views.project_schema, name="schema"),
    re_path(PAGE_PATH + r"flux\.atom$", views.feed, name="feed"),
]
