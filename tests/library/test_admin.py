"""The library in the admin: the project editor and the library's menus."""

import html

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse
from wagtail.models import WorkflowPage
from wagtail.snippets.widgets import AdminSnippetChooser
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from library import assessment, record, services
from library.models import ProjectPage, ProjectProposal
from tests.factories import make_collectivity

from .builders import make_project, make_theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    user = User.objects.create_superuser("admin", "admin@example.org", "x" * 16)
    client.force_login(user)
    return client


def test_the_editor_shows_one_tab_per_section(admin_client, library_index):
    response = admin_client.get(
        reverse(
            "wagtailadmin_pages:add", args=["library", "projectpage", library_index.pk]
        )
    )
    assert response.status_code == 200
    content = html.unescape(response.content.decode())
    for section in record.SECTIONS:
        assert str(section.heading) in content
    for criterion in assessment.CRITERIA:
        assert str(criterion.question) in content


def test_an_editor_publishes_a_project_from_the_admin(admin_client, library_index):
    collectivity = make_collectivity()
    theme = make_theme()
    data = nested_form_data(
        {
            "title": "Optimisation de l'éclairage",
            "slug": "optimisation-eclairage",
            "summary": "Adapter l'éclairage public à la fréquentation.",
            "lead_collectivity": collectivity.pk,
            "phase": "pilote",
            "system_kind": "regles",
            "problem": "Des rues éclairées pour personne.",
            "budget_range": "non-communique",
            "build_duration": "non-communique",
            "personal_data": "non",
            "hosting": "non-renseigne",
            "legal_basis": "sans-objet",
            "impact_assessment": "non-requise",
            **{c.field_name: "non-renseigne" for c in assessment.CRITERIA},
            "assessment_frugality": "oui",
            "partner_collectivities": inline_formset([]),
            "partners": inline_formset([]),
            "documents": inline_formset([]),
            "links": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    data["themes"] = [theme.pk]
    response = admin_client.post(
        reverse(
            "wagtailadmin_pages:add", args=["library", "projectpage", library_index.pk]
        ),
        data,
    )
    assert response.status_code == 302, response.context["form"].errors
    page = ProjectPage.objects.get(slug="optimisation-eclairage")
    assert page.live
    assert page.assessment_frugality == "oui"


def test_a_new_library_is_moderated_by_the_library_workflow(library_index):
    assignment = WorkflowPage.objects.get(page=library_index)
    assert assignment.workflow.name == services.MODERATION_WORKFLOW_NAME


def test_the_vocabularies_are_snippets_with_lists(admin_client):
    for model in ("theme", "aicapability", "partnerorganisation", "projectproposal"):
        response = admin_client.get(reverse(f"wagtailsnippets_library_{model}:list"))
        assert response.status_code == 200, model


def test_moderators_read_the_proposals_received(client, library_index):
    page = make_project(library_index, "Proposé", publish=False)
    ProjectProposal.objects.create(
        page=page,
        submitter_name="Camille",
        submitter_email="camille@example.org",
        submitter_role="Cheffe de projet",
    )
    moderator = User.objects.create_user("moderateur", "m@example.org", "x" * 16)
    moderator.groups.add(Group.objects.get(name="Modérateurs"))
    client.force_login(moderator)

    response = client.get(reverse("wagtailsnippets_library_projectproposal:list"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Proposé" in content
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in content


def test_a_proposal_is_shown_in_the_admin_but_not_edited(admin_client, library_index):
    page = make_project(library_index, "Proposé", publish=False)
    proposal = ProjectProposal.objects.create(
        page=page,
        submitter_name="Camille",
        submitter_email="camille@example.org",
        submitter_role="Cheffe de projet",
    )
    url = reverse("wagtailsnippets_library_projectproposal:edit", args=[proposal.pk])
    assert "camille@example.org" in admin_client.get(url).content.decode()

    admin_client.post(url, {"submitter_email": "autre@example.org"})

    proposal.refresh_from_db()
    assert proposal.submitter_email == "camille@example.org"


def test_collectivities_and_partners_are_picked_with_choosers():
    """Collectivities come from the register's chooser, never a long list."""
    form_class = ProjectPage.get_edit_handler().get_form_class()
    assert isinstance(
        form_class.base_fields["lead_collectivity"].widget, AdminSnippetChooser
    )
    partner_form = form_class.formsets["partner_collectivities"].form
    assert isinstance(
        partner_form.base_fields["collectivity"].widget, AdminSnippetChooser
    )
    organisation_form = form_class.formsets["partners"].form
    assert isinstance(
        organisation_form.base_fields["organisation"].widget, AdminSnippetChooser
    )
