"""The library's business rules: proposals, their moderation and notices."""

import datetime
import logging

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from core.mail import send_later

from .models import (
    LibraryIndexPage,
    ProjectPartnerCollectivity,
    ProjectProposal,
    UpdateSuggestion,
)

logger = logging.getLogger(__name__)

# Created by this app's data migration; moderators may rename its task or add
# tasks to it, but the workflow keeps this name.
MODERATION_WORKFLOW_NAME = "Modération de la bibliothèque"
MODERATORS_GROUP_NAME = "Modérateurs"
MODERATOR_PAGE_PERMISSIONS = ("change_page", "publish_page")

SLUG_MAX_LENGTH = 80

# How long the contact of whoever proposed a project or suggested an update
# is kept, as the privacy page says (its delay is set in the site settings).
CONTACT_RETENTION_MONTHS = 36


def moderation_workflow():
    return Workflow.objects.filter(name=MODERATION_WORKFLOW_NAME, active=True).first()


def set_up_moderation(index):
    """Put the projects of ``index`` under the library's moderation.

    The library's workflow becomes theirs, and moderators may edit and publish
    them: approving the last task of a workflow publishes the page, which
    Wagtail allows only to those with the right to publish it.
    """
    workflow = moderation_workflow()
    if workflow is None:
        logger.warning("Library moderation workflow missing: index id=%d", index.pk)
    else:
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})

    moderators, _created = Group.objects.get_or_create(name=MODERATORS_GROUP_NAME)
    for codename in MODERATOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=moderators,
            page=index,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


def lock_index(index):
    """``index`` read again, its row locked until the current transaction ends.

    A proposal takes it before it picks a slug, so that the slug is still
    free when the page is added (treebeard locks the same row in
    ``add_child``, but only after the slug is chosen).
    """
    return type(index).objects.select_for_update().get(pk=index.pk)


def unique_slug(index, title):
    """A free slug for a new project under ``index``, made from its title."""
    base = slugify(title)[:SLUG_MAX_LENGTH].strip("-") or "projet"
    taken = set(
        Page.objects.child_of(index)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    taken |= LibraryIndexPage.reserved_slugs
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def submit_proposal(
    index,
    page,
    *,
    themes,
    capabilities,
    partner_collectivities,
    submitter_name,
    submitter_email,
    submitter_role,
    note="",
):
    """Store a proposed project as a draft page and put it into moderation.

    The submitter's contact goes into a ``ProjectProposal``, never into the
    page. The receipt joins the mail queue in the same transaction: it goes
    if and only if the proposal is saved, and a mail server that is down
    delays it without losing the proposal.

    Proposals sent at the same instant take their turn on the index's row,
    locked until the transaction ends: each then picks its slug and its place
    in the page tree knowing the ones before it (``index`` is read again).
    """
    index = lock_index(index)
    page.slug = unique_slug(index, page.title)
    page.live = False
    page.themes.set(themes)
    page.capabilities.set(capabilities)
    for collectivity in partner_collectivities:
        page.partner_collectivities.add(
            ProjectPartnerCollectivity(collectivity=collectivity)
        )
    index.add_child(instance=page)
    page.save_revision(log_action=True)

    proposal = ProjectProposal.objects.create(
        page=page,
        submitter_name=submitter_name,
        submitter_email=submitter_email,
        submitter_role=submitter_role,
        note=note,
    )
    workflow = moderation_workflow() or page.get_workflow()
    if workflow is not None:
        workflow.start(page, user=None)
    else:
        logger.warning("Project proposed outside any workflow: page id=%d", page.pk)
    logger.info("Project proposed: page id=%d, proposal id=%d", page.pk, proposal.pk)
    queue_receipt(proposal)
    return proposal


def queue_receipt(proposal):
    _email_submitter(
        proposal,
        subject=_("Votre projet « %(title)s » a bien été reçu")
        % {"title": proposal.page.title},
        template="library/emails/proposal_received.txt",
    )
    proposal.receipt_queued_at = timezone.now()
    proposal.save(update_fields=["receipt_queued_at"])
    logger.info("Proposal receipt queued: proposal id=%d", proposal.pk)


def notify_submitter_of_publication(page):
    """Tell whoever proposed ``page`` that it is published, once."""
    proposal = (
        ProjectProposal.objects.filter(
            page_id=page.pk, publication_notice_queued_at__isnull=True
        )
        .exclude(submitter_email="")
        .first()
    )
    if proposal is None:
        return
    _email_submitter(
        proposal,
        subject=_("Votre projet « %(title)s » est publié") % {"title": page.title},
        template="library/emails/proposal_published.txt",
    )
    proposal.publication_notice_queued_at = timezone.now()
    proposal.save(update_fields=["publication_notice_queued_at"])
    logger.info("Proposal publication notice queued: proposal id=%d", proposal.pk)


def _email_submitter(proposal, *, subject, template):
    page = proposal.page.specific
    body = render_to_string(
        template,
        {
            "page": page,
            "page_url": page.full_url,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )
    send_later(subject, body, [proposal.submitter_email])


def record_suggestion(project, *, message, contact_name="", contact_email=""):
    suggestion = UpdateSuggestion.objects.create(
        project=project,
        message=message,
        contact_name=contact_name,
        contact_email=contact_email,
    )
    logger.info(
        "Update suggested: project id=%d, suggestion id=%d", project.pk, suggestion.pk
    )
    return suggestion


def erase_old_contacts(months, now=None):
    """Erase the contacts left with proposals and suggestions ``months`` ago.

    A proposal keeps its contact for that long after it was received; a
    suggestion, for that long after moderators last dealt with it. The
    proposals and suggestions themselves are kept, without their contact.
    Returns how many of each were erased.
    """
    cutoff = (now or timezone.now()) - datetime.timedelta(days=round(months * 30.44))
    proposals = (
        ProjectProposal.objects.filter(created_at__lt=cutoff)
        .exclude(submitter_email="", submitter_name="", submitter_role="")
        .update(submitter_name="", submitter_email="", submitter_role="")
    )
    suggestions = (
        UpdateSuggestion.objects.filter(updated_at__lt=cutoff)
        .exclude(status=UpdateSuggestion.Status.NEW)
        .exclude(contact_name="", contact_email="")
        .update(contact_name="", contact_email="")
    )
    logger.info(
        "Old contacts erased: %d proposals, %d suggestions", proposals, suggestions
    )
    return proposals, suggestions
