"""The PDF path on the real stack: a real worker renders it; a dead broker loses nothing."""

import os
import time
from contextlib import contextmanager

import pytest

from core.tasks import uitgaande_taken_versturen
from tests.pdf import pdftekst
from tests.trajecten.test_traject import gestart
from trajecten.constants import PdfStatus
from trajecten.models import OvereenkomstVersie
from trajecten.services import overeenkomsten_genereren
from trajecten.tasks import overeenkomst_pdfs_herstarten


def wacht_tot_klaar(traject, timeout=60):
    eind = time.monotonic() + timeout
    while time.monotonic() < eind:
        versies = list(OvereenkomstVersie.objects.filter(overeenkomst__traject=traject))
        if versies and all(v.pdf_status == PdfStatus.KLAAR for v in versies):
            return versies
        time.sleep(0.3)
    raise AssertionError("the worker did not make the PDFs in time")


@pytest.mark.worker
def test_a_real_worker_makes_the_agreement_pdfs(celery_worker, consulent):
    traject = gestart(consulent)
    overeenkomsten_genereren(traject=traject, door=consulent)  # queued on commit

    versies = wacht_tot_klaar(traject)
    assert len(versies) == 3
    assert all("Halima Haddou" in pdftekst(v) for v in versies)


@contextmanager
def broker_weg():
    """The app talks to a port where no broker listens, without retrying.

    Celery reads CELERY_BROKER_URL from the environment before its settings.
    """
    from plpv_portal.celery import app

    oud = os.environ["CELERY_BROKER_URL"]
    os.environ["CELERY_BROKER_URL"] = "redis://127.0.0.1:1/0"
    app.conf.update(task_publish_retry=False)
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield
    finally:
        os.environ["CELERY_BROKER_URL"] = oud
        app.conf.update(task_publish_retry=True)
        app._pool = None
        app.amqp._producer_pool = None


@pytest.mark.worker
def test_broker_down_loses_nothing_and_the_retry_succeeds(celery_worker, consulent):
    traject = gestart(consulent)
    with broker_weg():
        overeenkomsten_genereren(traject=traject, door=consulent)
    versies = OvereenkomstVersie.objects.filter(overeenkomst__traject=traject)
    assert {v.pdf_status for v in versies} == {PdfStatus.NIET_GESTART}

    # The broker is back: the outbox's beat task publishes what did not start, the
    # worker makes it; the PDF restart finds nothing left to do.
    assert uitgaande_taken_versturen.run(seconden=0) == 3
    assert len(wacht_tot_klaar(traject)) == 3
    assert overeenkomst_pdfs_herstarten.run(seconden=0) == 0
