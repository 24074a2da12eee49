from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

from . import views

urlpatterns = [
    path("essai/formulaire/", views.limited_form),
    path("essai/recherche/", views.limited_search),
    path("essai/base-perdue/", views.database_lost),
    path("essai/politique/", views.own_policy),
    path("essai/proposition/", views.submit_and_notify),
    path("essai/compte/", views.count_regions),
    *site_urlpatterns,
]

handler500 = "core.views.server_error"
