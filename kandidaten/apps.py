from django.apps import AppConfig


class KandidatenConfig(AppConfig):
    name = "kandidaten"
    verbose_name = "Kandidaten"

    def ready(self):
        from auditlog.registry import auditlog

        from organisaties.audit import persoonsgegevens_registreren

        from . import (
            checks,  # noqa: F401  (registers the system check)
            consulent_keuzes,  # noqa: F401  (forgets the cached choices on change)
            herinneringen,  # noqa: F401  (registers the reminder rule)
        )
        from .models import Contactmoment, Kandidaat

        auditlog.register(Kandidaat, exclude_fields=["bsn_versleuteld"])
        auditlog.register(Contactmoment)
        persoonsgegevens_registreren(Kandidaat, Contactmoment)
        from . import persoonsgegevens  # noqa: F401  (the personal fields)
