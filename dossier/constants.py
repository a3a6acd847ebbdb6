from django.db import models
from django.utils.translation import gettext_lazy as _


class DossierStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", _("In de wachtrij")
    BEZIG = "bezig", _("Wordt gemaakt")
    KLAAR = "klaar", _("Klaar")
    FOUT = "fout", _("Mislukt")


# Which status may follow which: the one place (services.status_zetten) checks it.
OVERGANGEN = {
    DossierStatus.WACHTRIJ: {DossierStatus.BEZIG, DossierStatus.FOUT},
    # `bezig` again: a worker that died halfway is replaced by the next run.
    DossierStatus.BEZIG: {DossierStatus.BEZIG, DossierStatus.KLAAR, DossierStatus.FOUT},
    DossierStatus.KLAAR: set(),
    DossierStatus.FOUT: set(),
}
