"""Issuing, rendering and revoking the mbo-verklaring as a whole.

`mbo_verklaring_uitreiken`: the mbo-medewerker of the traject's mbo-instelling
(`regels.mag_borgen`) bundles the traject's valid praktijkverklaringen (at least one)
with chosen other proofs (`Bewijs`, exam results among them). Its number comes from
the instelling's own series for the year (`MboNummerreeks`, row-locked: unique and
without gaps); it takes the next index on the shared revocation status list
(`verklaringen.credential`), so the public page and the status list credential read
its revocation the same way as a praktijkverklaring's. Its verifiable credential
(`verklaringen.credential.mbo_gegevens`) is signed in the same transaction, and the
PDF, queued on commit, carries it as attachments.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.pdf import PdfDocument, pdf_opslaan
from kandidaten.constants import GebeurtenisSoort
from kandidaten.services import gebeurtenis_vastleggen
from trajecten.models import Traject
from verklaringen import credential as vc
from verklaringen.constants import BewijsSoort
from verklaringen.models import MboVerklaring
from verklaringen.regels import mag_borgen

from . import uitgifte
from .beoordeling import _eis, _niet_in_toekomst, _vergrendeld


@transaction.atomic
def mbo_verklaring_uitreiken(
    *,
    traject: Traject,
    door,
    praktijkverklaringen,
    bewijzen=(),
    verificatie_basis: str,
    uitgereikt_op: datetime.date | None = None,
) -> MboVerklaring:
    """Issue the mbo-verklaring. Refuses (ValidationError, nothing saved) without a
    valid praktijkverklaring of this traject, with a revoked one or a proof of
    another traject, or with a date in the future."""
    traject = _vergrendeld(traject)
    _eis(mag_borgen(traject, door))
    praktijkverklaringen = list(praktijkverklaringen)
    bewijzen = list(bewijzen)
    if not praktijkverklaringen:
        raise ValidationError(
            {"praktijkverklaringen": _("Kies minstens één praktijkverklaring.")}
        )
    if any(
        v.traject_id != traject.pk or v.is_ingetrokken or vc.ingetrokken(v)
        for v in praktijkverklaringen
    ):
        raise ValidationError(
            {
                "praktijkverklaringen": _(
                    "Kies alleen geldige praktijkverklaringen van dit traject."
                )
            }
        )
    if any(b.traject_id != traject.pk for b in bewijzen):
        raise ValidationError({"bewijzen": _("Kies alleen bewijzen van dit traject.")})
    uitgereikt_op = uitgereikt_op or timezone.localdate()
    _niet_in_toekomst(uitgereikt_op, "uitgereikt_op")

    verklaring = uitgifte.aanmaken(
        MboVerklaring,
        traject=traject,
        door=door,
        uitgereikt_op=uitgereikt_op,
        verificatie_basis=verificatie_basis,
    )
    verklaring.praktijkverklaringen.set(praktijkverklaringen)
    verklaring.bewijzen.set(bewijzen)
    uitgifte.ondertekenen(verklaring)
    gebeurtenis_vastleggen(
        kandidaat=traject.kandidaat,
        soort=GebeurtenisSoort.TRAJECT,
        titel=_("Mbo-verklaring %s uitgereikt") % verklaring.nummer,
        door=door,
    )
    uitgifte.pdf_in_wachtrij(verklaring)
    return verklaring


def mbo_verklaring_onderdelen(verklaring: MboVerklaring) -> dict:
    """The parts of the mbo-verklaring: praktijkverklaringen, exam results, other
    proofs (for the PDF and the public page)."""
    bewijzen = list(
        verklaring.bewijzen.prefetch_related("gedragsvoorbeelden__werkproces").order_by(
            "datum", "pk"
        )
    )
    return {
        "praktijkverklaringen": list(
            verklaring.praktijkverklaringen.prefetch_related("werkprocessen").order_by(
                "uitgereikt_op", "pk"
            )
        ),
        "examenresultaten": [
            b for b in bewijzen if b.soort == BewijsSoort.EXAMENRESULTAAT
        ],
        "bewijzen": [b for b in bewijzen if b.soort != BewijsSoort.EXAMENRESULTAAT],
    }


def _document(verklaring: MboVerklaring) -> PdfDocument:
    return uitgifte.pdf_document(
        verklaring, "pdf/mbo_verklaring.html", **mbo_verklaring_onderdelen(verklaring)
    )


def mbo_verklaring_pdf_maken(*, verklaring_id: int) -> MboVerklaring:
    """Render and store the PDF (idempotent, `core.pdf`)."""
    return pdf_opslaan(
        MboVerklaring.objects.select_related(
            "traject__kandidaat", "traject__kwalificatie", "mbo_instelling"
        ),
        verklaring_id,
        _document,
    )


def mbo_verklaring_intrekken(
    *, verklaring: MboVerklaring, door, reden: str
) -> MboVerklaring:
    """Revoke with a reason (`uitgifte.intrekken`); its bit on the status list is
    set in the same transaction."""
    return uitgifte.intrekken(verklaring=verklaring, door=door, reden=reden)
