from django.apps import AppConfig
from django.apps import apps as django_apps
from django.db.models.signals import post_migrate


def _rollen_na_migrate(sender, **kwargs):
    # post_migrate is sent once per app with models; act once, after the last one,
    # when every app's permissions exist. It also runs after a test database flush,
    # which empties the tables the data migrations filled.
    laatste = [a for a in django_apps.get_app_configs() if a.models_module][-1]
    if sender.label != laatste.label:
        return
    from .models import Arbeidsmarktregio
    from .regios import regios_laden
    from .rollen import rollen_synchroniseren

    regios_laden(Arbeidsmarktregio)
    rollen_synchroniseren()


class OrganisatiesConfig(AppConfig):
    name = "organisaties"
    verbose_name = "Organisaties en medewerkers"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Medewerker, Netwerkcontact, Organisatie

        auditlog.register(Organisatie, m2m_fields={"regios"})
        auditlog.register(Netwerkcontact)
        auditlog.register(
            Medewerker,
            exclude_fields=["password", "last_login"],
            m2m_fields={"groups"},
        )
        post_migrate.connect(_rollen_na_migrate, dispatch_uid="organisaties_rollen")
