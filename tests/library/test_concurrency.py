"""Proposals sent at the same instant are all kept, each at its own address."""

import threading

import pytest
from django.db import connection
from django.test import Client
from wagtail.models import Page

from library import services
from library.choices import Phase, SystemKind
from library.forms import PROPOSAL_STEPS
from library.models import ProjectPage, ProjectProposal
from tests.factories import make_collectivity

from .builders import make_capability, make_theme
from .test_proposals import send_step, valid_data

TITLE = "Prévision des fuites"
THROUGH_SERVICE = 5
THROUGH_FORM = 3  # within the limit of each address: each comes from its own
ATTEMPTS = THROUGH_SERVICE + THROUGH_FORM


def propose_through_service(index, collectivity, vocabularies, number):
    page = ProjectPage(
        title=TITLE,
        summary="Repérer les fuites avant qu'elles ne coûtent.",
        problem="Trop d'eau perdue sur le réseau.",
        phase=Phase.EXPERIMENT,
        system_kind=SystemKind.MACHINE_LEARNING,
        lead_collectivity=collectivity,
    )
    services.submit_proposal(
        index,
        page,
        themes=[vocabularies["water"]],
        capabilities=[vocabularies["forecasting"]],
        partner_collectivities=[],
        submitter_name=f"Agent {number}",
        submitter_email=f"agent{number}@example.org",
        submitter_role="Chargé de mission",
    )


def prepare_form(index, vocabularies, number):
    """Fill in every step but the last; return what sends the last one."""
    client = Client(REMOTE_ADDR=f"127.0.0.{number + 2}")
    url = f"{index.url}proposer/"
    data = valid_data(
        vocabularies, submitter_email=f"agent{number}@example.org", title=TITLE
    )
    shown = client.get(url)
    for _step in PROPOSAL_STEPS[:-1]:
        shown = send_step(client, url, shown, data)
        assert shown.status_code == 200 and not shown.context["form"].errors

    def send_last_step():
        response = send_step(client, url, shown, data)
        assert response.status_code == 302, response.status_code

    return send_last_step


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_proposals_with_one_title_are_all_kept(library_index):
    """Each gets its own slug and its own place in the page tree."""
    collectivity = make_collectivity()
    vocabularies = {
        "water": make_theme("Eau et assainissement"),
        "forecasting": make_capability("Prévision"),
    }
    # The earlier steps are sent one after the other, before the race: the
    # test client reads each page's context from signals that every thread
    # would hear.
    last_steps = {
        number: prepare_form(library_index, vocabularies, number)
        for number in range(THROUGH_SERVICE, ATTEMPTS)
    }
    barrier = threading.Barrier(ATTEMPTS)
    failures = []

    def attempt(number):
        try:
            barrier.wait()
            if number in last_steps:
                last_steps[number]()
            else:
                propose_through_service(
                    library_index, collectivity, vocabularies, number
                )
        except Exception as error:  # noqa: BLE001 - every loss is the failure
            failures.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    projects = ProjectPage.objects.child_of(library_index).filter(title=TITLE)
    slugs = set(projects.values_list("slug", flat=True))
    assert len(slugs) == ATTEMPTS
    assert "prevision-des-fuites" in slugs
    assert ProjectProposal.objects.filter(page__in=projects).count() == ATTEMPTS
    assert all(problems == [] for problems in Page.find_problems())
    library_index.refresh_from_db()
    assert library_index.numchild == Page.objects.child_of(library_index).count()
