from django.db import models
from django.utils.translation import gettext_lazy as _

from core.pdf import PdfStatus  # noqa: F401 (re-exported)


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


class TrajectStatus(models.TextChoices):
    """The traject's workflow; the steps before (aanmelding, advies) are the candidate's phases."""

    PLAATSING_VOORBEREID = "plaatsing_voorbereid", _("Plaatsing voorbereid")
    OVEREENKOMSTEN_GETEKEND = "overeenkomsten_getekend", _("Overeenkomsten getekend")
    LOPEND = "lopend", _("Lopend")
    BEOORDEELD = "beoordeeld", _("Beoordeeld")
    VERKLARING_UITGEREIKT = "verklaring_uitgereikt", _("Verklaring uitgereikt")
    NAZORG = "nazorg", _("Nazorg")
    AFGESLOTEN = "afgesloten", _("Afgesloten")
    UITGEVALLEN = "uitgevallen", _("Uitgevallen")


ACTIEVE_STATUSSEN = {
    TrajectStatus.PLAATSING_VOORBEREID,
    TrajectStatus.OVEREENKOMSTEN_GETEKEND,
    TrajectStatus.LOPEND,
    TrajectStatus.BEOORDEELD,
}

# The only allowed moves. Dropping out is possible from every active state; a closed
# or dropped-out traject stays closed (a new traject starts a new route).
TRANSITIONS: dict[str, set[str]] = {
    TrajectStatus.PLAATSING_VOORBEREID: {
        TrajectStatus.OVEREENKOMSTEN_GETEKEND,
        TrajectStatus.UITGEVALLEN,
    },
    TrajectStatus.OVEREENKOMSTEN_GETEKEND: {
        TrajectStatus.LOPEND,
        TrajectStatus.PLAATSING_VOORBEREID,
        TrajectStatus.UITGEVALLEN,
    },
    TrajectStatus.LOPEND: {TrajectStatus.BEOORDEELD, TrajectStatus.UITGEVALLEN},
    TrajectStatus.BEOORDEELD: {
        TrajectStatus.VERKLARING_UITGEREIKT,
        TrajectStatus.LOPEND,
        TrajectStatus.UITGEVALLEN,
    },
    TrajectStatus.VERKLARING_UITGEREIKT: {
        TrajectStatus.NAZORG,
        TrajectStatus.AFGESLOTEN,
    },
    TrajectStatus.NAZORG: {TrajectStatus.AFGESLOTEN},
    TrajectStatus.AFGESLOTEN: set(),
    TrajectStatus.UITGEVALLEN: set(),
}


# Moves that belong to the assessment: submitting it, the mbo returning it and issuing
# the verklaring. They go through verklaringen's services, never the status form.
BEOORDELING_STAPPEN: set[tuple[str, str]] = {
    (TrajectStatus.LOPEND, TrajectStatus.BEOORDEELD),
    (TrajectStatus.BEOORDEELD, TrajectStatus.LOPEND),
    (TrajectStatus.BEOORDEELD, TrajectStatus.VERKLARING_UITGEREIKT),
}


class UitvalReden(models.TextChoices):
    GEZONDHEID = "gezondheid", _("Gezondheid")
    MOTIVATIE = "motivatie", _("Motivatie of gedrag")
    WERK_GEVONDEN = "werk_gevonden", _("Ander werk gevonden")
    PRIVE = "prive", _("Privé-omstandigheden")
    LEERBEDRIJF = "leerbedrijf", _("Leerbedrijf stopt of past niet")
    NIVEAU = "niveau", _("Te moeilijk of te makkelijk")
    FINANCIERING = "financiering", _("Financiering stopt")
    ANDERS = "anders", _("Anders")


class Plaatsingstype(models.TextChoices):
    SPRINGPLANK = "springplank", _("Springplanklocatie")
    DUURZAAM = "duurzaam", _("Duurzame plaatsing")


class Routefase(models.TextChoices):
    """The integral route (seed 002): one traject, separable for funding."""

    WERKFIT = "werkfit", _("Werkfit")
    PRAKTIJKLEREN = "praktijkleren", _("Praktijkleren")
    AFRONDING = "afronding", _("Afronding")


class Regeling(models.TextChoices):
    PERSPECTIEF_OP_WERK = "pow", _("Perspectief op Werk")
    CRISISREGELING = "crisis", _("Crisisregeling (regionaal mobiliteitsteam)")
    SUBSIDIE_DERDE_LEERWEG = (
        "subsidie_derde_leerweg",
        _("Subsidie praktijkleren derde leerweg"),
    )
    GEMEENTE = "gemeente", _("Gemeentelijk budget")
    UWV = "uwv", _("UWV")
    WERKGEVER = "werkgever", _("Werkgever")
    ANDERS = "anders", _("Anders")


# Maximum traject duration per scheme in months (None: no maximum). The crisis
# regulation allowed at most 9 months (seeds 000, 002); the subsidy counts 40 weeks.
REGELING_MAX_MAANDEN: dict[str, int | None] = {
    Regeling.CRISISREGELING: 9,
    Regeling.SUBSIDIE_DERDE_LEERWEG: 9,
}


class OvereenkomstSoort(models.TextChoices):
    PLAATSING = "plaatsing", _("Plaatsingsovereenkomst")
    PRAKTIJK = "praktijk", _("Praktijkovereenkomst")
    OPLEIDING = "opleiding", _("Opleidingsovereenkomst")


class Partij(models.TextChoices):
    KANDIDAAT = "kandidaat", _("Kandidaat")
    LEERBEDRIJF = "leerbedrijf", _("Leerbedrijf")
    MBO = "mbo", _("Mbo-instelling")
    VERWIJZER = "verwijzer", _("Gemeente of UWV")


# Who must sign which agreement.
PARTIJEN: dict[str, list[str]] = {
    OvereenkomstSoort.PLAATSING: [
        Partij.KANDIDAAT,
        Partij.LEERBEDRIJF,
        Partij.VERWIJZER,
    ],
    OvereenkomstSoort.PRAKTIJK: [Partij.KANDIDAAT, Partij.LEERBEDRIJF, Partij.MBO],
    OvereenkomstSoort.OPLEIDING: [Partij.KANDIDAAT, Partij.MBO],
}


class Ondertekenwijze(models.TextChoices):
    PORTAAL = "portaal", _("Akkoord gegeven in het portaal")
    PAPIER = "papier", _("Op papier getekend (PDF geüpload)")


class CorrectieVeld(models.TextChoices):
    """What a correction of a running traject can change (trajecten.services.correctie)."""

    STARTDATUM = "startdatum", _("Startdatum")
    GEPLANDE_EINDDATUM = "geplande_einddatum", _("Geplande einddatum")
    UREN_PER_WEEK = "uren_per_week", _("Uren per week")
    WERKPROCESSEN = "werkprocessen", _("Werkprocessen")
    PLAATSING_STARTDATUM = "plaatsing_startdatum", _("Startdatum plaatsing")
    PLAATSING_EINDDATUM = "plaatsing_einddatum", _("Einddatum plaatsing")
    FINANCIERING_REGELING = "financiering_regeling", _("Regeling")
    FINANCIERING_BETALER = "financiering_betaler", _("Wie betaalt")
    FINANCIERING_BEDRAG_MBO = "financiering_bedrag_mbo", _("Bedrag mbo-kosten")
    FINANCIERING_BEDRAG_WERKGEVER = (
        "financiering_bedrag_werkgever",
        _("Vergoeding werkgever"),
    )
