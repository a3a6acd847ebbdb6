"""Celery tasks of the funding dossier: they load by id and call one service."""

from celery import shared_task

from .services import dossier_maken as maken
from .services import dossiers_opruimen as opruimen


@shared_task(
    acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3
)
def dossier_maken(aanvraag_id: int) -> str:
    """Make one request's ZIP (idempotent); returns the status."""
    aanvraag = maken(aanvraag_id=aanvraag_id)
    return aanvraag.status if aanvraag else "weg"


@shared_task
def dossiers_opruimen() -> int:
    """Remove the funding dossiers older than a week (idempotent); returns how many."""
    return opruimen()
