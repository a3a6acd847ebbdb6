from django.apps import AppConfig


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
        traject_sectie_registreren(
            Paneel("voortgang/partials/traject_sectie.html", _traject_sectie, 20)
        )
        from . import herinneringen  # noqa: F401
