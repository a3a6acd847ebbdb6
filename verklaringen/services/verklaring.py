"""Issuing, rendering and revoking the praktijkverklaring.

`verklaring_uitreiken`: the mbo-medewerker of the traject's mbo-instelling issues it
once the assessment is approved (traject 'beoordeeld', newest borging 'goedgekeurd'),
for the werkprocessen judged 'beheerst'. The number comes from the mbo-instelling's
series for the year (`Nummerreeks`, row-locked, in the same transaction: unique and
without gaps). The traject moves to 'verklaring uitgereikt' through its workflow; the
PDF is made by a Celery task queued on commit.

`verklaring_intrekken`: the same mbo-instelling revokes it with a reason; the public
verification page then says 'ingetrokken' (its bit on the status list is set,
`verklaringen.credential`) and the traject's team is notified. The
traject's status stays as it was (its history is what happened).
"""

import datetime
import json
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import pdf as core_pdf
from core.pdf import Bijlage, PdfDocument, pdf_in_wachtrij, pdf_opslaan
from core.workflow import TransitionNotAllowed
from kandidaten.constants import GebeurtenisSoort
from kandidaten.services import gebeurtenis_vastleggen
from meldingen.services import melding_versturen
from trajecten.constants import TrajectStatus
from trajecten.models import Traject
from trajecten.selectors import traject_team
from trajecten.services import traject_status_wijzigen
from verklaringen import credential as vc
from verklaringen.models import Eindbeoordeling, Nummerreeks, Praktijkverklaring
from verklaringen.regels import mag_borgen

from .beoordeling import (
    _eis,
    _niet_in_toekomst,
    _vergrendeld,
    beheerste_werkprocessen,
    beoordeling_goedgekeurd,
    beoordeling_stand,
    laatste_borging,
)

# By name: the task calls `verklaring_pdf_maken` below, so this module does not import it.
PDF_TAAK = "verklaringen.tasks.verklaring_pdf_maken"


def _volgnummer(mbo_instelling, jaar: int) -> int:
    """The next number of the series, under a row lock held until commit."""
    Nummerreeks.objects.bulk_create(
        [Nummerreeks(mbo_instelling=mbo_instelling, jaar=jaar)], ignore_conflicts=True
    )
    reeks = Nummerreeks.objects.select_for_update().get(
        mbo_instelling=mbo_instelling, jaar=jaar
    )
    reeks.laatste += 1
    reeks.save(update_fields=["laatste"])
    return reeks.laatste


def verificatie_pad(code: str) -> str:
    return reverse("verificatie", args=[code])


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

    mbo = traject.mbo_instelling
    volgnummer = _volgnummer(mbo, uitgereikt_op.year)
    voorvoegsel = mbo.brin_code or f"MBO{mbo.pk}"
    code = secrets.token_urlsafe(18)
    verklaring = Praktijkverklaring.objects.create(
        traject=traject,
        mbo_instelling=mbo,
        jaar=uitgereikt_op.year,
        volgnummer=volgnummer,
        nummer=f"{voorvoegsel}-{uitgereikt_op.year}-{volgnummer:04d}",
        code=code,
        verificatie_url=verificatie_basis.rstrip("/") + verificatie_pad(code),
        periode_van=min(traject.startdatum, laatste_oordeel),
        periode_tot=laatste_oordeel,
        uitgereikt_op=uitgereikt_op,
        plaats=plaats,
        uitgereikt_door=door,
    )
    verklaring.werkprocessen.set(beheerst)
    # Signed now, so the PDF, the download and every check carry the same credential.
    vc.credential_maken(verklaring)
    verklaring.refresh_from_db()
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
    # Published on commit (outbox).
    pdf_in_wachtrij(PDF_TAAK, Praktijkverklaring, verklaring.pk)
    return verklaring


@transaction.atomic
def pdf_opnieuw_in_wachtrij(verklaring: Praktijkverklaring) -> None:
    """Queue a PDF that could not start once more (`core.pdf`)."""
    core_pdf.pdf_opnieuw_in_wachtrij(PDF_TAAK, Praktijkverklaring, verklaring.pk)


def qr_svg(url: str) -> str:
    """The QR code of `url` as an SVG data URI (WeasyPrint draws it as a vector)."""
    import segno

    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def credential_bijlagen(verklaring: vc.Verklaring) -> tuple[Bijlage, ...]:
    """The credential in the PDF (a praktijkverklaring's or a mbo-verklaring's):
    the signed VC-JWT (what a verifier checks) and its content as readable JSON."""
    jwt = verklaring.credential or vc.credential_maken(verklaring)
    naam = vc.bestandsnaam(verklaring)
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


def _document(verklaring: Praktijkverklaring) -> PdfDocument:
    traject = verklaring.traject
    return PdfDocument(
        sjabloon="pdf/praktijkverklaring.html",
        context={
            "v": verklaring,
            "voettekst": f"Praktijkverklaring {verklaring.nummer}",
            "kandidaat": traject.kandidaat,
            "kwalificatie": traject.kwalificatie,
            "werkprocessen": verklaring.werkprocessen.order_by("code"),
            "plaatsingen": list(
                traject.plaatsingen.select_related(
                    "leerbedrijf__organisatie", "praktijkopleider"
                ).order_by("startdatum", "pk")
            ),
            "qr": qr_svg(verklaring.verificatie_url),
        },
        bestandsnaam=f"praktijkverklaring-{verklaring.nummer}.pdf",
        bijlagen=credential_bijlagen(verklaring),
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
    """Revoke with a reason (mbo-medewerker of the issuing mbo-instelling); notifies
    the traject's team, the consulent first of all."""
    verklaring = (
        Praktijkverklaring.objects.select_for_update(of=("self",))
        .select_related("traject__kandidaat", "traject__advies__mbo_medewerker")
        .get(pk=verklaring.pk)
    )
    traject = verklaring.traject
    _eis(mag_borgen(traject, door))
    if verklaring.is_ingetrokken:
        raise ValidationError(_("Deze praktijkverklaring is al ingetrokken."))
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError(
            {"reden": _("Schrijf op waarom de praktijkverklaring wordt ingetrokken.")}
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
        titel=_("Praktijkverklaring %s ingetrokken") % verklaring.nummer,
        toelichting=reden,
        door=door,
    )
    melding_versturen(
        ontvangers=traject_team(traject),
        oorzaak=f"verklaring_ingetrokken:{verklaring.pk}",
        titel=_("Praktijkverklaring %s is ingetrokken") % verklaring.nummer,
        tekst=f"{traject.kandidaat}: {reden}",
        url=verklaring.get_absolute_url(),
        actor=door,
    )
    return verklaring
