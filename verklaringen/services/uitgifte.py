"""The steps both kinds of verklaring (`UitgereikteVerklaring`: the praktijkverklaring
and the mbo-verklaring) share when they are issued, rendered and revoked.

Issuing (`aanmaken`, `ondertekenen`, `pdf_in_wachtrij`): the number comes from the
mbo-instelling's series of that kind for the year (row-locked until commit: unique
and without gaps), the public code is random and the verification address (the QR
code) carries it, the next index on the shared revocation status list is taken under
that list's lock, the credential is signed in the same transaction and the PDF is
queued on commit (outbox), carrying the credential (`pdf_document`).

Revoking (`intrekken`): with a reason, by the mbo-medewerker of the issuing
mbo-instelling (`regels.mag_borgen`); the row is locked, the revocation saved and the
bit on the status list set in one transaction, and the candidate's timeline records
it. The public page and the status list credential then say 'ingetrokken'.
"""

import datetime
import json
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core import pdf as core_pdf
from core.pdf import Bijlage, PdfDocument
from kandidaten.constants import GebeurtenisSoort
from kandidaten.services import gebeurtenis_vastleggen
from trajecten.models import Traject
from verklaringen import credential as vc
from verklaringen.models import (
    MboNummerreeks,
    MboVerklaring,
    Nummerreeks,
    Praktijkverklaring,
)
from verklaringen.regels import mag_borgen

from .beoordeling import _eis


@dataclass(frozen=True)
class Soort:
    """What tells one kind of verklaring from the other when it is issued."""

    # The series its numbers come from.
    reeks: type[models.Model]
    # In the number between the instelling and the year: "" or "MV-".
    nummer_deel: str
    # Its PDF task, by name: the task calls this app's services, so a service does
    # not import it.
    pdf_taak: str


SOORTEN: dict[type[vc.Verklaring], Soort] = {
    Praktijkverklaring: Soort(
        Nummerreeks, "", "verklaringen.tasks.verklaring_pdf_maken"
    ),
    MboVerklaring: Soort(
        MboNummerreeks, "MV-", "verklaringen.tasks.mbo_verklaring_pdf_maken"
    ),
}


def _volgnummer(reeks: type[models.Model], mbo_instelling, jaar: int) -> int:
    """The next number of the series, under a row lock held until commit."""
    reeks.objects.bulk_create(
        [reeks(mbo_instelling=mbo_instelling, jaar=jaar)], ignore_conflicts=True
    )
    rij = reeks.objects.select_for_update().get(
        mbo_instelling=mbo_instelling, jaar=jaar
    )
    rij.laatste += 1
    rij.save(update_fields=["laatste"])
    return rij.laatste


def verificatie_pad(code: str) -> str:
    return reverse("verificatie", args=[code])


def aanmaken(
    model: type[vc.Verklaring],
    *,
    traject: Traject,
    door,
    uitgereikt_op: datetime.date,
    verificatie_basis: str,
    **velden,
) -> vc.Verklaring:
    """Create the verklaring of kind `model` for the traject, with what every issued
    verklaring gets: its number (`<BRIN>-[MV-]<jaar>-<volgnummer>`), a random code,
    the verification address under `verificatie_basis` (the portal's public address)
    and its index on the status list; `velden` are the kind's own fields. The caller
    holds the transaction."""
    soort = SOORTEN[model]
    mbo = traject.mbo_instelling
    jaar = uitgereikt_op.year
    volgnummer = _volgnummer(soort.reeks, mbo, jaar)
    voorvoegsel = mbo.brin_code or f"MBO{mbo.pk}"
    lijst, index = vc.index_nemen()
    code = secrets.token_urlsafe(18)
    return model.objects.create(
        traject=traject,
        mbo_instelling=mbo,
        jaar=jaar,
        volgnummer=volgnummer,
        nummer=f"{voorvoegsel}-{soort.nummer_deel}{jaar}-{volgnummer:04d}",
        code=code,
        verificatie_url=verificatie_basis.rstrip("/") + verificatie_pad(code),
        uitgereikt_op=uitgereikt_op,
        uitgereikt_door=door,
        statuslijst=lijst,
        status_index=index,
        **velden,
    )


def ondertekenen(verklaring: vc.Verklaring) -> None:
    """Sign its credential now, with its parts set, so the PDF, the downloads and
    every check carry the same credential."""
    vc.credential_maken(verklaring)
    verklaring.refresh_from_db()


def pdf_in_wachtrij(verklaring: vc.Verklaring) -> None:
    """Queue its PDF, published on commit (outbox, `core.pdf`)."""
    model = type(verklaring)
    core_pdf.pdf_in_wachtrij(SOORTEN[model].pdf_taak, model, verklaring.pk)


@transaction.atomic
def pdf_opnieuw_in_wachtrij(verklaring: vc.Verklaring) -> None:
    """Queue a PDF that could not start once more (`core.pdf`)."""
    model = type(verklaring)
    core_pdf.pdf_opnieuw_in_wachtrij(SOORTEN[model].pdf_taak, model, verklaring.pk)


def qr_svg(url: str) -> str:
    """The QR code of `url` as an SVG data URI (WeasyPrint draws it as a vector)."""
    import segno

    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def credential_bijlagen(verklaring: vc.Verklaring) -> tuple[Bijlage, ...]:
    """The credential in the PDF (a praktijkverklaring's or a mbo-verklaring's):
    the signed VC-JWT (what a verifier checks) and its content as readable JSON."""
    jwt = verklaring.credential or vc.credential_maken(verklaring)
    naam = verklaring.bestandsnaam
    return (
        Bijlage(
            naam=f"{naam}.jwt",
            inhoud=jwt.encode(),
            beschrijving="Verifiable credential (Open Badges 3.0, VC-JWT), ondertekend",
        ),
        Bijlage(
            naam=f"{naam}.json",
            inhoud=json.dumps(vc.inhoud(jwt), ensure_ascii=False, indent=2).encode(),
            beschrijving="Inhoud van de verifiable credential (JSON)",
        ),
    )


def pdf_document(verklaring: vc.Verklaring, sjabloon: str, **context) -> PdfDocument:
    """The PDF of a verklaring: `sjabloon` with the verklaring (`v`), the candidate,
    the kwalificatie, the QR code of its verification address and the kind's own
    `context`; its credential as attachments."""
    traject = verklaring.traject
    return PdfDocument(
        sjabloon=sjabloon,
        context={
            "v": verklaring,
            "voettekst": f"{capfirst(verklaring.SOORT)} {verklaring.nummer}",
            "kandidaat": traject.kandidaat,
            "kwalificatie": traject.kwalificatie,
            "qr": qr_svg(verklaring.verificatie_url),
            **context,
        },
        bestandsnaam=f"{verklaring.bestandsnaam}.pdf",
        bijlagen=credential_bijlagen(verklaring),
    )


@transaction.atomic
def intrekken(
    *, verklaring: vc.Verklaring, door, reden: str, select_related=()
) -> vc.Verklaring:
    """Revoke either kind with a reason; refuses (ValidationError, nothing saved)
    when it is already revoked or the reason is empty, and (PermissionDenied) to
    anyone but the mbo-medewerker of its mbo-instelling. Returns the locked row, its
    traject and candidate loaded (and `select_related`), for what the caller does
    next in the same transaction."""
    model = type(verklaring)
    verklaring = (
        model.objects.select_for_update(of=("self",))
        .select_related("traject__kandidaat", *select_related)
        .get(pk=verklaring.pk)
    )
    traject = verklaring.traject
    _eis(mag_borgen(traject, door))
    if verklaring.is_ingetrokken:
        raise ValidationError(_("Deze %s is al ingetrokken.") % verklaring.SOORT)
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError(
            {
                "reden": _("Schrijf op waarom de %s wordt ingetrokken.")
                % verklaring.SOORT
            }
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
    # The same bit the status list credential and the public page read.
    vc.statusbit_zetten(verklaring)
    gebeurtenis_vastleggen(
        kandidaat=traject.kandidaat,
        soort=GebeurtenisSoort.TRAJECT,
        titel=_("%(soort)s %(nummer)s ingetrokken")
        % {"soort": capfirst(verklaring.SOORT), "nummer": verklaring.nummer},
        toelichting=reden,
        door=door,
    )
    return verklaring
