"""The facts follow a change through the real stack: outbox, Redis, Celery worker."""

import time

import pytest

from rapportage import feiten, signalen
from rapportage.models import KandidaatFeit, TrajectFeit
from tests.factories.trajecten import TrajectFactory
from trajecten.constants import TrajectStatus, UitvalReden
from trajecten.services import traject_status_wijzigen


def wacht_op(voorwaarde, timeout=60):
    eind = time.monotonic() + timeout
    while time.monotonic() < eind:
        if voorwaarde():
            return
        time.sleep(0.3)
    raise AssertionError("the worker did not update the facts in time")


@pytest.mark.worker
def test_a_status_change_updates_the_facts_through_the_real_worker(
    celery_worker, consulent, monkeypatch
):
    traject = TrajectFactory(kandidaat__consulent=consulent, lopend=True)
    feit = TrajectFeit.objects.get(pk=traject.pk)  # filled directly (conftest)
    assert (feit.status, feit.gestart) == (TrajectStatus.LOPEND, True)

    # From here the real queueing: a task on commit, run by the worker process.
    monkeypatch.setattr(signalen, "inplannen", feiten.inplannen)
    traject_status_wijzigen(
        traject=traject,
        naar=TrajectStatus.UITGEVALLEN,
        door=consulent,
        uitval_reden=UitvalReden.GEZONDHEID,
    )

    def bijgewerkt():
        return TrajectFeit.objects.filter(
            pk=traject.pk,
            status=TrajectStatus.UITGEVALLEN,
            uitval_reden=UitvalReden.GEZONDHEID,
        ).exists()

    wacht_op(bijgewerkt)
    feit = TrajectFeit.objects.get(pk=traject.pk)
    # The factory set 'lopend' without a history row, so by the definition this
    # dropped-out traject never ran.
    assert not feit.gestart
    assert KandidaatFeit.objects.filter(pk=traject.kandidaat_id).exists()
