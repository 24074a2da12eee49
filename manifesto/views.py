"""The public views of the manifesto, served by ManifestoPage's routes."""

import contextlib
import logging
import math

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.models import Page

from territories.models import Region

from . import opendata, ratelimit, regions, services, tokens
from .filters import SignatoryFilterForm
from .forms import SignatureForm
from .models import ManifestoPage, Signature, SignatureStateError

logger = logging.getLogger(__name__)

SIGNATORIES_PER_PAGE = 30
SIGN_TITLE = _("Signer le manifeste")
SIGNATORIES_TITLE = _("Les signataires")


def _render(request, page, template, title, context=None, status=200):
    """Render one of the page's routes, titled ``title`` in the breadcrumb."""
    full_context = page.get_context(request)
    full_context["breadcrumb_trail"] = [
        (page.title, page.url),
        (title, request.path),
    ]
    full_context.update(context or {})
    return TemplateResponse(request, template, full_context, status=status)


# ----- Signing -----


def sign(request, page):
    if request.method != "POST":
        form = SignatureForm()
        return _render(request, page, "manifesto/sign.html", SIGN_TITLE, {"form": form})

    form = SignatureForm(request.POST, request.FILES)
    if ratelimit.is_limited(request):
        logger.info("Signature refused: too many from one client")
        wait = ratelimit.retry_after(request)
        context = {
            "form": form,
            "rate_limited": True,
            "retry_after_minutes": max(1, math.ceil(wait / 60)),
        }
        response = _render(
            request, page, "manifesto/sign.html", SIGN_TITLE, context, status=429
        )
        response["Retry-After"] = str(wait)
        response["Cache-Control"] = "no-store"
        return response

    if form.is_spam:
        # Answer as if all went well, so that the robot learns nothing.
        ratelimit.count_signature(request)
        logger.info("Signature refused: hidden field filled in")
        return redirect(page.url_for("sign_thanks"))

    if form.is_valid():
        signature = form.save(commit=False)
        try:
            sent = services.sign(signature)
        except services.AlreadySigned as error:
            form.add_error("collectivity", error.message)
        else:
            ratelimit.count_signature(request)
            url = page.url_for("sign_thanks")
            return redirect(url if sent else f"{url}?courriel=echec")

    context = {"form": form, "logo_lost": bool(request.FILES.get("logo"))}
    return _render(request, page, "manifesto/sign.html", SIGN_TITLE, context)


def sign_thanks(request, page):
    context = {"email_failed": request.GET.get("courriel") == "echec"}
    return _render(
        request, page, "manifesto/sign_thanks.html", _("Signature envoyée"), context
    )


# ----- Links sent by email -----


def confirm(request, page, token):
    try:
        signature_id = tokens.read_confirmation_token(token)
    except tokens.ExpiredToken as error:
        signature = _signature_or_none(error.signature_id)
        awaiting = Signature.Status.AWAITING_CONFIRMATION
        if signature is None or signature.status == awaiting:
            return _link_error(request, page, "expired")
        return _signature_state(request, page, signature)
    except tokens.InvalidToken:
        return _link_error(request, page, "invalid")

    signature = _signature_or_none(signature_id)
    if signature is None:
        return _link_error(request, page, "unknown")
    if request.method == "POST":
        # A second click finds the step done: the page below says so.
        with contextlib.suppress(SignatureStateError):
            services.confirm(signature.pk)
        return redirect(request.path)
    if signature.status != Signature.Status.AWAITING_CONFIRMATION:
        return _signature_state(request, page, signature)
    return _render(
        request,
        page,
        "manifesto/confirm.html",
        _("Confirmer la signature"),
        {"signature": signature},
    )


def withdraw(request, page, token):
    try:
        signature_id = tokens.read_withdrawal_token(token)
    except tokens.InvalidToken:
        return _link_error(request, page, "invalid")

    signature = _signature_or_none(signature_id)
    if signature is None:
        return _link_error(request, page, "unknown")
    if request.method == "POST":
        # A second click finds the step done: the page below says so.
        with contextlib.suppress(SignatureStateError):
            services.withdraw(signature.pk)
        return redirect(request.path)
    if not signature.is_live:
        return _signature_state(request, page, signature)
    return _render(
        request,
        page,
        "manifesto/withdraw.html",
        _("Retirer la signature"),
        {"signature": signature},
    )


def _signature_or_none(signature_id):
    signatures = Signature.objects.select_related("collectivity")
    return signatures.filter(pk=signature_id).first()


def _signature_state(request, page, signature):
    return _render(
        request,
        page,
        "manifesto/signature_state.html",
        _("Votre signature"),
        {"signature": signature},
    )


def _link_error(request, page, reason):
    status = 404 if reason == "unknown" else 400
    context = {"reason": reason, "max_age_days": tokens.CONFIRMATION_MAX_AGE.days}
    return _render(
        request,
        page,
        "manifesto/link_error.html",
        _("Lien non valable"),
        context,
        status=status,
    )


# ----- Signatories -----


def signatories(request, page):
    all_regions = list(Region.objects.order_by("name"))
    filters = SignatoryFilterForm(request.GET, all_regions)
    signatures = filters.filter(Signature.objects.public())

    paginator = Paginator(signatures, SIGNATORIES_PER_PAGE)
    page_of_signatures = paginator.get_page(request.GET.get("page"))

    counts = dict(
        Signature.objects.approved()
        .values_list("collectivity__region_id")
        .annotate(count=Count("pk"))
        .order_by()
        .values_list("collectivity__region_id", "count")
    )
    tiles = regions.tiles(all_regions, counts)
    map_width, map_height = regions.map_size(tiles)
    query = request.GET.copy()
    query.pop("page", None)

    context = {
        "filters": filters,
        "signatures": page_of_signatures,
        "paginator": paginator,
        "page_range": paginator.get_elided_page_range(page_of_signatures.number),
        "total": sum(counts.values()),
        "region_tiles": tiles,
        "region_rows": sorted(tiles, key=lambda tile: (-tile.count, tile.name)),
        "map_width": map_width,
        "map_height": map_height,
        "tile_size": regions.TILE_SIZE,
        "query_without_page": query.urlencode(),
    }
    return _render(
        request, page, "manifesto/signatories.html", SIGNATORIES_TITLE, context
    )


# ----- Open data, next to the manifesto page -----


@require_GET
def signatories_data(request, page_path, extension):
    """Serve signataires.csv or .json under the manifesto page's address."""
    page = Page.find_for_request(request, page_path)
    if not isinstance(page, ManifestoPage):
        raise Http404
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
    signatures = opendata.signatories()
    if extension == "csv":
        response = opendata.csv_response(signatures)
    else:
        response = opendata.json_response(signatures)
    # Open data: any site may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response
