from django.db import models
from django.utils.translation import gettext_lazy as _


class LeerbedrijfSoort(models.TextChoices):
    REGULIER = "regulier", _("Reguliere werkgever")
    ONTWIKKELBEDRIJF = "ontwikkelbedrijf", _("Ontwikkelbedrijf")
    SW_BEDRIJF = "sw_bedrijf", _("Sw-bedrijf")
    OVERHEID = "overheid", _("Overheidswerkgever")
    ANDERS = "anders", _("Anders")


# These kinds host most of a route and are registered as an ontwikkelbedrijf.
SOORTEN_ONTWIKKELBEDRIJF = frozenset(
    {LeerbedrijfSoort.ONTWIKKELBEDRIJF, LeerbedrijfSoort.SW_BEDRIJF}
)


class LeerbedrijfStatus(models.TextChoices):
    BENADERD = "benaderd", _("Benaderd")
    IN_GESPREK = "in_gesprek", _("In gesprek")
    AKKOORD = "akkoord", _("Akkoord")
    ACTIEF = "actief", _("Actief")
    GESTOPT = "gestopt", _("Gestopt")


# The only place that says which status may follow which. GESTOPT -> BENADERD is the
# explicit way to reopen an employer that stopped earlier.
TRANSITIONS: dict[str, set[str]] = {
    LeerbedrijfStatus.BENADERD: {
        LeerbedrijfStatus.IN_GESPREK,
        LeerbedrijfStatus.GESTOPT,
    },
    LeerbedrijfStatus.IN_GESPREK: {
        LeerbedrijfStatus.AKKOORD,
        LeerbedrijfStatus.GESTOPT,
    },
    LeerbedrijfStatus.AKKOORD: {LeerbedrijfStatus.ACTIEF, LeerbedrijfStatus.GESTOPT},
    LeerbedrijfStatus.ACTIEF: {LeerbedrijfStatus.GESTOPT},
    LeerbedrijfStatus.GESTOPT: {LeerbedrijfStatus.BENADERD},
}


class Baancreatie(models.TextChoices):
    GEEN = "geen", _("Geen")
    JOBCARVING = "jobcarving", _("Jobcarving")
    FUNCTIECREATIE = "functiecreatie", _("Functiecreatie")


class ErkenningStatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", _("Aangevraagd")
    ERKEND = "erkend", _("Erkend")
    VERLOPEN = "verlopen", _("Verlopen")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


class ContactmomentSoort(models.TextChoices):
    BEZOEK = "bezoek", _("Bezoek")
    TELEFOON = "telefoon", _("Telefoon")
    EMAIL = "email", _("E-mail")
    BIJEENKOMST = "bijeenkomst", _("Bijeenkomst")
