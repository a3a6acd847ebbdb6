from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _herinneringen_na_migrate(sender, **kwargs):
    # Restores the reminder settings after a test database flush, and adds the row of
    # a rule registered since the last migrate; never changes an existing row.
    from .herinneringen import herinneringen_laden
    from .models import Herinnering

    herinneringen_laden(Herinnering)


class MeldingenConfig(AppConfig):
    """Notifications and reminder rules: on the ground floor beside core, so every app
    can notify people and register its rules. Imports no app but core."""

    name = "meldingen"
    verbose_name = "Meldingen en herinneringen"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Herinnering

        auditlog.register(Herinnering)
        post_migrate.connect(
            _herinneringen_na_migrate,
            sender=self,
            dispatch_uid="meldingen_herinneringen",
        )
