"""Demo assessment: a 0-meting, two observations and POP goals for two lopende
trajecten (those of Peter Brink, login `opleider`, first), plus the bakery's own
gedragsvoorbeelden for B1-K1-W2. The praktijkverklaringen are issued while the demo
trajecten move through their statuses (demo/beoordeling.py); one is revoked here."""

import datetime

from django.utils import timezone

from trajecten.constants import TrajectStatus
from trajecten.models import Traject
from verklaringen.constants import Niveau, ObservatieSoort
from verklaringen.models import Gedragsvoorbeeld, Ontwikkeldoel, Praktijkverklaring
from verklaringen.selectors import gedragsvoorbeelden_voor, traject_beoordeling
from verklaringen.services import (
    observatie_vastleggen,
    ontwikkeldoel_opslaan,
    verklaring_intrekken,
)

BAKKERIJ_W2 = [
    "Weegt de grondstoffen af volgens het recept.",
    "Vormt broodjes die even groot zijn.",
    "Zet de bakplaten op tijd in de oven.",
]
REEKS = [
    (
        ObservatieSoort.NULMETING,
        42,
        [Niveau.NOG_NIET, Niveau.NOG_NIET, Niveau.MET_HULP],
    ),
    (
        ObservatieSoort.TUSSENRESULTAAT,
        21,
        [Niveau.MET_HULP, Niveau.MET_HULP, Niveau.MET_HULP],
    ),
    (
        ObservatieSoort.TUSSENRESULTAAT,
        3,
        [Niveau.MET_HULP, Niveau.ZELFSTANDIG, Niveau.ZELFSTANDIG],
    ),
]


def demo_verklaringen(organisaties: dict, medewerkers: dict) -> None:
    """Add the demo assessment (skips trajecten that already have observations) and
    revoke one of the issued praktijkverklaringen (the trajecten made them)."""
    if not Praktijkverklaring.objects.filter(ingetrokken_op__isnull=False).exists():
        eerste = Praktijkverklaring.objects.order_by("pk").first()
        if eerste:
            verklaring_intrekken(
                verklaring=eerste,
                door=medewerkers["mbo"],
                reden=(
                    "Verkeerde kwalificatie gekozen. De kandidaat wordt opnieuw "
                    "beoordeeld."
                ),
            )
    opleider = medewerkers.get("opleider")
    lopend = Traject.objects.filter(status=TrajectStatus.LOPEND).order_by("pk")
    eigen = lopend.filter(plaatsingen__praktijkopleider__account=opleider).distinct()
    trajecten = list(eigen[:2]) or []
    trajecten += [t for t in lopend if t not in trajecten][: 2 - len(trajecten)]
    vandaag = timezone.localdate()
    for traject in trajecten:
        plaatsing = traject.plaatsingen.select_related("praktijkopleider").last()
        door = plaatsing.praktijkopleider.account or traject.consulent
        werkproces_w2 = traject.werkprocessen.filter(code="B1-K1-W2").first()
        if (
            plaatsing.praktijkopleider.account_id == getattr(opleider, "pk", None)
            and werkproces_w2
        ):
            for i, tekst in enumerate(BAKKERIJ_W2, 1):
                Gedragsvoorbeeld.objects.get_or_create(
                    werkproces=werkproces_w2,
                    leerbedrijf=plaatsing.leerbedrijf,
                    tekst=tekst,
                    defaults={"volgorde": i},
                )
        if traject.observaties.exists():
            continue
        geladen = traject_beoordeling(user=traject.consulent).get(pk=traject.pk)
        per_wp = gedragsvoorbeelden_voor(geladen)
        for soort, dagen_terug, niveaus in REEKS:
            scores = {
                gv.pk: (niveaus[i % len(niveaus)], "")
                for voorbeelden in per_wp.values()
                for i, gv in enumerate(voorbeelden)
            }
            observatie_vastleggen(
                traject=traject,
                door=door,
                datum=max(
                    vandaag - datetime.timedelta(days=dagen_terug), traject.startdatum
                ),
                soort=soort,
                scores=scores,
            )
        for werkproces in traject.werkprocessen.all()[:2]:
            ontwikkeldoel_opslaan(
                doel=Ontwikkeldoel(
                    traject=traject,
                    werkproces=werkproces,
                    doel="Elke dag zelf beginnen zonder dat iemand het vraagt.",
                    afgesproken_op=max(
                        vandaag - datetime.timedelta(days=40), traject.startdatum
                    ),
                ),
                door=door,
            )
