from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _advies_paneel(*, kandidaat, user) -> dict:
    from .selectors import actueel_advies

    return {"advies": actueel_advies(kandidaat=kandidaat)}


def _vragen_na_migrate(sender, **kwargs):
    # Restores the standard questions after a test database flush; never touches a
    # question set that holds data.
    from .checklist import standaardvragen_laden
    from .models import ChecklistVraag

    if not ChecklistVraag.objects.exists():
        standaardvragen_laden(ChecklistVraag)


class TrajectenConfig(AppConfig):
    name = "trajecten"
    verbose_name = "Trajecten"

    def ready(self):
        from auditlog.registry import auditlog

        from kandidaten.models import Kandidaat
        from kandidaten.panelen import Paneel, paneel_registreren
        from organisaties.audit import persoonsgegevens_registreren
        from organisaties.scoping import zichtbaarheid_uitbreiden

        from .models import Advies, ChecklistVraag

        auditlog.register(Advies)
        persoonsgegevens_registreren(Advies)
        auditlog.register(ChecklistVraag)
        # The mbo-instelling that gave the advice follows the candidate from then on.
        zichtbaarheid_uitbreiden(
            Kandidaat,
            organisaties=("adviezen__mbo_instelling",),
            personen=("adviezen__mbo_medewerker",),
        )
        post_migrate.connect(
            _vragen_na_migrate, sender=self, dispatch_uid="checklist_vragen"
        )
        paneel_registreren(
            Paneel("trajecten/partials/advies_paneel.html", _advies_paneel, 10)
        )
