from django.apps import AppConfig


def _traject_sectie(*, traject, user) -> dict:
    from .selectors import traject_sectie

    return traject_sectie(traject=traject, user=user)


class DossierConfig(AppConfig):
    """The funding dossier of a traject: one ZIP with the signed agreements, the
    attendance register, the meeting reports, the observations, the praktijkverklaring
    and an audit extract, for subsidy and regional funding. It reads trajecten,
    voortgang and verklaringen, so it sits above them (below rapportage)."""

    name = "dossier"
    verbose_name = "Financieringsdossier"

    def ready(self):
        from auditlog.registry import auditlog

        from organisaties.audit import persoonsgegevens_registreren
        from trajecten.panelen import Paneel, traject_sectie_registreren

        from .models import Dossieraanvraag

        auditlog.register(Dossieraanvraag)
        persoonsgegevens_registreren(Dossieraanvraag)
        from . import persoonsgegevens  # noqa: F401  (the personal fields)

        traject_sectie_registreren(
            Paneel("dossier/partials/traject_sectie.html", _traject_sectie, 90)
        )
