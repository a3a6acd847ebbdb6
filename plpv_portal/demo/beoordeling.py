"""Demo assessment steps for the trajecten that are past 'lopend': eindbeoordelingen,
submitting, approval and issuing the praktijkverklaring, through the real services."""

import os

from django.utils import timezone

from verklaringen.models import Eindbeoordeling
from verklaringen.services import (
    beoordeling_goedkeuren,
    beoordeling_indienen,
    verklaring_uitreiken,
)

# Where `make run` serves the portal; the QR codes of the demo verklaringen point here.
DEMO_ADRES = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"


def beoordeling_afronden(traject) -> None:
    """Judge every werkproces (the last one 'nog niet' when there are more than two)
    and submit the assessment."""
    plaatsing = traject.plaatsingen.select_related("praktijkopleider__account").last()
    opleider = plaatsing.praktijkopleider.account or traject.consulent
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
