from django.db import models
from django.utils.translation import gettext_lazy as _


class UitkomstSoort(models.TextChoices):
    """Where the candidate goes at the end of a traject."""

    WERK_LEERBEDRIJF = "werk_leerbedrijf", _("Werk bij het leerbedrijf")
    WERK_ELDERS = "werk_elders", _("Werk bij een andere werkgever")
    MBO_CERTIFICAAT = "mbo_certificaat", _("Verder leren: mbo-certificaat")
    MBO_DIPLOMA = "mbo_diploma", _("Verder leren: mbo-diploma")
    BBL = "bbl", _("Verder leren: bbl (werken en leren)")
    VOLGENDE_VERKLARING = "volgende_verklaring", _("Nog een praktijkverklaring")
    GEEN_VERVOLG = "geen_vervolg", _("Geen vervolg")
    UITGEVALLEN = "uitgevallen", _("Uitgevallen")


# Lists, not sets: the check constraints need a stable order for their migrations.
WERK_UITKOMSTEN = [UitkomstSoort.WERK_LEERBEDRIJF, UitkomstSoort.WERK_ELDERS]
OPLEIDING_UITKOMSTEN = [
    UitkomstSoort.MBO_CERTIFICAAT,
    UitkomstSoort.MBO_DIPLOMA,
    UitkomstSoort.BBL,
]


class Contractsoort(models.TextChoices):
    VAST = "vast", _("Vast contract")
    TIJDELIJK = "tijdelijk", _("Tijdelijk contract")
    UITZEND = "uitzend", _("Uitzendwerk")
    OPROEP = "oproep", _("Oproepcontract")
    BESCHUT = "beschut", _("Beschut werk")


class Situatie(models.TextChoices):
    """The candidate's situation at a follow-up measurement."""

    WERK = "werk", _("Heeft betaald werk")
    WERK_EN_OPLEIDING = "werk_en_opleiding", _("Werkt en leert (bijvoorbeeld bbl)")
    OPLEIDING = "opleiding", _("Volgt een opleiding")
    ZOEKT_WERK = "zoekt_werk", _("Zoekt werk")
    GEEN_WERK = "geen_werk", _("Geen werk en zoekt niet")
    ONBEKEND = "onbekend", _("Niet bereikt")


WERK_SITUATIES = [Situatie.WERK, Situatie.WERK_EN_OPLEIDING]
