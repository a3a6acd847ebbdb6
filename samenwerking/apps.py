from django.apps import AppConfig
from django.apps import apps as django_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _vragen_na_migrate(sender, apps=None, **kwargs):
    # Restores the standard checklist after a test database flush (the data
    # migration loads it once); never touches a checklist that holds questions.
    from .checklist import standaardvragen_laden

    modellen = apps or django_apps
    try:
        thema, vraag, optie = (
            modellen.get_model("samenwerking", naam)
            for naam in ("Thema", "Vraag", "Antwoordoptie")
        )
    except LookupError:
        return  # migrated back before the tables exist
    if not thema.objects.exists():
        standaardvragen_laden(thema, vraag, optie)


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
        post_migrate.connect(
            _vragen_na_migrate, sender=self, dispatch_uid="samenwerking_vragen"
        )
