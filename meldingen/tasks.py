"""The daily reminder run."""

from datetime import date

from django.utils import timezone

from celery import shared_task


@shared_task
def herinneringen_versturen(vandaag: str | None = None) -> dict[str, int]:
    """Run every active reminder rule for `vandaag` (ISO date; default today). Idempotent:
    a cause reaches a person once. Returns the new notifications per rule."""
    from .herinneringen import herinneringen_versturen as versturen

    datum = date.fromisoformat(vandaag) if vandaag else timezone.localdate()
    return versturen(vandaag=datum)


@shared_task
def dagelijks_overzicht_versturen() -> int:
    """Mail each person their unread notifications waiting for the daily digest
    (titles only), once. Idempotent. Returns how many e-mails were queued."""
    from .services import dagelijks_overzicht_versturen as versturen

    return versturen()
