from django.urls import path

from . import views

app_name = "territories"

urlpatterns = [
    path("recherche/", views.search_page, name="search"),
    path("recherche.json", views.search_json, name="search_json"),
]
