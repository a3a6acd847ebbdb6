"""Outages degrade, never lie: a broker that is down leaves the change saved and its
tasks in the outbox (`plpv_portal.core.uitgaand`); the beat task publishes them later,
each once."""

import os
import socket
import time
from contextlib import contextmanager

from django.urls import reverse
from django.utils import timezone

import pytest

from plpv_portal.core.models import UitgaandeTaak
from plpv_portal.core.pdf import PdfStatus
from plpv_portal.core.tasks import mail_versturen, uitgaande_taken_versturen
from plpv_portal.core.uitgaand import achterstallige_versturen, na_commit
from tests.factories.verklaringen import goedgekeurd_traject
from tests.formulieren import verzenden
from tests.trajecten.test_traject import gestart
from trajecten.constants import TrajectStatus
from trajecten.models import Traject
from verklaringen.models import Praktijkverklaring
from verklaringen.services import verklaring_uitreiken
from verklaringen.tasks import verklaring_pdfs_herstarten


def gesloten_poort() -> int:
    """A local port where nothing listens (bound, then closed again)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def broker_weg():
    """The app publishes to a closed port, as when Redis is down. Celery reads
    CELERY_BROKER_URL from the environment before its settings; the pools are reset
    so the next publish connects again."""
    from plpv_portal.celery import app

    oud = os.environ.get("CELERY_BROKER_URL")
    os.environ["CELERY_BROKER_URL"] = f"redis://127.0.0.1:{gesloten_poort()}/0"
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield
    finally:
        if oud is None:
            del os.environ["CELERY_BROKER_URL"]
        else:
            os.environ["CELERY_BROKER_URL"] = oud
        app.conf.task_always_eager = eager
        app._pool = None
        app.amqp._producer_pool = None


def uitreiken_via_pagina(app, traject, mbo):
    pagina = app.get(reverse("verklaringen:voortgang", args=[traject.pk]), user=mbo)
    return verzenden(
        pagina,
        actie=reverse("verklaringen:uitreiken", args=[traject.pk]),
        plaats="Deventer",
        uitgereikt_op=timezone.localdate().isoformat(),
        status=302,
    )


# Transactional: the commit hooks run as in production (not inside a test transaction).
@pytest.mark.django_db(transaction=True)
def test_broker_down_issuing_a_verklaring_is_saved_fast_and_says_so(app):
    traject, opleider, mbo = goedgekeurd_traject()
    assert opleider.email  # the traject's move notifies them by mail

    with broker_weg():
        begin = time.monotonic()
        response = uitreiken_via_pagina(app, traject, mbo)
        duur = time.monotonic() - begin

    assert duur < 10  # one attempt per task, no minute of retries
    v = Praktijkverklaring.objects.get()
    assert response["Location"] == v.get_absolute_url()
    # Saved, and the mail that failed first did not stop the PDF's hook.
    assert v.pdf_status == PdfStatus.NIET_GESTART
    assert Traject.objects.get(pk=traject.pk).status == "verklaring_uitgereikt"
    detail = response.follow()
    assert "De praktijkverklaring is uitgereikt" in detail.text
    assert "De PDF kon nu niet starten" in detail.text
    assert "De PDF kon niet starten. Het portaal probeert het later" in detail.text
    # Every task waits in the outbox: the PDF and a mail per notified person.
    rijen = list(UitgaandeTaak.objects.all())
    taken = sorted(r.taak for r in rijen)
    assert taken.count("verklaringen.tasks.verklaring_pdf_maken") == 1
    assert "plpv_portal.core.tasks.mail_versturen" in taken
    assert all(r.pogingen == 1 and r.laatste_fout for r in rijen)

    # The broker is back (eager here): the beat task publishes each row once.
    assert achterstallige_versturen(seconden=0) == len(rijen)
    assert not UitgaandeTaak.objects.exists()
    v.refresh_from_db()
    assert v.pdf_status == PdfStatus.KLAAR
    assert achterstallige_versturen(seconden=0) == 0


@pytest.mark.django_db(transaction=True)
def test_broker_down_a_status_change_is_saved_and_its_mails_wait(
    app, consulent, jobcoach
):
    traject = gestart(consulent, jobcoach=jobcoach)
    pagina = app.get(traject.get_absolute_url(), user=consulent)
    actie = reverse("trajecten:traject_status", args=[traject.pk])

    with broker_weg():
        response = verzenden(
            pagina,
            actie=actie,
            naar="uitgevallen",
            uitval_reden="gezondheid",
            status=302,
        )

    assert "De status is gewijzigd." in response.follow().text
    assert Traject.objects.get(pk=traject.pk).status == "uitgevallen"
    mails = UitgaandeTaak.objects.filter(taak=mail_versturen.name)
    assert [m.kwargs["aan"] for m in mails] == [[jobcoach.email]]


@pytest.mark.django_db(transaction=True)
def test_the_beat_task_leaves_fresh_rows_to_their_commit_hook(mailoutbox):
    rij = na_commit(
        mail_versturen, kwargs={"onderwerp": "o", "tekst": "t", "aan": ["a@b.nl"]}
    )  # outside a transaction: published at once
    assert not UitgaandeTaak.objects.filter(pk=rij.pk).exists()
    assert len(mailoutbox) == 1

    UitgaandeTaak.objects.create(
        taak=mail_versturen.name,
        kwargs={"onderwerp": "o", "tekst": "t", "aan": ["c@d.nl"]},
    )
    assert uitgaande_taken_versturen.run(seconden=60) == 0  # too young: its hook runs
    assert uitgaande_taken_versturen.run(seconden=0) == 1
    assert [m.to for m in mailoutbox] == [["a@b.nl"], ["c@d.nl"]]


@pytest.mark.django_db
def test_a_rolled_back_change_queues_nothing(mailoutbox):
    from django.db import transaction

    def mislukte_wijziging():
        with transaction.atomic():
            na_commit(
                mail_versturen, kwargs={"onderwerp": "o", "tekst": "t", "aan": []}
            )
            raise RuntimeError

    with pytest.raises(RuntimeError):
        mislukte_wijziging()
    assert not UitgaandeTaak.objects.exists()
    assert mailoutbox == []


# --- the real worker ---
def wacht_op(voorwaarde, timeout=60):
    eind = time.monotonic() + timeout
    while time.monotonic() < eind:
        if voorwaarde():
            return
        time.sleep(0.3)
    raise AssertionError("the worker did not finish in time")


def mails_aan(mail_dir, adres: str, tekst: str) -> int:
    """How many of the worker's mails went to `adres` and hold `tekst`."""
    return sum(
        1
        for f in mail_dir.iterdir()
        if f.is_file()
        and f"To: {adres}" in (inhoud := f.read_text(errors="replace"))
        and tekst in inhoud
    )


@pytest.mark.worker
def test_broker_down_then_back_the_worker_makes_the_pdf_and_mails_once(
    celery_worker,
):
    traject, opleider, mbo = goedgekeurd_traject()
    titel = f"nieuwe status: {TrajectStatus.VERKLARING_UITGEREIKT.label}"

    with broker_weg():
        v = verklaring_uitreiken(
            traject=traject, door=mbo, plaats="Zwolle", verificatie_basis="https://x.nl"
        )
    v.refresh_from_db()
    assert v.pdf_status == PdfStatus.NIET_GESTART
    assert UitgaandeTaak.objects.count() >= 2  # the PDF and the mails

    # The broker is back: the outbox beat task publishes, the real worker works.
    assert uitgaande_taken_versturen.run(seconden=0) >= 2
    wacht_op(
        lambda: Praktijkverklaring.objects.get(pk=v.pk).pdf_status == PdfStatus.KLAAR
    )
    wacht_op(lambda: mails_aan(celery_worker.mail_dir, opleider.email, titel) > 0)
    # Running the beat tasks again publishes nothing twice.
    assert uitgaande_taken_versturen.run(seconden=0) == 0
    assert verklaring_pdfs_herstarten.run(seconden=0) == 0
    time.sleep(1)
    assert mails_aan(celery_worker.mail_dir, opleider.email, titel) == 1
