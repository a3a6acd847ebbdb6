from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    """The branch of work, national reference data like the catalog itself: a
    leerbedrijf works in one, a kennisbank item may be about one. Kept here, on the
    floor below both, so that a leerbedrijf's sector is a kennisbank sector as it is."""

    HORECA = "horeca", _("Horeca")
    GROEN = "groen", _("Groen")
    TECHNIEK = "techniek", _("Techniek")
    ZORG_EN_WELZIJN = "zorg_en_welzijn", _("Zorg en welzijn")
    LOGISTIEK = "logistiek", _("Logistiek")
    DETAILHANDEL = "detailhandel", _("Detailhandel")
    BOUW = "bouw", _("Bouw")
    SCHOONMAAK = "schoonmaak", _("Schoonmaak")
    PRODUCTIE = "productie", _("Productie")
    FACILITAIR = "facilitair", _("Facilitair")
    AGRARISCH = "agrarisch", _("Agrarisch")
    OVERIG = "overig", _("Overig")
