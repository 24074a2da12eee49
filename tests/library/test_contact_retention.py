"""Contacts left with proposals and suggestions are erased after their delay."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from home.models import SiteSettings
from library.models import ProjectProposal, UpdateSuggestion

from .builders import make_project

pytestmark = pytest.mark.django_db


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_old_contacts_are_erased_and_recent_ones_kept(library_index, capsys):
    old_page = make_project(library_index, "Ancien", publish=False)
    new_page = make_project(library_index, "Récent", publish=False)
    contact = {
        "submitter_name": "Camille",
        "submitter_email": "camille@example.org",
        "submitter_role": "Cheffe de projet",
    }
    old = ProjectProposal.objects.create(page=old_page, created_at=ago(800), **contact)
    new = ProjectProposal.objects.create(page=new_page, created_at=ago(10), **contact)
    project = make_project(library_index, "Publié")
    handled = UpdateSuggestion.objects.create(
        project=project,
        message="Corrigé",
        contact_email="a@example.org",
        status=UpdateSuggestion.Status.DONE,
    )
    waiting = UpdateSuggestion.objects.create(
        project=project, message="À lire", contact_email="b@example.org"
    )
    UpdateSuggestion.objects.filter(pk__in=[handled.pk, waiting.pk]).update(
        updated_at=ago(800)
    )

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_retention_months = 24
    settings.save()

    call_command("purge_personal_data")

    old.refresh_from_db()
    new.refresh_from_db()
    handled.refresh_from_db()
    waiting.refresh_from_db()
    assert (old.submitter_name, old.submitter_email, old.submitter_role) == ("", "", "")
    assert new.submitter_email == "camille@example.org"
    assert handled.contact_email == ""
    assert handled.message == "Corrigé"
    assert waiting.contact_email == "b@example.org"  # not dealt with yet
    output = capsys.readouterr().out
    assert "library.proposals_anonymised : 1" in output
    assert "library.suggestions_anonymised : 1" in output
