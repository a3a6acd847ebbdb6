"""The praktijkverklaring PDF on the real stack: a real Celery worker renders it."""

import time

import pytest

from core.pdf import PdfStatus
from tests.factories.verklaringen import goedgekeurd_traject
from tests.pdf import pdftekst
from verklaringen.models import Praktijkverklaring
from verklaringen.services import verklaring_uitreiken


@pytest.mark.worker
def test_a_real_worker_makes_the_verklaring_pdf(celery_worker):
    traject, _opleider, mbo = goedgekeurd_traject(beheerst=[True, True, False])
    v = verklaring_uitreiken(
        traject=traject, door=mbo, plaats="Zwolle", verificatie_basis="https://x.nl"
    )  # committed: the task goes through Redis to the worker

    eind = time.monotonic() + 60
    while time.monotonic() < eind:
        v = Praktijkverklaring.objects.get(pk=v.pk)
        if v.pdf_status == PdfStatus.KLAAR:
            break
        time.sleep(0.3)
    assert v.pdf_status == PdfStatus.KLAAR
    tekst = pdftekst(v)
    codes = [w.code for w in traject.werkprocessen.order_by("code")]
    assert codes[0] in tekst
    assert codes[1] in tekst
    assert codes[2] not in tekst
