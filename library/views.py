"""The library's public views: listing, record, history, forms, profiles."""

import logging

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Revision

from manifesto.models import ManifestoPage, Signature
from territories.models import Collectivity

from . import browsing, history, ratelimit, record, services
from .display import assessment_answers, entry, section_entries
from .forms import PROPOSAL_STEPS, SuggestionForm
from .models import ProjectPage
from .proposal_steps import ProposalProgress

logger = logging.getLogger(__name__)

SUMMARY_FIELDS = ("phase", "start_month", "end_month", "budget_range")
CONTACT_FIELDS = ("website", "contact_role", "contact_email")
RECENT_VERSIONS_SHOWN = 5


def _trail(request, page, label):
    """The breadcrumb of a view under a page: the page's own trail, then the view.

    Only the library's two levels (its index, a project) are ever above it.
    """
    trail = []
    if isinstance(page, ProjectPage):
        index = page.get_parent()
        trail.append((index.title, index.get_url(request)))
    trail.append((page.title, page.get_url(request)))
    trail.append((label, request.path))
    return trail


# ----- Library index -----


def library_listing(request, index):
    return index.render(
        request,
        context_overrides={
            "browse": browsing.browse(index, request.GET),
            "sort_choices": browsing.Sort.CHOICES,
        },
    )


def library_assessment_summary(request, index):
    return index.render(
        request,
        template="library/assessment_summary_page.html",
        context_overrides={
            "summary": browsing.assessment_summary(
                browsing.library_assessment_counts(index)
            ),
            "breadcrumb_trail": _trail(
                request, index, _("La bibliothèque au regard du manifeste")
            ),
        },
    )


def propose(request, index):
    """The proposal form, one step at a time; the last one sends the proposal."""
    limit = ratelimit.PROPOSALS
    status = 200
    received_url = index.url + index.reverse_subpage("proposal_received")
    if request.method != "POST":
        progress = ProposalProgress()
        form = progress.form()
    else:
        progress = ProposalProgress.from_post(request.POST)
        form = progress.form(None if progress.lost else request.POST)
        if progress.lost:
            logger.info("Project proposal step sent without its progress")
        elif progress.is_going_back(request.POST):
            form = progress.go_back(request.POST)
        elif progress.is_last_step and limit.is_reached(request):
            refuse_for_now(request, form, limit)
            status = 429
        elif form.is_valid():
            if form.is_spam:
                logger.info("Project proposal dropped: honeypot filled")
                return redirect(received_url)
            if not progress.is_last_step:
                form = progress.go_forward(form)
            else:
                progress.keep_step(request.POST)
                complete = progress.complete_form()
                if complete.is_valid():
                    limit.count_use(request)
                    submit_proposal(index, complete)
                    return redirect(received_url)
                form = progress.show_errors_of(complete)
    response = index.render(
        request,
        template="library/proposal_form.html",
        context_overrides={
            "form": form,
            "progress": progress,
            "steps": PROPOSAL_STEPS,
            "breadcrumb_trail": _trail(request, index, _("Proposer un projet")),
        },
    )
    return with_status(response, status, limit, request)


def submit_proposal(index, form):
    data = form.cleaned_data
    services.submit_proposal(
        index,
        form.save(commit=False),
        themes=data["themes"],
        capabilities=data["capabilities"],
        partner_collectivities=form.partner_collectivities,
        submitter_name=data["submitter_name"],
        submitter_email=data["submitter_email"],
        submitter_role=data["submitter_role"],
        note=data["note"],
    )


def proposal_received(request, index):
    return index.render(
        request,
        template="library/proposal_received.html",
        context_overrides={
            "breadcrumb_trail": _trail(request, index, _("Proposition reçue")),
        },
    )


# ----- Project -----


def project_record(request, project):
    versions = history.publication_dates(project)
    return project.render(
        request,
        context_overrides={
            "summary_entries": _entries(project, SUMMARY_FIELDS),
            "contact_entries": _entries(project, CONTACT_FIELDS),
            "sections": [
                (section, section_entries(project, section))
                for section in record.DESCRIPTIVE_SECTIONS
            ],
            "assessment_chapters": assessment_answers(project),
            "recent_versions": versions[::-1][:RECENT_VERSIONS_SHOWN],
            "version_count": len(versions),
            "related_projects": project.related_projects(),
            "meta_description": project.search_description or project.summary,
        },
    )


def _entries(project, names):
    return [item for item in (entry(project, name) for name in names) if item]


def project_history(request, project):
    versions = history.published_versions(project)
    comparison = None
    published_ids = {str(version.revision_id) for version in versions}
    older_id, newer_id = request.GET.get("de", ""), request.GET.get("a", "")
    if older_id in published_ids and newer_id in published_ids:
        revisions = Revision.objects.in_bulk([older_id, newer_id])
        older = revisions[int(older_id)].as_object()
        newer = revisions[int(newer_id)].as_object()
        comparison = {
            "older": older_id,
            "newer": newer_id,
            "changes": history.compare(older, newer),
        }
    return project.render(
        request,
        template="library/project_history.html",
        context_overrides={
            "versions": versions,
            "comparison": comparison,
            "breadcrumb_trail": _trail(request, project, _("Historique")),
        },
    )


def suggest_update(request, project):
    limit = ratelimit.SUGGESTIONS
    form = SuggestionForm()
    status = 200
    if request.method == "POST":
        form = SuggestionForm(request.POST)
        if limit.is_reached(request):
            refuse_for_now(request, form, limit)
            status = 429
        elif form.is_valid():
            limit.count_use(request)
            received_url = project.url + project.reverse_subpage("suggestion_received")
            if form.is_spam:
                logger.info("Update suggestion dropped: honeypot filled")
                return redirect(received_url)
            services.record_suggestion(
                project,
                message=form.cleaned_data["message"],
                contact_name=form.cleaned_data["contact_name"],
                contact_email=form.cleaned_data["contact_email"],
            )
            return redirect(received_url)
    response = project.render(
        request,
        template="library/suggestion_form.html",
        context_overrides={
            "form": form,
            "breadcrumb_trail": _trail(request, project, _("Suggérer une mise à jour")),
        },
    )
    return with_status(response, status, limit, request)


def suggestion_received(request, project):
    return project.render(
        request,
        template="library/suggestion_received.html",
        context_overrides={
            "breadcrumb_trail": _trail(request, project, _("Suggestion reçue")),
        },
    )


def refuse_for_now(request, form, limit):
    """Keep what was typed, say when to try again; nothing is written."""
    logger.info("Rate limit reached: scope=%s", limit.scope)
    form.add_error(
        None,
        _(
            "Ce formulaire a déjà été envoyé plusieurs fois depuis votre "
            "connexion : rien n'a été enregistré. Gardez cette page ouverte et "
            "renvoyez-le dans %(minutes)d minutes."
        )
        % {"minutes": limit.retry_after_minutes(request)},
    )


def with_status(response, status, limit, request):
    response.status_code = status
    if status == 429:
        response["Retry-After"] = str(limit.retry_after(request))
    return response


# ----- Collectivity profile -----


def find_collectivity(identifier):
    """The authority designated by a public identifier, or by a commune's code."""
    authorities = Collectivity.objects.filter(
        kind__in=Collectivity.AUTHORITY_KINDS
    ).select_related("departement", "region")
    found = authorities.by_public_identifier(identifier).order_by("-is_current")
    collectivity = found.first()
    if collectivity is None:
        # A commune is often known by its INSEE code rather than its SIREN.
        collectivity = (
            authorities.filter(kind=Collectivity.Kind.COMMUNE, code=identifier.upper())
            .order_by("-is_current")
            .first()
        )
    return collectivity


@require_GET
def collectivity_profile(request, identifier):
    """A local authority: its signature of the manifesto and its projects.

    Addressed by its public identifier (its SIREN, else its official code);
    a commune reached by its INSEE code is sent to the address with its
    SIREN, so that each authority has one address.
    """
    collectivity = find_collectivity(identifier)
    if collectivity is None:
        raise Http404
    if collectivity.public_identifier != identifier:
        return redirect(
            "library:collectivity", collectivity.public_identifier, permanent=True
        )

    projects = ProjectPage.objects.live().public().select_related("lead_collectivity")
    signature = Signature.objects.approved().filter(collectivity=collectivity).first()
    return render(
        request,
        "library/collectivity_profile.html",
        {
            "collectivity": collectivity,
            "signature": signature,
            "manifesto": ManifestoPage.objects.live().public().first(),
            "led_projects": projects.filter(lead_collectivity=collectivity).order_by(
                "title"
            ),
            "partner_projects": projects.filter(
                partner_collectivities__collectivity=collectivity
            )
            .distinct()
            .order_by("title"),
            "breadcrumb_trail": [(collectivity.name, request.path)],
            "meta_title": collectivity.name,
            "meta_description": _(
                "%(name)s : signature du manifeste pour une IA responsable et "
                "projets d'IA décrits dans la bibliothèque."
            )
            % {"name": collectivity.name},
        },
    )
