from django.db import models
from django.utils.translation import gettext_lazy as _


class Bron(models.TextChoices):
    """Where the candidate comes from (who referred them)."""

    GEMEENTE = "gemeente", _("Gemeente")
    UWV = "uwv", _("UWV")
    SW_BEDRIJF = "sw_bedrijf", _("Sw-bedrijf / ontwikkelbedrijf")
    WERKGEVER = "werkgever", _("Werkgever (kwetsbare werkende)")
    ONDERWIJS = "onderwijs", _("Onderwijs")
    ZELFMELDER = "zelfmelder", _("Meldde zich zelf")
    ANDERS = "anders", _("Anders")


class Uitkering(models.TextChoices):
    WW = "ww", _("WW")
    WIA = "wia", _("WIA")
    WAJONG = "wajong", _("Wajong")
    ZW = "zw", _("Ziektewet")
    PARTICIPATIEWET = "participatiewet", _("Participatiewet (bijstand)")
    IOAW = "ioaw", _("IOAW")
    IOAZ = "ioaz", _("IOAZ")
    ANW = "anw", _("Anw")
    NUG = "nug", _("Niet-uitkeringsgerechtigd")
    WERKEND = "werkend", _("Werkend (kwetsbare werkende)")
    GEEN = "geen", _("Geen")


class Opleiding(models.TextChoices):
    GEEN = "geen", _("Geen of alleen basisonderwijs")
    PRO_VSO = "pro_vso", _("Praktijkonderwijs of voortgezet speciaal onderwijs")
    VMBO = "vmbo", _("Vmbo")
    MBO1 = "mbo1", _("Mbo niveau 1 (Entree)")
    MBO2_PLUS = "mbo2_plus", _("Mbo niveau 2 of hoger")
    HAVO_VWO = "havo_vwo", _("Havo of vwo")
    HBO_WO = "hbo_wo", _("Hbo of wo")
    BUITENLAND = "buitenland", _("Opleiding in het buitenland")


class Startkwalificatie(models.TextChoices):
    GEEN = "geen", _("Geen startkwalificatie")
    VEROUDERD = "verouderd", _("Verouderde startkwalificatie")
    JA = "ja", _("Heeft een startkwalificatie")


class WerkfitFase(models.TextChoices):
    """Werkfit route (seed 002 annex B), from furthest to closest to work."""

    FIT_VOOR_WERK = "fit_voor_werk", _("Fit voor werk")
    BASISVAARDIGHEDEN = "basis", _("Basisvaardigheden werknemer")
    SPECIFIEK = "specifiek", _("Specifieke vaardigheden")
    PRAKTISCH = "praktisch", _("Praktische vaardigheden")


class Fase(models.TextChoices):
    """Where the candidate is in the PLPV process; later steps are set by trajecten."""

    AANGEMELD = "aangemeld", _("Aangemeld")
    ADVIES = "advies", _("Advies gevraagd")
    ADVIES_GEGEVEN = "advies_gegeven", _("Advies gegeven")
    GEPLAATST = "geplaatst", _("Geplaatst")
    LOPEND = "lopend", _("Traject loopt")
    AFGEROND = "afgerond", _("Afgerond")
    UITGEVALLEN = "uitgevallen", _("Uitgevallen")


ACTIEVE_FASEN = [
    Fase.AANGEMELD,
    Fase.ADVIES,
    Fase.ADVIES_GEGEVEN,
    Fase.GEPLAATST,
    Fase.LOPEND,
]


class ContactSoort(models.TextChoices):
    GESPREK = "gesprek", _("Gesprek")
    TELEFOON = "telefoon", _("Telefoon")
    EMAIL = "email", _("E-mail")
    BEZOEK = "bezoek", _("Bezoek")


class GebeurtenisSoort(models.TextChoices):
    """Kinds of entries in the candidate's timeline; higher apps add their own kinds."""

    INTAKE = "intake", _("Intake")
    GEWIJZIGD = "gewijzigd", _("Gegevens gewijzigd")
    CONTACT = "contact", _("Contactmoment")
    FASE = "fase", _("Fase gewijzigd")
    ADVIES = "advies", _("Advies")
    TRAJECT = "traject", _("Traject")


GEEN_CONTACT_SIGNAAL_DAGEN = 30
