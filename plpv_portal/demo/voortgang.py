"""Demo attendance and progress meetings for one running placement.

The first lopend traject whose praktijkopleider has a login (the demo "opleider")
gets its past weeks confirmed (one of them with sick hours, one corrected afterwards
with a reason), the current and last week still open (the opleider's home page and
the "Uren bevestigen" page show them), and one progress meeting three weeks ago:
signed by the consulent and, on paper, by the candidate; the praktijkopleider still
has to sign. The traject meets every four weeks, so the next meeting is planned in a
week; of the meeting's two actions one prepares that next meeting.
Safe to run twice: each part is added only when it is missing.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from trajecten.models import Plaatsing
from voortgang.constants import OP_DE_WERKVLOER, AfwezigheidReden
from voortgang.models import AanwezigheidCorrectie, Gespreksritme
from voortgang.selectors import volgend_gesprek
from voortgang.services import (
    aanwezigheid_bevestigen,
    aanwezigheid_corrigeren,
    gesprek_ondertekenen,
    gesprek_op_papier_getekend,
    gesprek_vastleggen,
    gespreksritme_instellen,
)
from voortgang.weken import maandag, weken_van

# The demo traject meets every four weeks (the beheerder's default is six).
RITME_WEKEN = 4
CORRECTIE_REDEN = "Verkeerd ingevuld: op maandag was hij vier uur bij de huisarts."


def demo_plaatsing(vandaag=None) -> Plaatsing | None:
    """The running placement the demo attendance and meetings belong to."""
    vandaag = vandaag or timezone.localdate()
    return (
        Plaatsing.objects.filter(
            traject__status__in=OP_DE_WERKVLOER,
            praktijkopleider__account__isnull=False,
            startdatum__lte=vandaag - timedelta(weeks=4),
        )
        .select_related("traject__consulent", "praktijkopleider__account")
        .order_by("pk")
        .first()
    )


def _weken(plaatsing, opleider, vandaag) -> None:
    if plaatsing.aanwezigheden.exists():
        return
    gepland = Decimal(plaatsing.traject.uren_per_week)
    # Leave the current and the last week open.
    weken = weken_van(
        plaatsing, vandaag=vandaag, tot=maandag(vandaag) - timedelta(weeks=2)
    )
    for i, week in enumerate(weken[-6:]):
        ziek = i == 2
        aanwezigheid_bevestigen(
            plaatsing=plaatsing,
            week=week,
            gewerkt_uren=gepland - 8 if ziek else gepland,
            afwezigheid_reden=AfwezigheidReden.ZIEK if ziek else "",
            toelichting="Griep, twee dagen thuis." if ziek else "",
            door=opleider,
            vandaag=vandaag,
        )


def _correctie(plaatsing, opleider) -> None:
    """The opleider corrects one confirmed week (the fifth of six) afterwards."""
    if AanwezigheidCorrectie.objects.filter(aanwezigheid__plaatsing=plaatsing).exists():
        return
    weken = list(plaatsing.aanwezigheden.order_by("week"))
    if len(weken) < 5:
        return
    week = weken[4]
    aanwezigheid_corrigeren(
        aanwezigheid=week,
        gewerkt_uren=week.gepland_uren - 4,
        afwezigheid_reden=AfwezigheidReden.ANDERS,
        toelichting="Bezoek aan de huisarts.",
        reden=CORRECTIE_REDEN,
        door=opleider,
        versie=week.versie,
    )


def _gesprek(traject, opleider, vandaag) -> None:
    if traject.voortgangsgesprekken.exists():
        return
    consulent = traject.consulent
    datum = max(vandaag - timedelta(weeks=3), traject.startdatum)
    volgende = volgend_gesprek(traject, laatste=datum, weken=RITME_WEKEN)
    gesprek = gesprek_vastleggen(
        traject=traject,
        door=consulent,
        datum=datum,
        goed_ging="Komt op tijd, werkt netjes en vraagt hulp als iets niet lukt.",
        afspraken=(
            "Oefenen met de kassa; volgend gesprek over de planning van de week, "
            f"rond {volgende:%d-%m-%Y}."
        ),
        acties=[
            {
                "omschrijving": "Rooster voor de komende maand afstemmen",
                "eigenaar": consulent,
                "uiterlijk_op": vandaag + timedelta(days=3),
            },
            {
                "omschrijving": "Weekplanning meenemen naar het volgende gesprek",
                "eigenaar": opleider,
                "uiterlijk_op": volgende,
            },
        ],
        vandaag=vandaag,
    )
    gesprek_ondertekenen(gesprek=gesprek, door=consulent)
    gesprek_op_papier_getekend(gesprek=gesprek, door=consulent, getekend_op=datum)


def demo_voortgang() -> None:
    vandaag = timezone.localdate()
    plaatsing = demo_plaatsing(vandaag)
    if plaatsing is None:
        return
    traject, opleider = plaatsing.traject, plaatsing.praktijkopleider.account
    _weken(plaatsing, opleider, vandaag)
    _correctie(plaatsing, opleider)
    # Every four weeks, so the next meeting is planned a week from now.
    if not Gespreksritme.objects.filter(traject=traject).exists():
        gespreksritme_instellen(
            traject=traject, weken=RITME_WEKEN, door=traject.consulent
        )
    _gesprek(traject, opleider, vandaag)
