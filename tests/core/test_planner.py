"""The embedded default's scheduler (`make run`): the beat schedule run in-process."""

import datetime
import threading
from io import StringIO
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from core import planner as planner_module
from core.planner import Planner, planner_starten
from meldingen.models import Melding

AMS = ZoneInfo("Europe/Amsterdam")
T0 = datetime.datetime(2026, 3, 2, 6, 0, tzinfo=AMS)  # a Monday, 06:00


@pytest.fixture
def uitgevoerd(monkeypatch):
    """Record the tasks the planner runs instead of running them."""
    taken: list[str] = []
    monkeypatch.setattr(
        planner_module, "taak_uitvoeren", lambda entry: taken.append(entry["task"])
    )
    return taken


def test_the_first_tick_runs_every_beat_entry_then_each_on_its_schedule(uitgevoerd):
    planner = Planner()

    # The schedule is the beat schedule itself, not a copy.
    assert planner.schema is settings.CELERY_BEAT_SCHEDULE
    assert planner.tick(T0) == list(settings.CELERY_BEAT_SCHEDULE)
    assert sorted(uitgevoerd) == sorted(
        e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()
    )

    uitgevoerd.clear()
    assert planner.tick(T0 + datetime.timedelta(seconds=10)) == []
    assert uitgevoerd == []
    # Every 20 seconds: the PDF restarts; every 30 seconds: the outbox.
    assert planner.tick(T0 + datetime.timedelta(seconds=21)) == [
        "overeenkomst-pdfs-herstarten",
        "verklaring-pdfs-herstarten",
        "mbo-verklaring-pdfs-herstarten",
    ]
    assert planner.tick(T0 + datetime.timedelta(seconds=31)) == [
        "uitgaande-taken-versturen"
    ]
    # Daily at 07:00: the reminders (and the PDFs again, 60 minutes later).
    zeven_uur = datetime.datetime(2026, 3, 2, 7, 0, 30, tzinfo=AMS)
    assert "herinneringen-versturen" in planner.tick(zeven_uur)
    # Every 6 hours: the sessions; the reminders not again until the next morning.
    middag = planner.tick(datetime.datetime(2026, 3, 2, 12, 0, 1, tzinfo=AMS))
    assert "sessies-opruimen" in middag
    assert "herinneringen-versturen" not in middag
    assert "herinneringen-versturen" in planner.due(
        datetime.datetime(2026, 3, 3, 7, 0, 1, tzinfo=AMS)
    )
    assert uitgevoerd.count("meldingen.tasks.herinneringen_versturen") == 1


def test_a_failing_job_is_logged_and_the_others_still_run(monkeypatch, caplog):
    gedaan = []

    def uitvoeren(entry):
        if entry["task"].endswith("sessies_opruimen"):
            raise RuntimeError("kapot")
        gedaan.append(entry["task"])

    monkeypatch.setattr(planner_module, "taak_uitvoeren", uitvoeren)
    planner = Planner()

    assert len(planner.tick(T0)) == len(settings.CELERY_BEAT_SCHEDULE)
    assert len(gedaan) == len(settings.CELERY_BEAT_SCHEDULE) - 1
    assert "sessies-opruimen mislukt" in caplog.text
    # Tried again at its next turn, not on every tick.
    assert "sessies-opruimen" not in planner.due(T0 + datetime.timedelta(minutes=1))


@pytest.mark.django_db
def test_after_seed_demo_one_pass_gives_the_demo_consulenten_reminders():
    call_command("seed_demo", "--zonder-trajecten", stdout=StringIO())
    assert not Melding.objects.exists()

    Planner().tick()  # the real tasks, in this process

    herinneringen = Melding.objects.filter(
        ontvanger__username__in=["jessica", "hans"],
        oorzaak__startswith="volgende_actie:",
    )
    assert herinneringen.exists()
    assert "actie" in herinneringen.first().titel
    # Idempotent: the next morning's pass (and a restart) adds nothing twice.
    aantal = Melding.objects.count()
    Planner().tick()
    assert Melding.objects.count() == aantal


def test_the_thread_ticks_right_away_and_stops(settings, monkeypatch):
    settings.EMBEDDED_SCHEDULER = True
    alles_gedaan = threading.Event()
    taken = []

    def uitvoeren(entry):
        taken.append(entry["task"])
        if len(taken) == len(settings.CELERY_BEAT_SCHEDULE):
            alles_gedaan.set()

    monkeypatch.setattr(planner_module, "taak_uitvoeren", uitvoeren)
    stop = planner_starten(interval=3600)
    try:
        assert alles_gedaan.wait(timeout=30)
    finally:
        stop.set()


def test_only_the_embedded_default_starts_the_scheduler(settings):
    settings.EMBEDDED_SCHEDULER = False
    with pytest.raises(RuntimeError):
        planner_starten()
    with pytest.raises(CommandError, match="refused"):
        call_command("run_embedded", "--noreload")

    settings.EMBEDDED_SCHEDULER = True
    settings.CELERY_BROKER_URL = "redis://localhost:6379/0"
    with pytest.raises(CommandError, match="broker"):
        call_command("run_embedded", "--noreload")
