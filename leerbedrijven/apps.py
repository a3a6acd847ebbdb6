from django.apps import AppConfig


class LeerbedrijvenConfig(AppConfig):
    name = "leerbedrijven"
    verbose_name = "Leerbedrijven"

    def ready(self):
        from auditlog.registry import auditlog

        from . import herinneringen  # noqa: F401  (registers the reminder rule)
        from .models import (
            Contactmoment,
            Contactpersoon,
            Erkenning,
            Leerbaan,
            Leerbedrijf,
            Vestiging,
        )

        # Every change is audited; LeerbedrijfStatuswijziging is itself a history.
        auditlog.register(Leerbedrijf, m2m_fields={"werkprocessen"})
        auditlog.register(Vestiging)
        auditlog.register(Contactpersoon)
        auditlog.register(Erkenning)
        auditlog.register(Leerbaan, m2m_fields={"werkprocessen"})
        auditlog.register(Contactmoment)
