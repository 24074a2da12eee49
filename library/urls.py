from django.urls import re_path

from . import views

app_name = "library"

# A SIREN (nine digits) or an official code: of a commune (2A004), a
# département (971) or a région (84). Never a word, so that the register's
# own addresses under /collectivites/ stay free.
urlpatterns = [
    re_path(
        r"^(?P<identifier>[0-9][0-9AB][0-9]{0,7})/$",
        views.collectivity_profile,
        name="collectivity",
    ),
]
