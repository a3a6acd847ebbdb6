from django.apps import AppConfig


class KandidatenConfig(AppConfig):
    name = "kandidaten"
    verbose_name = "Kandidaten"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Contactmoment, Kandidaat

        auditlog.register(Kandidaat)
        auditlog.register(Contactmoment)
