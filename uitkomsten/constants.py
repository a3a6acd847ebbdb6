"""Outcomes and follow-up measurements: their choices and fixed rules (the periods are a
setting)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from trajecten.constants import ACTIEVE_STATUSSEN, TrajectStatus


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


# A traject has ended (and gets an outcome) once it is no longer active: from the
# issued verklaring on, and when it dropped out.
EINDSTATUSSEN = [s for s in TrajectStatus if s not in ACTIEVE_STATUSSEN]

# Months after the outcome date at which follow-ups are planned when the setting
# VERVOLGMETING_MAANDEN is absent.
STANDAARD_VERVOLGMETING_MAANDEN = [6, 12]

# A follow-up may be filled in this many days before its planned date: the consulent
# often reaches the candidate a little early.
VERVOLGMETING_MARGE_DAGEN = 30

# Hours per week of a job: the outcome's check constraint allows at most 60.
MAX_UREN_PER_WEEK = 60

# The models' toelichting fields (TextField max_length is a form-only limit).
MAX_TOELICHTING = 1000
