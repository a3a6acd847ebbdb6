from django.db import models
from django.utils.translation import gettext_lazy as _

from trajecten.constants import TrajectStatus

# Traject statuses in which the candidate works at the leerbedrijf: attendance is
# kept and meetings are due (judged but not yet issued still counts).
OP_DE_WERKVLOER = frozenset({TrajectStatus.LOPEND, TrajectStatus.BEOORDEELD})
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
