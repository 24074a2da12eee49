from django.urls import re_path

from . import views

app_name = "library"

# A collectivity's public identifier: its SIREN (nine digits), else its
# official code, prefixed by its kind for a département or a région
# ("region-94"), or a commune's INSEE code (2A004). It never takes the
# register's own addresses under /collectivites/ (recherche/, ...).
urlpatterns = [
    re_path(
        r"^(?P<identifier>(?:(?:departement|region)-)?[0-9][0-9AB][0-9]{0,7})/$",
        views.collectivity_profile,
        name="collectivity",
    ),
]
