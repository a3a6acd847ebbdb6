"""Demo attendance and a progress meeting for one running placement.

The first lopend traject whose praktijkopleider has a login (the demo "opleider")
gets its past weeks confirmed (one of them with sick hours), the current and last
week still open (the opleider's home page and the "Uren bevestigen" page show them),
and one progress meeting three weeks ago: signed by the consulent and, on paper, by
the candidate; the praktijkopleider still has to sign; one action for the consulent.
Safe to run twice: a placement with attendance is left alone.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from trajecten.models import Plaatsing
from voortgang.constants import OP_DE_WERKVLOER, AfwezigheidReden
from voortgang.services import (
    aanwezigheid_bevestigen,
    gesprek_ondertekenen,
    gesprek_op_papier_getekend,
    gesprek_vastleggen,
)
from voortgang.weken import maandag, weken_van


def demo_voortgang() -> None:
    vandaag = timezone.localdate()
    plaatsing = (
        Plaatsing.objects.filter(
            traject__status__in=OP_DE_WERKVLOER,
            praktijkopleider__account__isnull=False,
            startdatum__lte=vandaag - timedelta(weeks=4),
        )
        .select_related("traject__consulent", "praktijkopleider__account")
        .order_by("pk")
        .first()
    )
    if plaatsing is None or plaatsing.aanwezigheden.exists():
        return
    traject, opleider = plaatsing.traject, plaatsing.praktijkopleider.account
    gepland = Decimal(traject.uren_per_week)
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
    consulent = traject.consulent
    datum = max(vandaag - timedelta(weeks=3), traject.startdatum)
    gesprek = gesprek_vastleggen(
        traject=traject,
        door=consulent,
        datum=datum,
        goed_ging="Komt op tijd, werkt netjes en vraagt hulp als iets niet lukt.",
        afspraken="Oefenen met de kassa; volgend gesprek over de planning van de week.",
        acties=[
            {
                "omschrijving": "Rooster voor de komende maand afstemmen",
                "eigenaar": consulent,
                "uiterlijk_op": vandaag + timedelta(days=3),
            }
        ],
        vandaag=vandaag,
    )
    gesprek_ondertekenen(gesprek=gesprek, door=consulent)
    gesprek_op_papier_getekend(gesprek=gesprek, door=consulent, getekend_op=datum)
