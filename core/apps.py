from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _vaste_paginas_na_migrate(sender, **kwargs):
    # The public statements always exist, also after a test database flush; a text the
    # beheerder changed is never overwritten.
    from .openbaar import vaste_paginas_laden

    vaste_paginas_laden()


class CoreConfig(AppConfig):
    """The ground floor: base models and helpers every app may use. Imports no app."""

    name = "core"
    label = "core"
    verbose_name = "Kern"

    def ready(self):
        from auditlog.registry import auditlog

        from .invoer import keuzevelden_begrenzen
        from .models import VastePagina

        # An id beyond the database's range gets "Selecteer een geldige keuze" in
        # every form and filter, never a 500 (why here: core/invoer.py).
        keuzevelden_begrenzen()
        auditlog.register(VastePagina)
        post_migrate.connect(
            _vaste_paginas_na_migrate, sender=self, dispatch_uid="core_vaste_paginas"
        )
