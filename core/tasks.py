"""Tasks of the portal's plumbing (mail, session cleanup, the outbox)."""

import time

from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.mail import send_mail
from django.utils import timezone

from celery import shared_task

# Cache key: when a worker last ran a scheduled task (seconds since the epoch).
WORKER_GEZIEN = "plpv:worker:gezien"


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def mail_versturen(*, onderwerp: str, tekst: str, aan: list[str]) -> int:
    """Send one plain-text e-mail; returns the number sent. Retries when the server is away."""
    return send_mail(onderwerp, tekst, None, aan)


@shared_task
def sessies_opruimen() -> int:
    """Delete expired sessions (idempotent); returns how many were removed. Old
    spreadsheet-import previews (parsed rows of personal data) and one-time form
    tokens older than a day go with them."""
    from .inzending import inzendingen_opruimen
    from .spreadsheet import imports_opruimen

    verwijderd, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    imports_opruimen()
    inzendingen_opruimen()
    return verwijderd


@shared_task(ignore_result=True)
def uitgaande_taken_versturen(seconden: int = 20) -> int:
    """Publish the outbox rows that were not published when their change committed
    (broker away); idempotent: each row is published once. Returns how many."""
    from .uitgaand import achterstallige_versturen

    # Every 30 seconds on a worker: also the sign of life /health/ reports.
    cache.set(WORKER_GEZIEN, time.time(), timeout=None)
    return achterstallige_versturen(seconden=seconden)
