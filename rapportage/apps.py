from django.apps import AppConfig


def _uitkomst_sectie(*, traject, user) -> dict:
    from .uitkomsten.selectors import traject_sectie

    return traject_sectie(traject=traject, user=user)


class RapportageConfig(AppConfig):
    name = "rapportage"
    verbose_name = "Resultaten en rapportage"

    def ready(self):
        from auditlog.registry import auditlog

        from organisaties.audit import persoonsgegevens_registreren
        from trajecten.panelen import Paneel, traject_sectie_registreren

        from .models import Uitkomst, Vervolgmeting

        for model in (Uitkomst, Vervolgmeting):
            auditlog.register(model)
        persoonsgegevens_registreren(Uitkomst, Vervolgmeting)
        # The outcome and its follow-ups on the traject page.
        traject_sectie_registreren(
            Paneel(
                "rapportage/uitkomsten/partials/traject_sectie.html",
                _uitkomst_sectie,
                10,
            )
        )
        from .uitkomsten import herinneringen  # noqa: F401  (registers the rules)
