"""Issuing, rendering and revoking the praktijkverklaring.

`verklaring_uitreiken`: the mbo-medewerker of the traject's mbo-instelling issues it
once the assessment is approved (traject 'beoordeeld', newest borging 'goedgekeurd'),
for the werkprocessen judged 'beheerst'. The number comes from the mbo-instelling's
series for the year (`Nummerreeks`, row-locked, in the same transaction: unique and
without gaps; the steps both kinds share are in `uitgifte`). The traject moves to 'verklaring uitgereikt' through its workflow; the
PDF is made by a Celery task queued on commit.

`verklaring_intrekken`: the same mbo-instelling revokes it with a reason
(`uitgifte.intrekken`, as a mbo-verklaring); the public
verification page then says 'ingetrokken' (its bit on the status list is set,
`verklaringen.credential`) and the traject's team is notified. The
traject's status stays as it was (its history is what happened).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from core.pdf import PdfDocument, pdf_opslaan
from core.workflow import TransitionNotAllowed
from kandidaten.constants import GebeurtenisSoort
from kandidaten.services import gebeurtenis_vastleggen
from meldingen.services import melding_versturen
from trajecten.constants import TrajectStatus
from trajecten.models import Traject
from trajecten.selectors import traject_team
from trajecten.services import traject_status_wijzigen
from verklaringen.models import Eindbeoordeling, Praktijkverklaring
from verklaringen.regels import mag_borgen

from . import uitgifte
from .beoordeling import (
    _eis,
    _niet_in_toekomst,
    _vergrendeld,
    beheerste_werkprocessen,
    beoordeling_goedgekeurd,
    beoordeling_stand,
    laatste_borging,
)


@transaction.atomic
def verklaring_uitreiken(
    *,
    traject: Traject,
    door,
    plaats: str,
    verificatie_basis: str,
    uitgereikt_op: datetime.date | None = None,
) -> Praktijkverklaring:
    """Issue the praktijkverklaring of an approved assessment.

    `verificatie_basis` is the portal's public address (scheme and host) that the QR
    code points to. Refuses (ValidationError, nothing saved) when the assessment is
    not approved, no werkproces is mastered, the place is empty or the date is in the
    future or before the last eindbeoordeling.
    """
    traject = _vergrendeld(traject)
    _eis(mag_borgen(traject, door))
    if not beoordeling_goedgekeurd(traject, laatste_borging(traject)):
        raise ValidationError(
            _("Een praktijkverklaring kan pas als de beoordeling is goedgekeurd.")
        )
    prefetch_related_objects(
        [traject],
        "werkprocessen",
        Prefetch(
            "eindbeoordelingen", Eindbeoordeling.objects.select_related("werkproces")
        ),
    )
    beheerst = beheerste_werkprocessen(traject)
    if not beheerst:
        raise ValidationError(
            _(
                "Geen enkel werkproces is beheerst. Zonder beheerst werkproces is er geen praktijkverklaring."
            )
        )
    plaats = (plaats or "").strip()
    if not plaats:
        raise ValidationError({"plaats": _("Vul de plaats van uitreiking in.")})
    uitgereikt_op = uitgereikt_op or timezone.localdate()
    _niet_in_toekomst(uitgereikt_op, "uitgereikt_op")
    laatste_oordeel = max(b.datum for b in traject.eindbeoordelingen.all())
    if uitgereikt_op < laatste_oordeel:
        raise ValidationError(
            {
                "uitgereikt_op": _(
                    "De datum ligt vóór de eindbeoordeling (%s). Kies een latere datum."
                )
                % f"{laatste_oordeel:%d-%m-%Y}"
            }
        )

    verklaring = uitgifte.aanmaken(
        Praktijkverklaring,
        traject=traject,
        door=door,
        uitgereikt_op=uitgereikt_op,
        verificatie_basis=verificatie_basis,
        periode_van=min(traject.startdatum, laatste_oordeel),
        periode_tot=laatste_oordeel,
        plaats=plaats,
    )
    verklaring.werkprocessen.set(beheerst)
    uitgifte.ondertekenen(verklaring)
    try:
        traject_status_wijzigen(
            beoordeling=beoordeling_stand(traject),
            traject=traject,
            naar=TrajectStatus.VERKLARING_UITGEREIKT,
            door=door,
            reden=_("Praktijkverklaring %s uitgereikt.") % verklaring.nummer,
        )
    except TransitionNotAllowed as exc:
        raise ValidationError(str(exc)) from exc
    gebeurtenis_vastleggen(
        kandidaat=traject.kandidaat,
        soort=GebeurtenisSoort.TRAJECT,
        titel=_("Praktijkverklaring %(nummer)s uitgereikt (%(aantal)d werkprocessen)")
        % {"nummer": verklaring.nummer, "aantal": len(beheerst)},
        door=door,
    )
    uitgifte.pdf_in_wachtrij(verklaring)
    return verklaring


def _document(verklaring: Praktijkverklaring) -> PdfDocument:
    traject = verklaring.traject
    return uitgifte.pdf_document(
        verklaring,
        "pdf/praktijkverklaring.html",
        werkprocessen=verklaring.werkprocessen.order_by("code"),
        plaatsingen=list(
            traject.plaatsingen.select_related(
                "leerbedrijf__organisatie", "praktijkopleider"
            ).order_by("startdatum", "pk")
        ),
    )


def verklaring_pdf_maken(*, verklaring_id: int) -> Praktijkverklaring:
    """Render and store the PDF; a no-op when it is already there (idempotent). The file
    and the 'klaar' status are saved together under the row's lock (`core.pdf`)."""
    return pdf_opslaan(
        Praktijkverklaring.objects.select_related(
            "traject__kandidaat",
            "traject__kwalificatie",
            "mbo_instelling",
            "uitgereikt_door",
        ),
        verklaring_id,
        _document,
    )


@transaction.atomic
def verklaring_intrekken(
    *, verklaring: Praktijkverklaring, door, reden: str
) -> Praktijkverklaring:
    """Revoke with a reason (`uitgifte.intrekken`); notifies the traject's team, the
    consulent first of all."""
    verklaring = uitgifte.intrekken(
        verklaring=verklaring,
        door=door,
        reden=reden,
        select_related=["traject__advies__mbo_medewerker"],
    )
    traject = verklaring.traject
    melding_versturen(
        ontvangers=traject_team(traject),
        oorzaak=f"verklaring_ingetrokken:{verklaring.pk}",
        titel=_("Praktijkverklaring %s is ingetrokken") % verklaring.nummer,
        tekst=f"{traject.kandidaat}: {verklaring.intrekking_reden}",
        url=verklaring.get_absolute_url(),
        actor=door,
    )
    return verklaring
