"""The Checklist inclusief advies (and, later, trajecten and placements).

Workflow: the consulent and the mbo-medewerker answer the checklist together. The
portal suggests an advice from the answers (`advies_voorstel`) and shows which answers
led to it; they decide and motivate, and `advies_vastleggen` stores a dated decision
record. A new assessment never overwrites the previous one: it becomes a new version.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from core.audit import bijwerken, bulk_aanmaken
from kandidaten.constants import Fase, GebeurtenisSoort
from kandidaten.models import Kandidaat
from kandidaten.services import gebeurtenis_vastleggen, kandidaat_fase_zetten
from trajecten.constants import (
    EFFECT_VOLGORDE,
    AdviesUitkomst,
    Antwoord,
    Effect,
    Onderwerp,
)
from trajecten.models import Advies, AdviesAntwoord, ChecklistVraag


@dataclass(frozen=True)
class GegevenAntwoord:
    vraag: ChecklistVraag
    antwoord: str
    toelichting: str = ""

    @property
    def als_tekst(self) -> str:
        return f"{self.vraag.tekst} {Antwoord(self.antwoord).label}."


@dataclass(frozen=True)
class Voorstel:
    uitkomst: str
    redenen: list[str]

    @property
    def uitkomst_label(self) -> str:
        return str(AdviesUitkomst(self.uitkomst).label)


def advies_voorstel(*, antwoorden: list[GegevenAntwoord]) -> Voorstel:
    """Suggest an advice from the answers and explain which answers led to it."""
    per_effect: dict[str, list[str]] = {}
    for gegeven in antwoorden:
        per_effect.setdefault(gegeven.vraag.effect(gegeven.antwoord), []).append(
            gegeven.als_tekst
        )
    uitkomst, redenen = AdviesUitkomst.PRAKTIJKVERKLARING, []
    for effect, mogelijke_uitkomst in EFFECT_VOLGORDE:
        if per_effect.get(effect):
            uitkomst, redenen = mogelijke_uitkomst, list(per_effect[effect])
            break
    if not redenen:
        redenen = [
            "Geen antwoord wijst op een andere route: leren in de praktijk met een "
            "praktijkverklaring past."
        ]
    redenen += [
        f"Let op, het leerbedrijf: {tekst}"
        for tekst in per_effect.get(Effect.LEERBEDRIJF_PAST_NIET, [])
    ]
    return Voorstel(uitkomst=uitkomst, redenen=redenen)


def checklist_vragen(*, met_leerbedrijf: bool) -> list[ChecklistVraag]:
    """The active questions; those about the leerbedrijf only when one is proposed."""
    vragen = ChecklistVraag.objects.filter(actief=True)
    if not met_leerbedrijf:
        vragen = vragen.filter(onderwerp=Onderwerp.KANDIDAAT)
    return list(vragen.order_by("onderwerp", "volgorde", "pk"))


@transaction.atomic
def advies_vastleggen(
    *,
    kandidaat: Kandidaat,
    door,
    mbo_medewerker,
    antwoorden: list[GegevenAntwoord],
    besluit: str,
    motivatie: str,
    kwalificatie=None,
    leerbedrijf=None,
) -> Advies:
    """Store a new version of the advice; the previous version stays, no longer actueel.

    Moves the candidate to 'advies gegeven' and writes the decision on the timeline.
    """
    kandidaat = Kandidaat.objects.select_for_update().get(pk=kandidaat.pk)
    verplicht = {
        v.pk for v in checklist_vragen(met_leerbedrijf=leerbedrijf is not None)
    }
    ontbreekt = verplicht - {a.vraag.pk for a in antwoorden}
    if ontbreekt:
        raise ValidationError(
            "Beantwoord alle vragen van de checklist.", code="onvolledig"
        )
    if not motivatie.strip():
        raise ValidationError({"motivatie": "Leg uit waarom jullie dit advies geven."})
    if mbo_medewerker.organisatie_id is None:
        raise ValidationError(
            {"mbo_medewerker": "Deze medewerker hoort niet bij een mbo-instelling."}
        )

    voorstel = advies_voorstel(antwoorden=antwoorden)
    vorige = kandidaat.adviezen.aggregate(m=Max("versie"))["m"] or 0
    bijwerken(kandidaat.adviezen.filter(actueel=True), actueel=False)
    advies = Advies.objects.create(
        kandidaat=kandidaat,
        versie=vorige + 1,
        kwalificatie=kwalificatie,
        leerbedrijf=leerbedrijf,
        mbo_medewerker=mbo_medewerker,
        mbo_instelling=mbo_medewerker.organisatie,
        voorgesteld=voorstel.uitkomst,
        redenen=voorstel.redenen,
        besluit=besluit,
        motivatie=motivatie.strip(),
        besloten_door=door,
    )
    bulk_aanmaken(
        AdviesAntwoord,
        [
            AdviesAntwoord(
                advies=advies,
                vraag=a.vraag,
                vraag_tekst=a.vraag.tekst,
                onderwerp=a.vraag.onderwerp,
                antwoord=a.antwoord,
                toelichting=a.toelichting,
            )
            for a in antwoorden
        ],
    )
    if kandidaat.fase in (Fase.AANGEMELD, Fase.ADVIES):
        kandidaat_fase_zetten(kandidaat=kandidaat, fase=Fase.ADVIES_GEGEVEN, door=door)
    gebeurtenis_vastleggen(
        kandidaat=kandidaat,
        soort=GebeurtenisSoort.ADVIES,
        titel=f"Advies (versie {advies.versie}): {advies.get_besluit_display()}",
        toelichting=advies.motivatie,
        door=door,
    )
    return advies
