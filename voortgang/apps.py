from django.apps import AppConfig
from django.apps import apps as django_apps
from django.db.models.signals import post_migrate


def _instellingen_na_migrate(sender, apps=None, using="default", **kwargs):
    # The one settings row, also after a test database flush.
    try:
        model = (apps or django_apps).get_model("voortgang", "VoortgangInstellingen")
    except LookupError:
        return
    model.objects.using(using).get_or_create(pk=1)


def _traject_sectie(*, traject, user) -> dict:
    from django.utils import timezone

    from .selectors import traject_sectie

    return traject_sectie(traject=traject, user=user, vandaag=timezone.localdate())


class VoortgangConfig(AppConfig):
    """The attendance register and progress meetings of a traject: proof for
    subsidy and regional funding. Beside verklaringen: it reads trajecten and lower."""

    name = "voortgang"
    verbose_name = "Aanwezigheid en voortgangsgesprekken"

    def ready(self):
        from auditlog.registry import auditlog

        from organisaties.audit import persoonsgegevens_registreren
        from trajecten.panelen import Paneel, traject_sectie_registreren

        from .models import (
            Aanwezigheid,
            AanwezigheidCorrectie,
            GesprekActie,
            GesprekOndertekening,
            Gespreksritme,
            VoortgangInstellingen,
            Voortgangsgesprek,
        )

        modellen = (
            Aanwezigheid,
            AanwezigheidCorrectie,
            Voortgangsgesprek,
            GesprekOndertekening,
            GesprekActie,
            Gespreksritme,
        )
        for model in (*modellen, VoortgangInstellingen):
            auditlog.register(model)
        persoonsgegevens_registreren(*modellen)
        from . import persoonsgegevens  # noqa: F401  (the personal fields)

        traject_sectie_registreren(
            Paneel("voortgang/partials/traject_sectie.html", _traject_sectie, 20)
        )
        from . import herinneringen  # noqa: F401

        post_migrate.connect(
            _instellingen_na_migrate, sender=self, dispatch_uid="voortgang_instellingen"
        )
