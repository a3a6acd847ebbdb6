from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete, post_migrate, post_save


class TweestapsConfig(AppConfig):
    name = "tweestaps"
    verbose_name = "Tweestapsverificatie"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import TweedeStapRegel
        from .services import bij_inloggen, regels_aanvullen, regels_vergeten

        # Who changed which role's requirement, and when.
        auditlog.register(TweedeStapRegel)
        user_logged_in.connect(bij_inloggen, weak=False)
        post_save.connect(regels_vergeten, sender=TweedeStapRegel, weak=False)
        post_delete.connect(regels_vergeten, sender=TweedeStapRegel, weak=False)
        post_migrate.connect(
            lambda **kwargs: regels_aanvullen(), sender=self, weak=False
        )
