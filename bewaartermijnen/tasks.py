"""The daily retention run (CELERY_BEAT_SCHEDULE `bewaartermijnen-toepassen`)."""

from celery import shared_task


@shared_task
def bewaartermijnen_toepassen() -> dict[str, int]:
    """Anonymise the candidates whose period ended and delete old audit entries,
    notifications and sessions; idempotent. Returns the counts."""
    from . import services

    return services.bewaartermijnen_toepassen()
