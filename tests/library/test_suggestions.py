"""Update suggestions: the public form and the moderators' list in the admin."""

import html

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from library import ratelimit
from library.models import UpdateSuggestion

from .builders import make_project

pytestmark = pytest.mark.django_db

CONTACT_EMAIL = "lecteur@example.org"


@pytest.fixture
def project(library_index):
    return make_project(library_index, "Détection des fuites")


@pytest.fixture
def suggestion_url(project):
    return f"{project.url}signaler/"


@pytest.fixture
def moderator(db):
    user = User.objects.create_user("moderateur", "moderateur@example.org", "x" * 16)
    user.groups.add(Group.objects.get(name="Modérateurs"))
    return user


def test_the_form_has_its_own_page(client, suggestion_url, project):
    response = client.get(suggestion_url)
    assert response.status_code == 200
    content = html.unescape(response.content.decode())
    assert "Suggérer une mise à jour ou signaler une erreur" in content
    assert "Détection des fuites" in content
    assert 'name="message"' in content


def test_a_suggestion_is_recorded_as_new(client, suggestion_url, project):
    response = client.post(
        suggestion_url,
        {
            "message": "Le projet est passé en production en 2025.",
            "contact_name": "Dominique",
            "contact_email": CONTACT_EMAIL,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{project.url}signaler/merci/"
    suggestion = UpdateSuggestion.objects.get()
    assert suggestion.project_id == project.pk
    assert suggestion.status == UpdateSuggestion.Status.NEW
    assert suggestion.contact_email == CONTACT_EMAIL
    assert client.get(response["Location"]).status_code == 200
    assert CONTACT_EMAIL not in client.get(project.url).content.decode()


def test_contact_is_optional(client, suggestion_url):
    response = client.post(suggestion_url, {"message": "Le lien est cassé."})
    assert response.status_code == 302
    assert UpdateSuggestion.objects.get().contact_email == ""


def test_an_empty_or_bad_suggestion_is_explained(client, suggestion_url):
    response = client.post(
        suggestion_url, {"message": "", "contact_email": "pas-une-adresse"}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"message", "contact_email"}
    assert 'value="pas-une-adresse"' in response.content.decode()
    assert UpdateSuggestion.objects.count() == 0


def test_an_overlong_suggestion_is_refused(client, suggestion_url):
    response = client.post(suggestion_url, {"message": "x" * 3001})
    assert "message" in response.context["form"].errors
    assert UpdateSuggestion.objects.count() == 0


def test_a_filled_honeypot_writes_nothing(client, suggestion_url):
    response = client.post(
        suggestion_url, {"message": "Achetez ici", "site_web": "https://spam.example"}
    )
    assert response.status_code == 302
    assert UpdateSuggestion.objects.count() == 0


def test_too_many_suggestions_from_one_address_are_refused(client, suggestion_url):
    limit = ratelimit.SUGGESTIONS.count
    for number in range(limit):
        client.post(suggestion_url, {"message": f"Correction {number}"})
    response = client.post(suggestion_url, {"message": "Une de trop"})
    assert response.status_code == 429
    assert "Une de trop" in response.content.decode()
    assert UpdateSuggestion.objects.count() == limit


def test_drafts_take_no_suggestions(client, library_index):
    draft = make_project(library_index, "Brouillon", publish=False)
    response = client.post(f"/bibliotheque/{draft.slug}/signaler/", {"message": "x"})
    assert response.status_code == 404
    assert UpdateSuggestion.objects.count() == 0


# ----- The moderators' list -----


def test_moderators_list_suggestions_by_status_with_a_link_to_edit_the_project(
    client, project, moderator
):
    UpdateSuggestion.objects.create(project=project, message="Nouvelle remarque")
    UpdateSuggestion.objects.create(
        project=project,
        message="Remarque traitée",
        status=UpdateSuggestion.Status.DONE,
    )
    client.force_login(moderator)
    list_url = reverse("wagtailsnippets_library_updatesuggestion:list")

    response = client.get(list_url, {"status": "nouvelle"})

    assert response.status_code == 200
    content = html.unescape(response.content.decode())
    assert "Nouvelle remarque" in content
    assert "Remarque traitée" not in content
    assert reverse("wagtailadmin_pages:edit", args=[project.pk]) in content


def test_moderators_mark_a_suggestion_done(client, project, moderator):
    suggestion = UpdateSuggestion.objects.create(
        project=project, message="Le budget a changé.", contact_email=CONTACT_EMAIL
    )
    client.force_login(moderator)
    edit_url = reverse(
        "wagtailsnippets_library_updatesuggestion:edit", args=[suggestion.pk]
    )

    page = client.get(edit_url)
    assert page.status_code == 200
    assert CONTACT_EMAIL in page.content.decode()  # moderators may answer

    response = client.post(
        edit_url, {"status": "traitee", "moderator_note": "Budget corrigé."}
    )

    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == UpdateSuggestion.Status.DONE
    assert suggestion.moderator_note == "Budget corrigé."
    assert suggestion.message == "Le budget a changé."
    assert suggestion.contact_email == CONTACT_EMAIL


def test_visitors_cannot_reach_the_list(client, project):
    response = client.get(reverse("wagtailsnippets_library_updatesuggestion:list"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
