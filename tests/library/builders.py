"""Builders of library data for tests."""

import datetime

from django.utils import timezone

from library.choices import Phase, SystemKind
from library.models import AICapability, PartnerOrganisation, ProjectPage, Theme
from tests.factories import make_collectivity


def make_theme(name="Eau et assainissement", slug=None):
    theme, _ = Theme.objects.get_or_create(name=name, defaults={"slug": slug or ""})
    return theme


def make_capability(name="Vision par ordinateur", slug=None):
    capability, _ = AICapability.objects.get_or_create(
        name=name, defaults={"slug": slug or ""}
    )
    return capability


def make_organisation(name="Laboratoire d'exemple", kind="recherche"):
    organisation, _ = PartnerOrganisation.objects.get_or_create(
        name=name, defaults={"kind": kind}
    )
    return organisation


def default_collectivity():
    from territories.models import Collectivity

    existing = Collectivity.objects.filter(code="31254").first()
    return existing or make_collectivity()


def make_project(
    index,
    title="Détection des fuites d'eau",
    *,
    themes=(),
    capabilities=(),
    publish=True,
    **fields,
):
    """Create a project under the index, published through a revision by default."""
    fields.setdefault("summary", "Repérer les fuites du réseau d'eau potable.")
    fields.setdefault("problem", "Un quart de l'eau potable se perd en fuites.")
    fields.setdefault("phase", Phase.PILOT)
    fields.setdefault("system_kind", SystemKind.MACHINE_LEARNING)
    if "lead_collectivity" not in fields:
        fields["lead_collectivity"] = default_collectivity()
    page = ProjectPage(title=title, live=False, **fields)
    index.add_child(instance=page)
    page.themes.set(themes)
    page.capabilities.set(capabilities)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def make_projects_quickly(index, count, **fields):
    """Many live projects without revisions, for tests that need volume only."""
    fields.setdefault("summary", "Un projet parmi d'autres.")
    fields.setdefault("problem", "Un problème.")
    fields.setdefault("phase", Phase.PILOT)
    fields.setdefault("system_kind", SystemKind.RULES)
    if "lead_collectivity" not in fields:
        fields["lead_collectivity"] = default_collectivity()
    now = timezone.now()
    pages = []
    for number in range(count):
        published = now - datetime.timedelta(minutes=number)
        page = ProjectPage(
            title=f"Projet {number:04d}",
            slug=f"projet-{number:04d}",
            live=True,
            first_published_at=published,
            last_published_at=published,
            **fields,
        )
        index.add_child(instance=page)
        pages.append(page)
    return pages
