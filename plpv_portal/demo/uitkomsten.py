"""Demo outcomes and follow-ups for the ended demo trajecten.

Trajecten with a verklaring end on the day seed_demo runs (the verklaring is issued
then): per consulent they get in turn an outcome of today, no outcome yet (on the
home page) and another outcome of today. Follow-ups that are due need an older end,
so the dropped-out trajecten (no verklaring to keep in step) are first moved back in
time, dates and history, all fictional: Jessica's ended 215 days ago and its 6-month
follow-up is late (her home page lists it); Hans's ended 300 days ago with the
6-month follow-up filled in. Safe to run twice: a traject with an outcome is left
alone, and moving back aims at a date.
"""

from datetime import date, timedelta

from django.db.models import F
from django.utils import timezone

from kandidaten.constants import GebeurtenisSoort
from kandidaten.models import Kandidaat
from plpv_portal.demo.trajecten import papieren_kopie_opslaan
from trajecten.constants import TrajectStatus
from trajecten.models import Advies, Ondertekening, Traject
from uitkomsten.constants import EINDSTATUSSEN, Contractsoort, Situatie, UitkomstSoort
from uitkomsten.models import Uitkomst
from uitkomsten.selectors import traject_einde
from uitkomsten.services import (
    uitkomst_vastleggen,
    vervolgmeting_vastleggen,
)

# Per consulent, the trajecten with a verklaring in turn: the outcome (None: none yet).
MET_VERKLARING = [
    UitkomstSoort.WERK_LEERBEDRIJF,
    None,
    UitkomstSoort.BBL,
    UitkomstSoort.VOLGENDE_VERKLARING,
]
# Per consulent, dropped-out trajecten in turn: (days ago it ended, 6 months filled in).
UITGEVALLEN = {"jessica": [(215, False), (300, True)], "hans": [(300, True)]}


def _terugzetten(traject: Traject, einde: date) -> Traject:
    """Move the traject's dates and history back so that it ended on `einde`."""
    huidig = traject_einde(traject)
    if huidig is None or huidig <= einde:
        return traject
    terug = huidig - einde
    traject.startdatum -= terug
    traject.geplande_einddatum -= terug
    traject.einddatum -= terug
    traject.save(update_fields=["startdatum", "geplande_einddatum", "einddatum"])
    for plaatsing in traject.plaatsingen.all():
        plaatsing.startdatum -= terug
        plaatsing.einddatum -= terug
        plaatsing.save(update_fields=["startdatum", "einddatum"])
    for wijziging in traject.statuswijzigingen.all():
        wijziging.op -= terug
        wijziging.save(update_fields=["op"])
    for ondertekening in Ondertekening.objects.filter(
        versie__overeenkomst__traject=traject
    ).select_related("versie__overeenkomst__traject__kandidaat"):
        ondertekening.datum -= terug
        papieren_kopie_opslaan(ondertekening)  # the copy shows the new date
    if traject.advies_id:
        Advies.objects.filter(pk=traject.advies_id).update(
            created_at=F("created_at") - terug, updated_at=F("updated_at") - terug
        )
        traject.kandidaat.gebeurtenissen.filter(soort=GebeurtenisSoort.ADVIES).update(
            op=F("op") - terug
        )
        Kandidaat.objects.filter(pk=traject.kandidaat_id).update(
            toestemming_op=F("toestemming_op") - terug
        )
    return traject


def _uitgevallen(traject: Traject, dagen_geleden: int, gemeten: bool) -> None:
    vandaag = timezone.localdate()
    traject = _terugzetten(traject, vandaag - timedelta(days=dagen_geleden))
    uitkomst_vastleggen(
        traject=traject,
        door=traject.consulent,
        soort=UitkomstSoort.UITGEVALLEN,
        uitval_reden=traject.uitval_reden,
        datum=traject.einddatum,
        toelichting="Gestopt om gezondheidsredenen; contact blijft.",
    )
    if gemeten:
        meting = traject.vervolgmetingen.order_by("maanden").first()
        vervolgmeting_vastleggen(
            vervolgmeting=meting,
            door=traject.consulent,
            situatie=Situatie.WERK,
            gemeten_op=min(meting.gepland_op + timedelta(days=3), vandaag),
            contractsoort=Contractsoort.BESCHUT,
            uren_per_week=16,
            toelichting="Telefonisch gesproken: werkt nu in een beschutte plek.",
        )


def _met_verklaring(traject: Traject, soort: str | None) -> None:
    if soort is None:
        return
    werk = {}
    if soort == UitkomstSoort.WERK_LEERBEDRIJF:
        werk = {"contractsoort": Contractsoort.TIJDELIJK, "uren_per_week": 28}
    uitkomst_vastleggen(
        traject=traject,
        door=traject.consulent,
        soort=soort,
        datum=traject_einde(traject) or timezone.localdate(),
        toelichting="Afgesproken in het eindgesprek.",
        **werk,
    )


def demo_uitkomsten(medewerkers: dict) -> None:
    """Give the ended demo trajecten their outcomes and follow-ups (see above)."""
    for username in ("jessica", "hans"):
        consulent = medewerkers.get(username)
        if consulent is None:
            continue
        trajecten = list(
            Traject.objects.filter(
                consulent=consulent, status__in=EINDSTATUSSEN
            ).order_by("pk")
        )
        klaar = set(
            Uitkomst.objects.filter(traject__in=trajecten).values_list(
                "traject_id", flat=True
            )
        )
        uitgevallen = [t for t in trajecten if t.status == TrajectStatus.UITGEVALLEN]
        for i, traject in enumerate(uitgevallen):
            if traject.pk not in klaar:
                plan = UITGEVALLEN[username]
                _uitgevallen(traject, *plan[i % len(plan)])
        overig = [t for t in trajecten if t.status != TrajectStatus.UITGEVALLEN]
        for i, traject in enumerate(overig):
            if traject.pk not in klaar:
                _met_verklaring(traject, MET_VERKLARING[i % len(MET_VERKLARING)])
