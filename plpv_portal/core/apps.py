from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _herinneringen_na_migrate(sender, **kwargs):
    # Restores the reminder settings after a test database flush, and adds the row of
    # a rule registered since the last migrate; never changes an existing row.
    from .herinneringen import herinneringen_laden
    from .models import Herinnering

    herinneringen_laden(Herinnering)


class CoreConfig(AppConfig):
    name = "plpv_portal.core"
    label = "core"
    verbose_name = "Kern"

    def ready(self):
        from auditlog.registry import auditlog

        from .invoer import keuzevelden_begrenzen
        from .models import Herinnering

        # An id beyond the database's range gets "Selecteer een geldige keuze" in
        # every form and filter, never a 500 (why here: plpv_portal/core/invoer.py).
        keuzevelden_begrenzen()
        auditlog.register(Herinnering)
        post_migrate.connect(
            _herinneringen_na_migrate, sender=self, dispatch_uid="core_herinneringen"
        )
