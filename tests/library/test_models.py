"""The library's models: page type rules, the record's shape, its validation."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Workflow

from home.models import HomePage
from library import assessment, record
from library.choices import FundingSource
from library.models import (
    AICapability,
    LibraryIndexPage,
    ProjectPage,
    ProjectPartnerCollectivity,
    Theme,
)

from .builders import make_project

pytestmark = pytest.mark.django_db


# ----- Page type rules -----


def test_library_index_lives_only_under_the_home_page(home_page, library_index):
    """The index is created under the home page only, and once."""
    assert LibraryIndexPage.allowed_parent_page_models() == [HomePage]
    assert not LibraryIndexPage.can_create_at(home_page)  # already one
    assert LibraryIndexPage.max_count == 1


def test_project_pages_live_only_under_the_index(home_page, library_index):
    """Projects are children of the index and have no children of their own."""
    assert ProjectPage.allowed_parent_page_models() == [LibraryIndexPage]
    assert ProjectPage.can_create_at(library_index)
    assert not ProjectPage.can_create_at(home_page)
    assert ProjectPage.allowed_subpage_models() == []
    assert LibraryIndexPage.allowed_subpage_models() == [ProjectPage]


def test_index_is_served_at_bibliotheque(library_index):
    assert library_index.url == "/bibliotheque/"


# ----- The assessment registry -----


def test_every_chapter_has_criteria_and_keys_are_unique():
    """Each of the four chapters has criteria; keys and public slugs are unique."""
    assert [chapter.number for chapter in assessment.CHAPTERS] == [1, 2, 3, 4]
    for chapter in assessment.CHAPTERS:
        assert len(assessment.criteria_of(chapter)) >= 2
    keys = [criterion.key for criterion in assessment.CRITERIA]
    slugs = [criterion.slug for criterion in assessment.CRITERIA]
    assert len(set(keys)) == len(keys)
    assert len(set(slugs)) == len(slugs)


def test_each_criterion_is_an_indexed_answer_column_and_an_evidence_column():
    """Filtering by a criterion is a lookup on an indexed column of the page."""
    for criterion in assessment.CRITERIA:
        answer = ProjectPage._meta.get_field(criterion.field_name)
        evidence = ProjectPage._meta.get_field(criterion.evidence_field_name)
        assert answer.db_index
        assert answer.default == assessment.Answer.NOT_STATED
        assert {value for value, _ in answer.choices} == set(assessment.Answer.values)
        assert isinstance(evidence, models.TextField)
        assert evidence.max_length == assessment.EVIDENCE_MAX_LENGTH


# ----- The record's shape -----

NON_RECORD_FIELDS = {
    # Wagtail's own page fields, and the fields derived from them.
    *(field.name for field in Page._meta.get_fields()),
    "page_ptr",
    # Private data and moderation, never part of the record.
    "proposal",
    "update_suggestions",
}


def test_record_sections_hold_every_field_of_a_project_once():
    """The sections list each field of the record exactly once, and nothing else."""
    listed = [name for section in record.SECTIONS for name in section.fields]
    assert len(listed) == len(set(listed))
    model_fields = {
        field.name
        for field in ProjectPage._meta.get_fields()
        if field.name not in NON_RECORD_FIELDS
    }
    assert set(listed) - {"title"} == model_fields


def test_every_editable_field_has_french_help_text():
    for section in record.SECTIONS:
        for name in section.fields:
            if name == "title":
                continue
            field = ProjectPage._meta.get_field(name)
            if field.auto_created:  # a child relation, described by its panel
                continue
            assert str(field.help_text).strip(), name


def test_short_texts_are_bounded():
    """Every text of the record has a maximum length enforced by its form."""
    for field in ProjectPage._meta.get_fields():
        if isinstance(field, (models.CharField, models.TextField)) and field.name in {
            name for section in record.SECTIONS for name in section.fields
        }:
            assert field.max_length, field.name


def test_editor_tabs_follow_the_sections_of_the_public_page():
    """The editor shows one tab per section, in the order a visitor reads them."""
    handler = ProjectPage.get_edit_handler()
    headings = [str(child.heading) for child in handler.children]
    expected = [str(section.heading) for section in record.SECTIONS]
    assert headings[: len(expected)] == expected


def test_editor_form_offers_every_record_field(library_index):
    form_class = ProjectPage.get_edit_handler().get_form_class()
    for section in record.SECTIONS:
        for name in section.fields:
            if name in {"partner_collectivities", "partners", "documents", "links"}:
                assert name in form_class.formsets, name
            elif name != "record_schema_version":  # shown read-only
                assert name in form_class.base_fields, name


# ----- Validation -----


def test_an_illustration_needs_its_alternative_text(library_index):
    image = Image.objects.create(title="Réseau", file=get_test_image_file())
    page = make_project(library_index, publish=False)
    page.illustration = image
    page.illustration_alt = "  "
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "illustration_alt" in error.value.message_dict


def test_the_end_cannot_precede_the_start(library_index):
    page = make_project(library_index, publish=False)
    page.start_month = datetime.date(2024, 5, 1)
    page.end_month = datetime.date(2023, 1, 1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "end_month" in error.value.message_dict


def test_a_project_cannot_take_a_slug_the_index_uses(library_index):
    page = make_project(library_index, publish=False)
    page.slug = "proposer"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "slug" in error.value.message_dict


def test_a_choice_list_accepts_only_its_vocabulary(library_index):
    page = make_project(library_index, publish=False)
    page.funding_sources = [FundingSource.EUROPE, "loterie"]
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "funding_sources" in error.value.message_dict
    page.funding_sources = [FundingSource.EUROPE]
    page.full_clean()


def test_saving_keeps_month_only_and_stamps_the_schema_version(library_index):
    page = make_project(library_index, start_month=datetime.date(2023, 9, 17))
    page.record_schema_version = "0.1"
    page.save()
    page.refresh_from_db()
    assert page.start_month == datetime.date(2023, 9, 1)
    assert page.record_schema_version == record.SCHEMA_VERSION


def test_a_record_is_due_for_review_a_year_after_its_update(library_index):
    """Without a review date of its own, a record is due a year after its update."""
    page = make_project(library_index)
    assert page.next_review_date is None
    assert page.review_date == timezone.localdate() + datetime.timedelta(days=365)
    page.next_review_date = datetime.date(2030, 1, 15)
    assert page.review_date == datetime.date(2030, 1, 15)
    assert page.first_publication_date is not None
    assert page.last_update_date is not None


def test_partner_collectivities_are_kept_in_order(library_index):
    from tests.factories import make_collectivity

    other = make_collectivity(name="Toulouse", code="31555", siren="213105554")
    page = make_project(library_index)
    page.partner_collectivities.add(ProjectPartnerCollectivity(collectivity=other))
    page.save_revision().publish()
    assert list(other.project_partnerships.values_list("project", flat=True)) == [
        page.pk
    ]


# ----- Taxonomies -----


def test_taxonomies_take_a_slug_from_their_name():
    assert Theme.objects.create(name="Mobilité et transports").slug == (
        "mobilite-et-transports"
    )
    assert AICapability.objects.create(name="Traitement du langage").slug == (
        "traitement-du-langage"
    )


# ----- Moderation workflow -----


def test_the_moderation_workflow_asks_the_moderators():
    """A data migration creates the library's workflow: one moderators' task."""
    workflow = Workflow.objects.get(name="Modération de la bibliothèque")
    tasks = [task.specific for task in workflow.tasks]
    assert len(tasks) == 1
    assert [group.name for group in tasks[0].groups.all()] == ["Modérateurs"]
