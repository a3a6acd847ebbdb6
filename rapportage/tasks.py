"""Keeping the dashboards' fact tables current (rapportage.feiten)."""

from celery import shared_task


@shared_task(acks_late=True, soft_time_limit=600, time_limit=660)
def feiten_bijwerken(kandidaat_ids: list[int]) -> int:
    """Recompute the facts of these candidates. Idempotent: it writes what the live
    tables say at that moment. Returns how many of them still exist."""
    from .feiten import bijwerken

    return bijwerken(kandidaat_ids)


@shared_task(acks_late=True, soft_time_limit=3000, time_limit=3300)
def feiten_herbouwen() -> int:
    """Recompute every candidate's facts (repairs drift from bulk writes or lost
    tasks). Idempotent. Returns the number of candidates."""
    from .feiten import herbouwen

    return herbouwen()
