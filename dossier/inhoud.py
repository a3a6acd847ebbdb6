"""What goes into a traject's funding dossier, and the ZIP itself.

Each part is a (safe ASCII name, bytes) pair; the cover sheet lists the parts that
are there and says which are missing. PDFs are rendered with WeasyPrint from the
templates in templates/dossier/pdf/; the agreements and the praktijkverklaring are
the PDFs the portal already stored.
"""

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone

from openpyxl import Workbook

from core.auditoverzicht import audit_samenvatten
from core.csv_export import veilige_celwaarde
from core.pdf import PdfStatus
from trajecten.constants import PARTIJEN
from trajecten.models import (
    Financiering,
    Ondertekening,
    OvereenkomstVersie,
    Plaatsing,
    Traject,
)
from verklaringen.models import Eindbeoordeling, Observatie, Praktijkverklaring
from voortgang.constants import GesprekPartij
from voortgang.models import (
    Aanwezigheid,
    AanwezigheidCorrectie,
    GesprekActie,
    GesprekOndertekening,
    Voortgangsgesprek,
)

AANWEZIGHEID_KOLOMMEN = [
    "Leerbedrijf",
    "Week",
    "Maandag",
    "Gepland (uren)",
    "Gewerkt (uren)",
    "Reden van afwezigheid",
    "Toelichting",
    "Bevestigd op",
    "Correcties",
]
AUDIT_KOLOMMEN = ["Datum", "Organisatie", "Rol", "Actie", "Onderdeel", "Aantal"]


def veilige_naam(tekst: str) -> str:
    """A file name of plain ASCII letters, digits, dots, dashes and underscores."""
    ascii_ = unicodedata.normalize("NFKD", str(tekst)).encode("ascii", "ignore")
    naam = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_.decode()).strip("-.")
    return naam[:100] or "bestand"


@dataclass
class Dossier:
    traject: Traject
    delen: list[tuple[str, bytes, str]] = field(
        default_factory=list
    )  # naam, inhoud, wat
    ontbreekt: list[str] = field(default_factory=list)

    def toevoegen(self, naam: str, inhoud: bytes, wat: str) -> None:
        self.delen.append((naam, inhoud, wat))


def _pdf(sjabloon: str, context: dict) -> bytes:
    from weasyprint import HTML

    return HTML(string=render_to_string(sjabloon, context)).write_pdf()


def _lees(bestand) -> bytes | None:
    """The stored file's bytes; None when it is not (or no longer) in storage."""
    if not bestand or not bestand.storage.exists(bestand.name):
        return None
    with bestand.storage.open(bestand.name, "rb") as f:
        return f.read()


def periode(traject: Traject):
    return traject.startdatum, traject.einddatum or traject.geplande_einddatum


# --- the parts ---


def afgeronde_versies(traject: Traject) -> list[OvereenkomstVersie]:
    """Per agreement the newest version every party signed (and whose PDF is made)."""
    gevonden = []
    for overeenkomst in traject.overeenkomsten.order_by("soort"):
        versies = overeenkomst.versies.prefetch_related("ondertekeningen").order_by(
            "-nummer"
        )
        for versie in versies:
            partijen = {o.partij for o in versie.ondertekeningen.all()}
            if (
                versie.pdf_status == PdfStatus.KLAAR
                and set(PARTIJEN[overeenkomst.soort]) <= partijen
            ):
                gevonden.append(versie)
                break
    return gevonden


def _overeenkomsten(d: Dossier) -> None:
    versies = afgeronde_versies(d.traject)
    if not versies:
        d.ontbreekt.append(
            "Getekende overeenkomsten: geen overeenkomst is door alle partijen getekend."
        )
    for versie in versies:
        soort = versie.overeenkomst.soort
        basis = f"02-overeenkomsten/{veilige_naam(soort)}-v{versie.nummer}"
        naam = versie.overeenkomst.get_soort_display()
        if (inhoud := _lees(versie.pdf)) is not None:
            d.toevoegen(f"{basis}.pdf", inhoud, f"{naam}, versie {versie.nummer}")
        for o in versie.ondertekeningen.all():
            if (inhoud := _lees(o.bestand)) is not None:
                d.toevoegen(
                    f"{basis}-getekend-{veilige_naam(o.partij)}.pdf",
                    inhoud,
                    f"{naam}, versie {versie.nummer}: getekend op papier door "
                    f"{o.get_partij_display().lower()}",
                )


def _aanwezigheid_rijen(traject: Traject) -> list[dict]:
    rijen = []
    weken = (
        Aanwezigheid.objects.filter(plaatsing__traject=traject)
        .select_related("plaatsing__leerbedrijf__organisatie", "bevestigd_door")
        .prefetch_related("correcties__door")
        .order_by("week", "plaatsing_id")
    )
    for a in weken:
        correcties = [
            f"{timezone.localtime(c.op):%d-%m-%Y}: {c.oud_uren} naar {c.nieuw_uren} uur "
            f"({c.reden})"
            for c in sorted(a.correcties.all(), key=lambda c: c.op)
        ]
        rijen.append(
            {
                "leerbedrijf": str(a.plaatsing.leerbedrijf),
                "week": a.iso_week,
                "maandag": a.week,
                "gepland": a.gepland_uren,
                "gewerkt": a.gewerkt_uren,
                "reden": a.get_afwezigheid_reden_display()
                if a.afwezigheid_reden
                else "",
                "toelichting": a.toelichting,
                "bevestigd_op": timezone.localtime(a.bevestigd_op).date(),
                "correcties": "; ".join(correcties),
            }
        )
    return rijen


def aanwezigheid_xlsx(rijen: list[dict]) -> bytes:
    boek = Workbook()
    blad = boek.active
    blad.title = "Aanwezigheid"
    blad.append([veilige_celwaarde(k) for k in AANWEZIGHEID_KOLOMMEN])
    for r in rijen:
        blad.append([veilige_celwaarde(w) for w in r.values()])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def _aanwezigheid(d: Dossier, context: dict) -> None:
    rijen = _aanwezigheid_rijen(d.traject)
    if not rijen:
        d.ontbreekt.append(
            "Presentielijst: er is nog geen week aanwezigheid bevestigd."
        )
        return
    totaal = {
        "gepland": sum(r["gepland"] for r in rijen),
        "gewerkt": sum(r["gewerkt"] for r in rijen),
    }
    d.toevoegen(
        "03-presentielijst.pdf",
        _pdf(
            "dossier/pdf/presentielijst.html",
            {**context, "rijen": rijen, "totaal": totaal},
        ),
        "Presentielijst (PDF): uren per week, afwezigheid en correcties",
    )
    d.toevoegen(
        "03-presentielijst.xlsx",
        aanwezigheid_xlsx(rijen),
        "Presentielijst (Excel): dezelfde weken",
    )


def _gesprekken(d: Dossier, context: dict) -> None:
    gesprekken = list(
        Voortgangsgesprek.objects.filter(traject=d.traject)
        .select_related("vastgelegd_door")
        .prefetch_related("ondertekeningen__door", "acties__eigenaar")
        .order_by("datum", "pk")
    )
    for g in gesprekken:
        g.aanwezig = [
            *(["kandidaat"] if g.kandidaat_aanwezig else []),
            *(["praktijkopleider"] if g.praktijkopleider_aanwezig else []),
            *(["consulent"] if g.consulent_aanwezig else []),
            *([g.anderen_aanwezig] if g.anderen_aanwezig else []),
        ]
        getekend = {o.partij for o in g.ondertekeningen.all()}
        g.niet_getekend = [p.label.lower() for p in GesprekPartij if p not in getekend]
    if not gesprekken:
        d.ontbreekt.append(
            "Verslagen van voortgangsgesprekken: er is nog geen gesprek vastgelegd."
        )
        return
    d.toevoegen(
        "04-voortgangsgesprekken.pdf",
        _pdf("dossier/pdf/gesprekken.html", {**context, "gesprekken": gesprekken}),
        f"Verslagen van {len(gesprekken)} voortgangsgesprek(ken) met handtekeningen",
    )


def _observaties(d: Dossier, context: dict) -> None:
    observaties = list(
        Observatie.objects.filter(traject=d.traject)
        .select_related("door")
        .prefetch_related("scores__gedragsvoorbeeld")
        .order_by("datum", "pk")
    )
    eind = list(
        Eindbeoordeling.objects.filter(traject=d.traject).select_related("werkproces")
    )
    if not observaties and not eind:
        d.ontbreekt.append("Observaties: er is nog geen observatie of eindbeoordeling.")
        return
    d.toevoegen(
        "05-observaties.pdf",
        _pdf(
            "dossier/pdf/observaties.html",
            {**context, "observaties": observaties, "eindbeoordelingen": eind},
        ),
        "Overzicht van observaties en eindbeoordelingen",
    )


def _verklaring(d: Dossier) -> None:
    verklaring = (
        Praktijkverklaring.objects.filter(
            traject=d.traject, ingetrokken_op__isnull=True, pdf_status=PdfStatus.KLAAR
        )
        .order_by("-uitgereikt_op", "-pk")
        .first()
    )
    inhoud = _lees(verklaring.pdf) if verklaring else None
    if inhoud is None:
        d.ontbreekt.append("Praktijkverklaring: die is (nog) niet uitgereikt.")
        return
    d.toevoegen(
        f"06-praktijkverklaring-{veilige_naam(verklaring.nummer)}.pdf",
        inhoud,
        f"Praktijkverklaring {verklaring.nummer}",
    )


def audit_rijen(traject: Traject):
    """Who viewed or changed the traject's parts (organisation and role, no names)."""

    def ids(model, **filter_) -> list[int]:
        return list(model.objects.filter(**filter_).values_list("pk", flat=True))

    t = traject
    return audit_samenvatten(
        [
            (Traject, [t.pk]),
            (Plaatsing, ids(Plaatsing, traject=t)),
            (Financiering, ids(Financiering, traject=t)),
            (OvereenkomstVersie, ids(OvereenkomstVersie, overeenkomst__traject=t)),
            (Ondertekening, ids(Ondertekening, versie__overeenkomst__traject=t)),
            (Aanwezigheid, ids(Aanwezigheid, plaatsing__traject=t)),
            (
                AanwezigheidCorrectie,
                ids(AanwezigheidCorrectie, aanwezigheid__plaatsing__traject=t),
            ),
            (Voortgangsgesprek, ids(Voortgangsgesprek, traject=t)),
            (GesprekOndertekening, ids(GesprekOndertekening, gesprek__traject=t)),
            (GesprekActie, ids(GesprekActie, gesprek__traject=t)),
            (Observatie, ids(Observatie, traject=t)),
            (Eindbeoordeling, ids(Eindbeoordeling, traject=t)),
            (Praktijkverklaring, ids(Praktijkverklaring, traject=t)),
        ]
    )


def _audit(d: Dossier) -> None:
    uit = io.StringIO()
    uit.write("\ufeff")
    writer = csv.writer(uit, delimiter=";")
    writer.writerow(AUDIT_KOLOMMEN)
    for r in audit_rijen(d.traject):
        writer.writerow(
            [
                veilige_celwaarde(w)
                for w in (r.datum, r.organisatie, r.rol, r.actie, r.onderdeel, r.aantal)
            ]
        )
    d.toevoegen(
        "07-auditlog.csv",
        uit.getvalue().encode("utf-8"),
        "Uittreksel uit het auditlog: wie wat wanneer bekeek of wijzigde (CSV)",
    )


def dossier_inhoud(traject: Traject) -> Dossier:
    """Every part of the dossier, the cover sheet first."""
    traject = (
        Traject.objects.select_related(
            "kandidaat__organisatie",
            "kwalificatie",
            "mbo_instelling",
            "consulent",
            "jobcoach",
        )
        .prefetch_related(
            "plaatsingen__leerbedrijf__organisatie",
            "plaatsingen__praktijkopleider",
            "financieringen__betaler",
        )
        .get(pk=traject.pk)
    )
    van, tot = periode(traject)
    context = {
        "traject": traject,
        "van": van,
        "tot": tot,
        "gemaakt_op": timezone.localdate(),
    }
    d = Dossier(traject)
    _overeenkomsten(d)
    _aanwezigheid(d, context)
    _gesprekken(d, context)
    _observaties(d, context)
    _verklaring(d)
    _audit(d)
    voorblad = _pdf(
        "dossier/pdf/voorblad.html",
        {
            **context,
            "financieringen": traject.financieringen.all(),
            "plaatsingen": traject.plaatsingen.all(),
            "delen": [(naam, wat) for naam, _inhoud, wat in d.delen],
            "ontbreekt": d.ontbreekt,
        },
    )
    d.delen.insert(
        0, ("01-voorblad.pdf", voorblad, "Voorblad met de inhoud van dit dossier")
    )
    return d


def dossier_zip(traject: Traject) -> bytes:
    d = dossier_inhoud(traject)
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, inhoud, _wat in d.delen:
            z.writestr(naam, inhoud)
    return uit.getvalue()
