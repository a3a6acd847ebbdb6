from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _gedragsvoorbeelden_na_migrate(sender, **kwargs):
    # Restores the standard gedragsvoorbeelden after a test database flush; only
    # when there are none at all, so edited or removed examples stay as they are.
    from kwalificaties.models import Werkproces

    from .begeleiding import standaard_gedragsvoorbeelden_laden
    from .models import Gedragsvoorbeeld

    if not Gedragsvoorbeeld.objects.exists():
        standaard_gedragsvoorbeelden_laden(Gedragsvoorbeeld, Werkproces)


def _verklaringen_paneel(*, kandidaat, user) -> dict:
    from .selectors import bewijs_list, mbo_verklaring_list, verklaring_list

    return {
        "verklaringen": list(
            verklaring_list(user=user).filter(traject__kandidaat=kandidaat)
        ),
        "mbo_verklaringen": list(
            mbo_verklaring_list(user=user).filter(traject__kandidaat=kandidaat)
        ),
        "bewijzen": list(bewijs_list(user=user).filter(traject__kandidaat=kandidaat)),
    }


def _meldingen_registreren():
    # A kind of notification of its own; the observation page is about a traject.
    from django.utils.translation import gettext_lazy as _

    from meldingen.onderwerpen import onderwerp_registreren
    from meldingen.soorten import soort_registreren

    soort_registreren(
        "beoordeling",
        _("Beoordeling, borging en praktijkverklaring"),
        oorzaken=["borging", "verklaring_ingetrokken"],
        volgorde=30,
    )
    onderwerp_registreren("traject", urls={"verklaringen:observatie": "pk"})


class VerklaringenConfig(AppConfig):
    name = "verklaringen"
    verbose_name = "Praktijkverklaringen"

    def ready(self):
        from auditlog.registry import auditlog

        from kwalificaties.signals import werkprocesgedrag_geimporteerd

        from .begeleiding import werkprocesgedrag_als_concept

        werkprocesgedrag_geimporteerd.connect(
            werkprocesgedrag_als_concept, dispatch_uid="verklaringen_gedrag_concept"
        )

        from organisaties.audit import persoonsgegevens_registreren

        from .models import (
            Bewijs,
            Borging,
            Eindbeoordeling,
            Gedragsvoorbeeld,
            MboVerklaring,
            Observatie,
            ObservatieScore,
            Ontwikkeldoel,
            Praktijkverklaring,
            Werkopdracht,
        )

        for model in (
            Gedragsvoorbeeld,
            Werkopdracht,
            Observatie,
            ObservatieScore,
            Ontwikkeldoel,
            Eindbeoordeling,
            Borging,
            Praktijkverklaring,
            Bewijs,
            MboVerklaring,
        ):
            auditlog.register(model)
        persoonsgegevens_registreren(
            Bewijs,
            MboVerklaring,
            Observatie,
            ObservatieScore,
            Ontwikkeldoel,
            Eindbeoordeling,
            Borging,
            Praktijkverklaring,
        )
        from kandidaten.panelen import Paneel, paneel_registreren

        from . import persoonsgegevens  # noqa: F401  (the personal fields)

        paneel_registreren(
            Paneel(
                "verklaringen/partials/verklaringen_paneel.html",
                _verklaringen_paneel,
                30,
            )
        )
        # Registers the reminder rules and the next steps on the traject page.
        from . import herinneringen, volgende_stap  # noqa: F401

        _meldingen_registreren()

        post_migrate.connect(
            _gedragsvoorbeelden_na_migrate,
            sender=self,
            dispatch_uid="verklaringen_gedragsvoorbeelden",
        )
