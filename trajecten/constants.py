from django.db import models
from django.utils.translation import gettext_lazy as _


class AdviesUitkomst(models.TextChoices):
    """The outcome of the Checklist inclusief advies."""

    PRAKTIJKVERKLARING = "praktijkverklaring", _("Praktijkverklaring")
    MBO_CERTIFICAAT = "mbo_certificaat", _("Mbo-certificaat")
    MBO_DIPLOMA = "mbo_diploma", _("Mbo-diploma (bbl)")
    WERKFIT_EERST = "werkfit_eerst", _("Eerst een werkfit-traject")
    ANDER_INSTRUMENT = "ander_instrument", _("Een ander instrument")
    NIET_GESCHIKT = "niet_geschikt", _("Nu niet geschikt")


class Onderwerp(models.TextChoices):
    KANDIDAAT = "kandidaat", _("Over de kandidaat")
    LEERBEDRIJF = "leerbedrijf", _("Over het leerbedrijf")


class Antwoord(models.TextChoices):
    JA = "ja", _("Ja")
    DEELS = "deels", _("Deels")
    NEE = "nee", _("Nee")


class Effect(models.TextChoices):
    """What an answer means for the suggested advice (set per question and answer)."""

    GEEN = "geen", _("Geen invloed")
    NIET_GESCHIKT = "niet_geschikt", _("Wijst op: nu niet geschikt")
    WERKFIT_EERST = "werkfit_eerst", _("Wijst op: eerst werkfit")
    ANDER_INSTRUMENT = "ander_instrument", _("Wijst op: ander instrument")
    DIPLOMA_HAALBAAR = "diploma_haalbaar", _("Wijst op: mbo-diploma haalbaar")
    CERTIFICAAT_HAALBAAR = (
        "certificaat_haalbaar",
        _("Wijst op: mbo-certificaat haalbaar"),
    )
    LEERBEDRIJF_PAST_NIET = (
        "leerbedrijf_past_niet",
        _("Wijst op: dit leerbedrijf past niet"),
    )


# The first effect in this order that any answer has decides the suggestion; without
# one, the suggestion is a praktijkverklaring.
EFFECT_VOLGORDE: list[tuple[str, str]] = [
    (Effect.NIET_GESCHIKT, AdviesUitkomst.NIET_GESCHIKT),
    (Effect.WERKFIT_EERST, AdviesUitkomst.WERKFIT_EERST),
    (Effect.ANDER_INSTRUMENT, AdviesUitkomst.ANDER_INSTRUMENT),
    (Effect.DIPLOMA_HAALBAAR, AdviesUitkomst.MBO_DIPLOMA),
    (Effect.CERTIFICAAT_HAALBAAR, AdviesUitkomst.MBO_CERTIFICAAT),
]
