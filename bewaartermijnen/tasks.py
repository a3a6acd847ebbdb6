"""The daily retention run (CELERY_BEAT_SCHEDULE `bewaartermijnen-toepassen`)."""

from celery import shared_task


# The first run on an installation with years of history may anonymise thousands of
# candidates (one transaction each): longer than the default task time limits.
@shared_task(soft_time_limit=3 * 3600, time_limit=3 * 3600 + 300)
def bewaartermijnen_toepassen() -> dict[str, int]:
    """Anonymise the candidates whose period ended and delete old audit entries,
    notifications and sessions; idempotent. Returns the counts."""
    from . import services

    return services.bewaartermijnen_toepassen()
