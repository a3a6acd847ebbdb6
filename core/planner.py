"""The embedded default's scheduler: the beat schedule run inside the web process.

`make run` has no broker, so no Celery beat and no worker: tasks run in-process. To
still send reminders, restart waiting PDFs and clear old sessions, `manage.py
run_embedded` starts `runserver` with a daemon thread that calls `Planner.tick`
every minute. The schedule is the one `celery beat` uses (CELERY_BEAT_SCHEDULE, read,
never copied) and "due" means what it means to beat (Celery's own schedule objects).
The first tick runs every entry once, so the demo shows reminders right after start;
every task in the schedule is idempotent, so a restart that runs them again is safe.

Only for the embedded default (settings `EMBEDDED_SCHEDULER`, on in settings.dev):
production runs `celery beat` next to a worker.
"""

import copy
import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import connections
from django.utils import timezone

logger = logging.getLogger(__name__)


def _celery_app():
    # The project's Celery app lives on the roof (plpv_portal/celery.py, the default
    # app of every thread): core reaches it through Celery, not by import.
    from celery import current_app

    return current_app._get_current_object()


def _is_due(planning, vorige: datetime, nu: datetime) -> bool:
    """Whether an entry with schedule `planning` (timedelta, crontab, ...) that last ran
    at `vorige` is due at `nu`, by Celery's own rules."""
    from celery.schedules import maybe_schedule

    schema = copy.copy(maybe_schedule(planning, app=_celery_app()))
    schema.nowfun = lambda: nu
    return bool(schema.is_due(vorige).is_due)


def taak_uitvoeren(entry: dict):
    """Run the task of one beat entry in this process and return its result."""
    app = _celery_app()
    app.loader.import_default_modules()  # the apps' tasks modules (autodiscovery)
    taak = app.tasks[entry["task"]]
    return taak.apply(
        args=entry.get("args", ()), kwargs=entry.get("kwargs", {}), throw=True
    ).get()


@dataclass
class Planner:
    """Runs the due entries of `schema` (default CELERY_BEAT_SCHEDULE) on each tick."""

    schema: dict = field(default_factory=lambda: settings.CELERY_BEAT_SCHEDULE)
    laatst: dict[str, datetime] = field(default_factory=dict)

    def due(self, nu: datetime) -> list[str]:
        """The names of the entries due at `nu`; one that never ran is due."""
        return [
            naam
            for naam, entry in self.schema.items()
            if naam not in self.laatst
            or _is_due(entry["schedule"], self.laatst[naam], nu)
        ]

    def tick(self, nu: datetime | None = None) -> list[str]:
        """Run every entry due at `nu` (default: now) and return their names. A task
        that fails is logged and tried again at its next turn; the others still run."""
        nu = nu or timezone.now()
        namen = self.due(nu)
        for naam in namen:
            self.laatst[naam] = nu
            try:
                uitkomst = taak_uitvoeren(self.schema[naam])
                logger.info("Planner: %s gedaan: %s", naam, uitkomst)
            except Exception:  # one failing job must not stop the scheduler
                logger.exception("Planner: %s mislukt", naam)
        return namen


def planner_starten(interval: float = 60.0) -> threading.Event:
    """Start the scheduler in a daemon thread that ticks every `interval` seconds, the
    first time right away. Returns an event that stops it when set."""
    if not getattr(settings, "EMBEDDED_SCHEDULER", False):
        raise RuntimeError("The embedded scheduler is only for the embedded default.")
    stop = threading.Event()
    planner = Planner()

    def lus():
        while not stop.is_set():
            try:
                planner.tick()
            except Exception:  # e.g. the database away for a moment
                logger.exception("Planner: tick mislukt")
            finally:
                connections.close_all()  # this thread's own; SQLite stays free
            stop.wait(interval)

    threading.Thread(target=lus, name="plpv-planner", daemon=True).start()
    return stop
