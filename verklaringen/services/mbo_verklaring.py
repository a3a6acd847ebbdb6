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
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.pdf import PdfDocument, pdf_in_wachtrij, pdf_opslaan
from kandidaten.constants import GebeurtenisSoort
from kandidaten.services import gebeurtenis_vastleggen
from trajecten.models import Traject
from verklaringen import credential as vc
from verklaringen.constants import BewijsSoort
from verklaringen.models import MboNummerreeks, MboVerklaring
from verklaringen.regels import mag_borgen

from .beoordeling import _eis, _niet_in_toekomst, _vergrendeld
from .verklaring import credential_bijlagen, qr_svg, verificatie_pad

PDF_TAAK = "verklaringen.tasks.mbo_verklaring_pdf_maken"


def _volgnummer(mbo_instelling, jaar: int) -> int:
    """The next number of the instelling's mbo-verklaring series, under a row lock
    held until commit."""
    MboNummerreeks.objects.bulk_create(
        [MboNummerreeks(mbo_instelling=mbo_instelling, jaar=jaar)],
        ignore_conflicts=True,
    )
    reeks = MboNummerreeks.objects.select_for_update().get(
        mbo_instelling=mbo_instelling, jaar=jaar
    )
    reeks.laatste += 1
    reeks.save(update_fields=["laatste"])
    return reeks.laatste


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

    mbo = traject.mbo_instelling
    volgnummer = _volgnummer(mbo, uitgereikt_op.year)
    voorvoegsel = mbo.brin_code or f"MBO{mbo.pk}"
    lijst, index = vc.index_nemen()
    code = secrets.token_urlsafe(18)
    verklaring = MboVerklaring.objects.create(
        traject=traject,
        mbo_instelling=mbo,
        jaar=uitgereikt_op.year,
        volgnummer=volgnummer,
        nummer=f"{voorvoegsel}-MV-{uitgereikt_op.year}-{volgnummer:04d}",
        code=code,
        verificatie_url=verificatie_basis.rstrip("/") + verificatie_pad(code),
        uitgereikt_op=uitgereikt_op,
        uitgereikt_door=door,
        statuslijst=lijst,
        status_index=index,
    )
    verklaring.praktijkverklaringen.set(praktijkverklaringen)
    verklaring.bewijzen.set(bewijzen)
    # Signed now, with its parts, so the PDF, the downloads and every check carry
    # the same credential.
    vc.credential_maken(verklaring)
    verklaring.refresh_from_db()
    gebeurtenis_vastleggen(
        kandidaat=traject.kandidaat,
        soort=GebeurtenisSoort.TRAJECT,
        titel=_("Mbo-verklaring %s uitgereikt") % verklaring.nummer,
        door=door,
    )
    pdf_in_wachtrij(PDF_TAAK, MboVerklaring, verklaring.pk)
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
    traject = verklaring.traject
    return PdfDocument(
        sjabloon="pdf/mbo_verklaring.html",
        context={
            "v": verklaring,
            "voettekst": f"Mbo-verklaring {verklaring.nummer}",
            "kandidaat": traject.kandidaat,
            "kwalificatie": traject.kwalificatie,
            "qr": qr_svg(verklaring.verificatie_url),
            **mbo_verklaring_onderdelen(verklaring),
        },
        bestandsnaam=f"mbo-verklaring-{verklaring.nummer}.pdf",
        bijlagen=credential_bijlagen(verklaring),
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


@transaction.atomic
def mbo_verklaring_intrekken(
    *, verklaring: MboVerklaring, door, reden: str
) -> MboVerklaring:
    """Revoke with a reason (mbo-medewerker of the issuing mbo-instelling); sets its
    bit on the status list in the same transaction."""
    verklaring = (
        MboVerklaring.objects.select_for_update(of=("self",))
        .select_related("traject__kandidaat")
        .get(pk=verklaring.pk)
    )
    traject = verklaring.traject
    _eis(mag_borgen(traject, door))
    if verklaring.is_ingetrokken:
        raise ValidationError(_("Deze mbo-verklaring is al ingetrokken."))
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError(
            {"reden": _("Schrijf op waarom de mbo-verklaring wordt ingetrokken.")}
        )
    verklaring.ingetrokken_op = timezone.now()
    verklaring.intrekking_reden = reden
    verklaring.ingetrokken_door = door
    verklaring.save(
        update_fields=[
            "ingetrokken_op",
            "intrekking_reden",
            "ingetrokken_door",
            "updated_at",
        ]
    )
    vc.statusbit_zetten(verklaring)
    gebeurtenis_vastleggen(
        kandidaat=traject.kandidaat,
        soort=GebeurtenisSoort.TRAJECT,
        titel=_("Mbo-verklaring %s ingetrokken") % verklaring.nummer,
        toelichting=reden,
        door=door,
    )
    return verklaring
