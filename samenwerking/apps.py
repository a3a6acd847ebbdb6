from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SamenwerkingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "samenwerking"
    verbose_name = _("Samenwerking in de regio")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Antwoordoptie, Scan, ScanAntwoord, Thema, Vraag

        # Who filled, shared or unshared which version of a region's scan, and who
        # changed the questions the next scan asks.
        auditlog.register(Scan)
        auditlog.register(ScanAntwoord)
        auditlog.register(Thema)
        auditlog.register(Vraag)
        auditlog.register(Antwoordoptie)
