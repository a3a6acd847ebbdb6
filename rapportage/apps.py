from django.apps import AppConfig


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = "Resultaten en rapportage"

    def ready(self):
        from auditlog.registry import auditlog

        from organisaties.audit import persoonsgegevens_registreren

        from .models import Uitkomst, Vervolgmeting

        for model in (Uitkomst, Vervolgmeting):
            auditlog.register(model)
        persoonsgegevens_registreren(Uitkomst, Vervolgmeting)
