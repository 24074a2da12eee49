"""Views that exist only for the tests, to exercise the site-wide behaviours."""

from django.db import OperationalError
from django.http import HttpResponse

from core.mail import send_later
from core.ratelimit import check_rate_limit, rate_limit
from territories.models import Region


@rate_limit("test-form", limit=3, period=600)
def limited_form(request):
    """Stands for a public form: saves a record on each accepted POST."""
    if request.method == "POST":
        Region.objects.create(code=request.POST["code"], name="Région de test")
    return HttpResponse("Enregistré.")


def limited_search(request):
    check_rate_limit(request, "test-search", limit=2, period=600)
    return HttpResponse("Résultats.")


def database_lost(request):
    raise OperationalError("server closed the connection unexpectedly")


def own_policy(request):
    response = HttpResponse("Politique propre.")
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


def submit_and_notify(request):
    """Stands for a form that saves a submission, then tells its author by email."""
    region = Region.objects.create(code=request.POST["code"], name="Région de test")
    send_later(
        "Votre proposition est bien arrivée",
        "Merci, nous la relisons.",
        [request.POST["email"]],
    )
    return HttpResponse(f"Proposition {region.pk} enregistrée.")


def count_regions(request):
    """A page that needs the database and nothing else in it."""
    return HttpResponse(f"{Region.objects.count()} régions.")
