"""A collectivity holds one live signature at most, whatever the timing."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction

from manifesto import services
from manifesto.models import Signature

from .conftest import make_signature

ATTEMPTS = 6


def new_signature(collectivity, number):
    return Signature(
        collectivity=collectivity,
        signer_name=f"Signataire {number}",
        signer_mandate="Maire",
        email=f"signataire{number}@mairie.example",
    )


@pytest.mark.django_db
@pytest.mark.parametrize("status", Signature.LIVE_STATUSES)
def test_database_refuses_a_second_live_signature(labege, status):
    make_signature(labege, status=status)

    with pytest.raises(IntegrityError), transaction.atomic():
        Signature.objects.create(
            collectivity=labege,
            signer_name="Autre",
            signer_mandate="Adjoint",
            email="autre@mairie.example",
            status=Signature.Status.AWAITING_CONFIRMATION,
        )


@pytest.mark.django_db
def test_dead_signatures_do_not_count(labege):
    make_signature(labege, status=Signature.Status.REJECTED)
    make_signature(labege, status=Signature.Status.WITHDRAWN)

    make_signature(labege, status=Signature.Status.APPROVED)

    assert Signature.objects.live().filter(collectivity=labege).count() == 1


@pytest.mark.django_db
def test_signing_twice_answers_already_signed(labege):
    services.sign(new_signature(labege, 1))

    with pytest.raises(services.AlreadySigned) as raised:
        services.sign(new_signature(labege, 2))

    assert raised.value.status == Signature.Status.AWAITING_CONFIRMATION


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_signatures_leave_exactly_one_live(labege):
    """Several requests sign for one collectivity at the same instant."""
    barrier = threading.Barrier(ATTEMPTS)
    outcomes = []

    def attempt(number):
        try:
            barrier.wait()
            services.sign(new_signature(labege, number))
            outcomes.append("signed")
        except services.AlreadySigned:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["refused"] * (ATTEMPTS - 1) + ["signed"]
    assert Signature.objects.live().filter(collectivity=labege).count() == 1
