from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TweestapsConfig(AppConfig):
    name = "tweestaps"
    verbose_name = "Tweestapsverificatie"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import TweedeStapRegel
        from .services import regels_aanvullen

        # Who changed which role's requirement, and when.
        auditlog.register(TweedeStapRegel)
        post_migrate.connect(
            lambda **kwargs: regels_aanvullen(), sender=self, weak=False
        )
