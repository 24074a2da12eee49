from django.urls import re_path

from . import views

app_name = "manifesto"

urlpatterns = [
    # Page addresses cannot hold a dot: the open data files are served here,
    # under the address of whichever manifesto page the path leads to.
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)*)signataires\.(?P<extension>csv|json)$",
        views.signatories_data,
        name="signatories_data",
    ),
]
