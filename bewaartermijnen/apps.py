from django.apps import AppConfig
from django.apps import apps as django_apps
from django.db.models.signals import post_migrate


def _instellingen_na_migrate(sender, apps=None, using="default", **kwargs):
    # The one row of retention periods (defaults), also after a test database flush.
    from .models import ENIGE_RIJ

    try:
        model = (apps or django_apps).get_model("bewaartermijnen", "Bewaartermijnen")
    except LookupError:
        return
    model.objects.using(using).get_or_create(pk=ENIGE_RIJ)


def _paneel(*, kandidaat, user) -> dict:
    # The page already took the candidate from the user's scope: no query here.
    from .regels import RECHT

    return {
        "geanonimiseerd_op": kandidaat.geanonimiseerd_op,
        "mag_anonimiseren": kandidaat.geanonimiseerd_op is None
        and user.has_perm(RECHT),
    }


class BewaartermijnenConfig(AppConfig):
    """Retention periods and anonymisation: reads and writes the models of every
    case app (kandidaten up to uitkomsten), so it stands on a floor above them and
    below the dashboards."""

    name = "bewaartermijnen"
    verbose_name = "Bewaartermijnen"

    def ready(self):
        from auditlog.registry import auditlog

        from kandidaten.panelen import Paneel, paneel_registreren
        from organisaties.audit import persoonsvelden_registreren

        from .models import Anonimisering, Bewaartermijnen

        auditlog.register(Bewaartermijnen)
        auditlog.register(Anonimisering)
        # The reason is the record of the request (AVG art. 5(2)); the form asks not
        # to put a name in it.
        persoonsvelden_registreren(
            Anonimisering, kandidaat="kandidaat", bewaard=["reden"]
        )
        paneel_registreren(Paneel("bewaartermijnen/partials/paneel.html", _paneel, 90))
        post_migrate.connect(
            _instellingen_na_migrate, sender=self, dispatch_uid="bewaartermijnen"
        )
