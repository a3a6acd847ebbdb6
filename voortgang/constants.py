from django.db import models
from django.utils.translation import gettext_lazy as _

# A week of more hours is not a work week of a candidate on a praktijkleren route.
MAX_UREN_PER_WEEK = 60
# The default rhythm of progress meetings until the beheerder sets another one.
STANDAARD_GESPREK_WEKEN = 6


class AfwezigheidReden(models.TextChoices):
    ZIEK = "ziek", _("Ziek")
    VAKANTIE = "vakantie", _("Vakantie")
    VERLOF = "verlof", _("Verlof")
    ONGEOORLOOFD = "ongeoorloofd", _("Ongeoorloofd afwezig")
    ANDERS = "anders", _("Anders")


class GesprekPartij(models.TextChoices):
    """The three parties that sign a progress meeting."""

    KANDIDAAT = "kandidaat", _("Kandidaat")
    PRAKTIJKOPLEIDER = "praktijkopleider", _("Praktijkopleider")
    CONSULENT = "consulent", _("Consulent")
