"""People in each role, the pages and records whose boundaries are tested."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from home.models import StandardPage
from manifesto.models import Signature
from tests.library.conftest import library_index  # noqa: F401
from tests.manifesto.conftest import (  # noqa: F401
    _empty_cache,
    bretagne,
    chapters,
    home_page,
    labege,
    make_signature,
    manifesto_page,
    occitanie,
    rennes,
    sicoval,
)

ANONYMOUS = "anonyme"
EDITOR = "Éditeurs"
MODERATOR = "Modérateurs"
ADMINISTRATOR = "Administrateurs"
ROLES = (ANONYMOUS, EDITOR, MODERATOR, ADMINISTRATOR)


@pytest.fixture
def client_as(client, django_user_model):
    """A client logged in as a member of ``role``, or anonymous."""

    def make(role):
        if role != ANONYMOUS:
            user = django_user_model.objects.create_user(
                username=f"membre-{ROLES.index(role)}", password="mot-de-passe-test"
            )
            user.groups.add(Group.objects.get(name=role))
            client.force_login(user)
        return client

    return make


@pytest.fixture
def site_objects(home_page, manifesto_page, labege, rennes, sicoval):  # noqa: F811  # noqa: F811
    """What the addresses of the table point at, by name."""
    draft = home_page.add_child(
        instance=StandardPage(title="Brouillon secret", slug="brouillon", live=False)
    )
    draft.save_revision()
    live = home_page.add_child(instance=StandardPage(title="À propos", slug="a-propos"))
    return {
        "home": home_page,
        "live": live,
        "draft": draft,
        "approved": make_signature(labege),
        "awaiting": make_signature(
            rennes,
            status=Signature.Status.AWAITING_MODERATION,
            signer_mandate="Mandat en attente",
        ),
        "unconfirmed": make_signature(
            sicoval,
            status=Signature.Status.AWAITING_CONFIRMATION,
            signer_mandate="Mandat non confirmé",
        ),
        "root": Page.get_first_root_node(),
    }
