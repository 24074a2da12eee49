"""Each role reaches exactly the parts of the admin the README's Roles section gives it.

One row per address and role: ``ok`` is the page itself, ``login`` the login
page (anonymous visitors), ``denied`` Wagtail's refusal, which sends the
member back to the dashboard.
"""

import pytest

from .conftest import ADMINISTRATOR, ANONYMOUS, EDITOR, MODERATOR

pytestmark = pytest.mark.django_db

OK, LOGIN, DENIED = "ok", "login", "denied"


def row(url, editor, moderator, administrator):
    """The expected outcome for each role; anonymous visitors always log in."""
    return [
        (url, ANONYMOUS, LOGIN),
        (url, EDITOR, editor),
        (url, MODERATOR, moderator),
        (url, ADMINISTRATOR, administrator),
    ]


BOUNDARIES = [
    # ----- The admin and pages -----
    *row("/admin/", OK, OK, OK),
    *row("/admin/pages/{home}/", OK, OK, OK),
    *row("/admin/pages/{live}/edit/", OK, OK, OK),
    *row("/admin/pages/add/home/standardpage/{home}/", OK, DENIED, OK),
    *row("/admin/pages/{live}/unpublish/", OK, DENIED, OK),
    *row("/admin/pages/{live}/delete/", OK, DENIED, OK),
    *row("/admin/pages/{home}/delete/", DENIED, DENIED, OK),
    # ----- Previews of drafts -----
    *row("/admin/pages/{draft}/view_draft/", OK, OK, OK),
    # ----- Media, collections, redirects -----
    *row("/admin/images/", OK, OK, OK),
    *row("/admin/documents/", OK, OK, OK),
    *row("/admin/collections/", OK, DENIED, OK),
    *row("/admin/redirects/", OK, DENIED, OK),
    # ----- Snippets: the register of collectivities -----
    *row("/admin/snippets/territories/collectivity/", OK, OK, OK),
    # ----- Signatures, their moderation and their export -----
    *row("/admin/manifesto/signature/", DENIED, OK, OK),
    *row("/admin/manifesto/signature/?export=csv", DENIED, OK, OK),
    *row("/admin/manifesto/signature/?export=xlsx", DENIED, OK, OK),
    *row("/admin/manifesto/signature/inspect/{awaiting}/", DENIED, OK, OK),
    *row("/admin/manifesto/signature/edit/{awaiting}/", DENIED, OK, OK),
    *row("/admin/manifesto/signature/approve/{awaiting}/", DENIED, OK, OK),
    *row("/admin/manifesto/signature/reject/{awaiting}/", DENIED, OK, OK),
    *row("/admin/manifesto/signature/delete/{awaiting}/", DENIED, DENIED, OK),
    # ----- The library: what the public sends, and the vocabularies -----
    *row("/admin/snippets/library/projectproposal/", DENIED, OK, OK),
    *row("/admin/snippets/library/updatesuggestion/", DENIED, OK, OK),
    *row("/admin/snippets/library/updatesuggestion/?export=csv", DENIED, OK, OK),
    *row("/admin/snippets/library/theme/", OK, DENIED, OK),
    *row("/admin/snippets/library/theme/add/", OK, DENIED, OK),
    *row("/admin/snippets/library/aicapability/", OK, DENIED, OK),
    *row("/admin/snippets/library/partnerorganisation/", OK, OK, OK),
    *row("/admin/snippets/library/partnerorganisation/add/", OK, OK, OK),
    # ----- Settings, people, sites and workflows -----
    *row("/admin/settings/home/sitesettings/{site}/", DENIED, DENIED, OK),
    *row("/admin/users/", DENIED, DENIED, OK),
    *row("/admin/groups/", DENIED, DENIED, OK),
    *row("/admin/sites/", DENIED, DENIED, OK),
    *row("/admin/workflows/list/", DENIED, DENIED, OK),
    *row("/admin/workflows/tasks/index/", DENIED, DENIED, OK),
]


def outcome(response):
    location = response.get("Location", "")
    if response.status_code == 200:
        return OK
    if response.status_code == 302 and location.startswith("/admin/login/"):
        return LOGIN
    if response.status_code in (302, 403) and not location.startswith("/admin/login"):
        return DENIED
    return f"unexpected {response.status_code} {location}"


@pytest.mark.parametrize(("url", "role", "expected"), BOUNDARIES)
def test_role_reaches_exactly_what_the_readme_says(
    client_as, site_objects, url, role, expected
):
    client = client_as(role)
    ids = {name: item.pk for name, item in site_objects.items()}
    ids["site"] = site_objects["home"].get_site().pk

    response = client.get(url.format(**ids))

    assert outcome(response) == expected


@pytest.mark.parametrize("role", [EDITOR, ANONYMOUS])
def test_only_moderators_decide_on_signatures(client_as, site_objects, role):
    """A refused role posting the decision changes nothing."""
    awaiting = site_objects["awaiting"]

    client_as(role).post(f"/admin/manifesto/signature/approve/{awaiting.pk}/")

    awaiting.refresh_from_db()
    assert awaiting.status == awaiting.Status.AWAITING_MODERATION


def test_moderator_decision_goes_through(client_as, site_objects):
    """The control case of the test above."""
    awaiting = site_objects["awaiting"]

    client_as(MODERATOR).post(f"/admin/manifesto/signature/approve/{awaiting.pk}/")

    awaiting.refresh_from_db()
    assert awaiting.status == awaiting.Status.APPROVED
