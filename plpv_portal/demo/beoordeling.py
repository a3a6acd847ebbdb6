"""Demo assessment steps for the trajecten that are past 'lopend': observations,
eindbeoordelingen, submitting, approval and issuing the praktijkverklaring, through
the real services."""

import os
from datetime import timedelta

from django.utils import timezone

from verklaringen.constants import Niveau, ObservatieSoort
from verklaringen.models import Eindbeoordeling
from verklaringen.selectors import gedragsvoorbeelden_voor, traject_beoordeling
from verklaringen.services import (
    beoordeling_goedkeuren,
    beoordeling_indienen,
    observatie_vastleggen,
    verklaring_uitreiken,
)

# Where `make run` serves the portal; the QR codes of the demo verklaringen point here.
DEMO_ADRES = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"


# Per observation: its kind, days after the start, and the levels in turn per
# werkproces's gedragsvoorbeelden (the candidate's own pages show the newest).
OBSERVATIES = [
    (ObservatieSoort.NULMETING, 0, [Niveau.NOG_NIET, Niveau.MET_HULP]),
    (ObservatieSoort.TUSSENRESULTAAT, 28, [Niveau.ZELFSTANDIG, Niveau.MET_HULP]),
]


def _observeren(traject, door) -> None:
    """A 0-meting at the start and a tussenresultaat four weeks later (not after
    today), as the praktijkopleider recorded them while the traject ran."""
    per_wp = gedragsvoorbeelden_voor(
        traject_beoordeling(user=traject.consulent).get(pk=traject.pk)
    )
    vandaag = timezone.localdate()
    for soort, dagen, niveaus in OBSERVATIES:
        scores = {
            gv.pk: (niveaus[i % len(niveaus)], "")
            for voorbeelden in per_wp.values()
            for i, gv in enumerate(voorbeelden)
        }
        if scores:
            observatie_vastleggen(
                traject=traject,
                door=door,
                datum=min(traject.startdatum + timedelta(days=dagen), vandaag),
                soort=soort,
                scores=scores,
            )


def beoordeling_afronden(traject) -> None:
    """Observe the gedragsvoorbeelden, judge every werkproces (the last one 'nog
    niet' when there are more than two) and submit the assessment."""
    plaatsing = traject.plaatsingen.select_related("praktijkopleider__account").last()
    opleider = plaatsing.praktijkopleider.account or traject.consulent
    _observeren(traject, opleider)
    werkprocessen = list(traject.werkprocessen.order_by("code"))
    # Demo opleiders without an account cannot use the service; their judgement is
    # written as they would have given it.
    Eindbeoordeling.objects.bulk_create(
        Eindbeoordeling(
            traject=traject,
            werkproces=w,
            beheerst=not (len(werkprocessen) > 2 and i == len(werkprocessen) - 1),
            datum=timezone.localdate(),
            motivatie="Laat dit elke dag zelfstandig zien.",
            door=opleider,
        )
        for i, w in enumerate(werkprocessen)
    )
    beoordeling_indienen(traject=traject, door=traject.consulent)


def praktijkverklaring_uitreiken(traject, *, mbo):
    """Approve the submitted assessment and issue the verklaring."""
    beoordeling_goedkeuren(traject=traject, door=mbo)
    return verklaring_uitreiken(
        traject=traject, door=mbo, plaats="Enschede", verificatie_basis=DEMO_ADRES
    )
