from django.apps import AppConfig


def _uitkomst_sectie(*, traject, user) -> dict:
    from .selectors import traject_sectie

    return traject_sectie(traject=traject, user=user)


def _meldingen_registreren():
    # The outcome reminders are a kind of notification of their own.
    from django.utils.translation import gettext_lazy as _

    from meldingen.soorten import soort_registreren

    soort_registreren(
        "uitkomsten",
        _("Uitkomsten en nametingen"),
        oorzaken=["uitkomst_ontbreekt", "vervolgmeting_te_laat"],
        volgorde=40,
    )


class UitkomstenConfig(AppConfig):
    """Outcomes of trajecten and the follow-ups after them: case data, above
    verklaringen (a traject ends with its verklaring) and below the dashboards."""

    name = "uitkomsten"
    verbose_name = "Uitkomsten en nametingen"

    def ready(self):
        from auditlog.registry import auditlog

        from organisaties.audit import persoonsgegevens_registreren
        from trajecten.panelen import Paneel, traject_sectie_registreren

        from .models import Uitkomst, Vervolgmeting

        for model in (Uitkomst, Vervolgmeting):
            auditlog.register(model)
        persoonsgegevens_registreren(Uitkomst, Vervolgmeting)
        from . import persoonsgegevens  # noqa: F401  (the personal fields)

        # The outcome and its follow-ups on the traject page.
        traject_sectie_registreren(
            Paneel("uitkomsten/partials/traject_sectie.html", _uitkomst_sectie, 10)
        )
        # Registers the reminder rules and the next steps on the traject page.
        from . import herinneringen, volgende_stap  # noqa: F401

        _meldingen_registreren()
