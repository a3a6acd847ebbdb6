"""The one way to queue a Celery task from a change: through the outbox.

`na_commit(taak, ...)` writes an `UitgaandeTaak` row in the caller's transaction and
publishes it when that transaction commits. So a task is never queued for a change
that rolled back, and never lost for a change that committed:

- each row is published on its own; a failing publish is logged, counted on the row
  and never stops the other commit hooks or turns the saved change into an error page;
- publishing tries the broker once (one reconnect), with a short connection timeout,
  and does not wait for a result backend; after an unreachable broker the process
  leaves the next rows to the outbox for a few seconds (a page answers within one
  connection timeout when Redis is down);
- a published row is deleted under its row lock (`select_for_update(skip_locked)`),
  so the commit hook and the beat task `uitgaande_taken_versturen` never publish the
  same row twice. Only a database failure between the broker's ack and our commit can
  publish a row again; the PDF tasks are idempotent, a mail would go twice.
"""

import logging
import time
from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import timedelta
from importlib import import_module

from django.db import transaction
from django.utils import timezone

from .models import UitgaandeTaak

logger = logging.getLogger(__name__)

# Publishing from a web request: one attempt, no retries with back-off. The connection
# timeout itself is CELERY_BROKER_TRANSPORT_OPTIONS["socket_connect_timeout"].
PUBLICEER_OPTIES = {
    "retry": True,
    "retry_policy": {
        "max_retries": 1,
        "interval_start": 0,
        "interval_step": 0,
        "interval_max": 0,
    },
    # Nobody reads these results; asking the Redis result backend to watch for one
    # would be a second (retrying) connection on every publish.
    "ignore_result": True,
}


def na_commit(
    taak,
    *,
    args: Iterable = (),
    kwargs: dict | None = None,
    bij_mislukken: Callable[[], None] | None = None,
) -> UitgaandeTaak:
    """Queue `taak(*args, **kwargs)` when the current transaction commits (at once
    outside a transaction). `taak` is a task or its dotted name: a service may name
    its app's task instead of importing the tasks module that imports the service.
    `bij_mislukken` runs in-process after the commit when the broker did not take the
    task (to show 'kon niet starten'); the row stays and the beat task publishes it
    later."""
    return alle_na_commit(
        taak, [(list(args), kwargs or {})], bij_mislukken=bij_mislukken
    )[0]


def alle_na_commit(
    taak,
    aanroepen: list[tuple[list, dict]],
    *,
    bij_mislukken: Callable[[], None] | None = None,
) -> list[UitgaandeTaak]:
    """`na_commit` for several calls of one task: one insert, one commit hook."""
    if not aanroepen:
        return []
    naam = taak if isinstance(taak, str) else taak.name
    rijen = UitgaandeTaak.objects.bulk_create(
        [UitgaandeTaak(taak=naam, args=a, kwargs=kw) for a, kw in aanroepen]
    )
    pks = [r.pk for r in rijen]

    def publiceren():
        mislukt = False
        for pk in pks:
            mislukt |= versturen(pk) is False
        if mislukt and bij_mislukken is not None:
            try:
                bij_mislukken()
            except Exception:  # the change is saved; the page must say so  # noqa: BLE001
                logger.exception("Marking an unpublished task failed")

    transaction.on_commit(publiceren, robust=True)
    return rijen


def versturen(pk: int) -> bool | None:
    """Publish outbox row `pk` and delete it. True: published; False: not published
    (the row stays, its error noted); None: another process has it or has already
    published it."""
    return _versturen(pk)[0]


# After an unreachable broker, this process does not try it again for a few seconds:
# the other rows of the same click go to the outbox at once, so a broker that is down
# costs a request one connection timeout, not one per task. Per broker address.
PAUZE_NA_ONBEREIKBAAR = 10.0
_onbereikbaar_tot: dict[str, float] = {}


def _versturen(pk: int) -> tuple[bool | None, bool]:
    """`versturen`, and whether a failure was the broker being unreachable."""
    # `app`: the project's Celery app, which lives on the roof (plpv_portal/celery.py,
    # the default app of every thread): core reaches it through Celery, not by import.
    from celery import current_app as app
    from kombu.exceptions import OperationalError

    broker = str(app.conf.broker_url)
    if time.monotonic() < _onbereikbaar_tot.get(broker, 0.0):
        return False, True
    try:
        with transaction.atomic():
            rij = (
                UitgaandeTaak.objects.select_for_update(skip_locked=True)
                .filter(pk=pk)
                .first()
            )
            if rij is None:
                return None, False
            try:
                taak = _taak(app, rij.taak)
                taak.apply_async(rij.args, rij.kwargs, **PUBLICEER_OPTIES)
            except Exception as exc:  # kombu raises transport-specific errors  # noqa: BLE001
                logger.warning(
                    "Task %s (outbox %s) not published", rij.taak, pk, exc_info=True
                )
                rij.pogingen += 1
                rij.laatste_fout = f"{type(exc).__name__}: {exc}"[:2000]
                rij.save(update_fields=["pogingen", "laatste_fout"])
                onbereikbaar = isinstance(exc, OperationalError | OSError)
                if onbereikbaar:
                    _onbereikbaar_tot[broker] = time.monotonic() + PAUZE_NA_ONBEREIKBAAR
                return False, onbereikbaar
            rij.delete()
            return True, False
    except Exception:  # the database itself is away: the row (if any) stays  # noqa: BLE001
        logger.exception("Outbox row %s could not be handled", pk)
        return False, True


def _taak(app, naam: str):
    """The registered task `naam`. A task that was named, not imported, may not be
    registered yet in this process: its module (the dotted name's parent) is imported
    then, as the worker's autodiscovery does."""
    if naam not in app.tasks:
        with suppress(ImportError):  # then the registry says NotRegistered
            import_module(naam.rpartition(".")[0])
    return app.tasks[naam]


def achterstallige_versturen(*, seconden: int = 20, max_aantal: int = 500) -> int:
    """Publish the outbox rows older than `seconden` (their commit hook failed or never
    ran), oldest first; stops when the broker (or the database) is unreachable, skips
    a row that fails for another reason (an unknown task; in eager mode the task's own
    error), so one bad row never blocks the rest. Returns how many were published."""
    grens = timezone.now() - timedelta(seconds=seconden)
    pks = list(
        UitgaandeTaak.objects.filter(aangemaakt_op__lt=grens)
        .order_by("pk")
        .values_list("pk", flat=True)[:max_aantal]
    )
    verstuurd = 0
    for pk in pks:
        uitkomst, onbereikbaar = _versturen(pk)
        if onbereikbaar:
            break
        verstuurd += bool(uitkomst)
    return verstuurd
