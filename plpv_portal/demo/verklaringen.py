"""Demo assessment: a 0-meting, two observations and POP goals for two lopende
trajecten (those of Peter Brink, login `opleider`, first), plus the bakery's own
gedragsvoorbeelden for B1-K1-W2. The praktijkverklaringen are issued while the demo
trajecten move through their statuses (demo/beoordeling.py); one is revoked here.
The candidate of the newest valid one gets other proofs (`Bewijs`) beside it."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from plpv_portal.demo.papier import pdf_met_tekst
from trajecten.constants import TrajectStatus
from trajecten.models import Traject
from verklaringen.constants import BewijsSoort, Niveau, ObservatieSoort
from verklaringen.models import Gedragsvoorbeeld, Ontwikkeldoel, Praktijkverklaring
from verklaringen.selectors import gedragsvoorbeelden_voor, traject_beoordeling
from verklaringen.services import (
    bewijs_toevoegen,
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


def demo_verklaring_traject() -> Traject | None:
    """The traject of the newest praktijkverklaring that is not revoked: its
    candidate gets the demo's other proofs and the demo login to their own pages."""
    verklaring = (
        Praktijkverklaring.objects.filter(ingetrokken_op__isnull=True)
        .select_related("traject__kandidaat", "traject__consulent")
        .order_by("-pk")
        .first()
    )
    return verklaring.traject if verklaring else None


def demo_bewijzen(medewerkers: dict) -> None:
    """Other proofs beside the praktijkverklaring for the candidate of
    `demo_verklaring_traject`: a werknemersvaardigheden certificate with the
    gedragsvoorbeelden it covers (by the consulent), a branch certificate with its
    document (by the consulent) and an exam result (by the mbo). All fictional.
    Safe to run twice: a traject with proofs is left alone."""
    traject = demo_verklaring_traject()
    if traject is None or traject.bewijzen.exists():
        return
    vandaag = timezone.localdate()
    consulent = traject.consulent
    per_wp = gedragsvoorbeelden_voor(traject)
    gedekt = [voorbeelden[0] for voorbeelden in per_wp.values() if voorbeelden][:3]
    bewijs_toevoegen(
        traject=traject,
        door=consulent,
        soort=BewijsSoort.WERKNEMERSVAARDIGHEDEN,
        uitgever="Werkbedrijf Twentekanaal (demo)",
        datum=max(vandaag - datetime.timedelta(days=30), traject.startdatum),
        omschrijving="Goed werknemerschap: op tijd komen, afspraken nakomen, "
        "samenwerken.",
        gedragsvoorbeelden=gedekt,
    )
    certificaat = pdf_met_tekst(
        "Branchecertificaat Orderpicken (demo)",
        [
            f"Uitgereikt aan {traject.kandidaat}.",
            "Uitgegeven door Stichting Vakkennis Logistiek (demo).",
            "Dit is een fictief voorbeeld uit de demodata van het PLPV-portaal.",
        ],
    )
    bewijs_toevoegen(
        traject=traject,
        door=consulent,
        soort=BewijsSoort.BRANCHECERTIFICAAT,
        uitgever="Stichting Vakkennis Logistiek (demo)",
        datum=max(vandaag - datetime.timedelta(days=14), traject.startdatum),
        omschrijving="Orderpicken en veilig werken met een handpallettruck.",
        document=ContentFile(certificaat, name="branchecertificaat.pdf"),
    )
    bewijs_toevoegen(
        traject=traject,
        door=medewerkers["mbo"],
        soort=BewijsSoort.EXAMENRESULTAAT,
        uitgever=traject.mbo_instelling.naam,
        datum=max(vandaag - datetime.timedelta(days=7), traject.startdatum),
        omschrijving="Nederlands lezen op niveau 1F: voldoende.",
    )
