"""Hostile files: spreadsheets that declare more than they hold or unpack to far
more than they weigh, CSVs with NUL bytes or mixed encodings, and PDFs that are
HTML or carry scripts, actions or attachments. Each is refused at upload, quickly,
with a Dutch message, and nothing is kept."""

import io
import re
import time
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from openpyxl import Workbook
from webtest import Upload

from core.models import SpreadsheetImport
from core.spreadsheet import Kolom, lees_tabel
from core.validators import validate_pdf
from kandidaten.importeren import KOLOMMEN as KANDIDAAT_KOLOMMEN
from tests.formulieren import verzenden
from tests.pdf import pdf_met, schone_pdf

KOLOMMEN = [Kolom("naam", True), Kolom("datum", True)]


def xlsx(rijen, *, blad=None, extra: dict[str, bytes] | None = None) -> bytes:
    """An .xlsx made by openpyxl; `blad` rewrites the sheet's XML, `extra` adds parts."""
    werkmap = Workbook()
    for rij in rijen:
        werkmap.active.append(rij)
    uit = io.BytesIO()
    werkmap.save(uit)
    if blad is None and not extra:
        return uit.getvalue()
    nieuw = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(uit.getvalue())) as bron,
        zipfile.ZipFile(nieuw, "w", zipfile.ZIP_DEFLATED) as doel,
    ):
        for item in bron.infolist():
            data = bron.read(item.filename)
            if blad and item.filename == "xl/worksheets/sheet1.xml":
                data = blad(data)
            doel.writestr(item.filename, data)
        for naam, data in (extra or {}).items():
            doel.writestr(naam, data)
    return nieuw.getvalue()


def groot_gedeclareerd(data: bytes) -> bytes:
    """The whole sheet declared as used: A1:XFD1048576."""
    return re.sub(
        rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', data
    )


def met_verre_cel(data: bytes) -> bytes:
    """Declared A1:XFD1048576 and one real cell in the very last row and column."""
    data = groot_gedeclareerd(data)
    return data.replace(
        b"</sheetData>",
        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        b"</sheetData>",
    )


def upload(naam, inhoud):
    return SimpleUploadedFile(naam, inhoud)


def test_declared_dimension_with_a_far_cell_is_refused_within_two_seconds():
    inhoud = xlsx([["naam", "datum"], ["Jan", "01-01-2000"]], blad=met_verre_cel)
    assert b"XFD1048576" in zipfile.ZipFile(io.BytesIO(inhoud)).read(
        "xl/worksheets/sheet1.xml"
    )
    assert len(inhoud) < 10_000  # a tiny file, like the attack's 1,642 bytes

    begin = time.monotonic()
    with pytest.raises(ValidationError, match="te groot of te ingewikkeld"):
        lees_tabel(upload("lijst.xlsx", inhoud), KOLOMMEN)
    assert time.monotonic() - begin < 2


def test_declared_dimension_alone_is_ignored_the_real_rows_are_read():
    inhoud = xlsx([["naam", "datum"], ["Jan", "01-01-2000"]], blad=groot_gedeclareerd)

    begin = time.monotonic()
    tabel = lees_tabel(upload("lijst.xlsx", inhoud), KOLOMMEN)
    assert time.monotonic() - begin < 2
    assert tabel.kolommen == ["naam", "datum"]
    assert tabel.rijen == [(2, {"naam": "Jan", "datum": "01-01-2000"})]


def test_xlsx_that_unpacks_to_too_much_is_refused_before_opening():
    # 40 MB of spaces: a few tens of kB in the zip.
    inhoud = xlsx(
        [["naam", "datum"]], extra={"xl/media/opvulling.xml": b" " * (40 << 20)}
    )
    assert len(inhoud) < 200_000

    begin = time.monotonic()
    with pytest.raises(ValidationError, match="te groot of te ingewikkeld"):
        lees_tabel(upload("lijst.xlsx", inhoud), KOLOMMEN)
    assert time.monotonic() - begin < 2


def test_a_sheet_wider_than_allowed_is_refused():
    kop = ["naam", "datum"] + [f"k{i}" for i in range(200)]
    with pytest.raises(ValidationError, match="meer dan 100 kolommen"):
        lees_tabel(upload("lijst.xlsx", xlsx([kop])), KOLOMMEN)


@pytest.mark.parametrize(
    ("inhoud", "fout"),
    [
        (b"naam;datum\nJan\x00;01-01-2000\n", "onleesbare tekens"),
        ("naam;datum\nJan;1-1-2000\n".encode("utf-16"), "onleesbare tekens"),
        (
            "naam;datum\nJosé;1-1-2000\n".encode() + "Zoë;1-1-2000\n".encode("cp1252"),
            "UTF-8",
        ),
        ("naam;datum\nJos\ufffd;1-1-2000\n".encode(), "andere tekenset"),
    ],
)
def test_csv_with_nul_bytes_or_mixed_encodings_is_refused(inhoud, fout):
    with pytest.raises(ValidationError, match=fout):
        lees_tabel(upload("lijst.csv", inhoud), KOLOMMEN)


def _upload_pagina(app, consulent):
    return app.get(reverse("kandidaten:import_upload"), user=consulent)


@pytest.mark.django_db
def test_csv_with_a_nul_byte_is_refused_at_upload_next_to_the_field(app, consulent):
    kop = ";".join(k.naam for k in KANDIDAAT_KOLOMMEN)
    rij = "Halima\x00;El Amrani;12-04-2003;7511 AB;Enschede"
    response = verzenden(
        _upload_pagina(app, consulent),
        bestand=Upload("kandidaten.csv", f"{kop}\n{rij}\n".encode()),
        consulent=consulent.pk,
        status=200,
    )
    assert "bestand" in response.context["form"].errors
    assert "onleesbare tekens" in response.text
    assert not SpreadsheetImport.objects.exists()


@pytest.mark.django_db
def test_declared_dimension_xlsx_is_refused_at_upload_quickly(app, consulent):
    inhoud = xlsx([[k.naam for k in KANDIDAAT_KOLOMMEN]], blad=met_verre_cel)
    pagina = _upload_pagina(app, consulent)
    begin = time.monotonic()
    response = verzenden(
        pagina, bestand=Upload("lijst.xlsx", inhoud), consulent=consulent.pk, status=200
    )
    assert time.monotonic() - begin < 2
    assert "te groot of te ingewikkeld" in response.text
    assert not SpreadsheetImport.objects.exists()


# --- PDFs ---


@pytest.mark.parametrize(
    ("inhoud", "fout"),
    [
        (pdf_met(javascript=True), "scripts"),
        (pdf_met(open_action=True), "scripts"),
        (pdf_met(bijlage=True), "bijgevoegde bestanden"),
        (
            b"%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n",
            "geen geldig",
        ),
        (schone_pdf() + b"<html><script>alert(1)</script></html>", "geen geldig"),
        (b"%PDF-1.4\nkapot\n%%EOF\n", "geen geldig"),
        (b"<html>%PDF-1.4</html>", "geen geldig"),
    ],
    ids=[
        "javascript",
        "openaction",
        "bijlage",
        "html",
        "html-na-eof",
        "kapot",
        "html-eerst",
    ],
)
def test_validate_pdf_refuses_active_or_fake_pdfs(inhoud, fout):
    with pytest.raises(ValidationError, match=fout):
        validate_pdf(upload("getekend.pdf", inhoud))


def test_validate_pdf_accepts_a_clean_pdf_and_one_made_by_weasyprint():
    from weasyprint import HTML

    validate_pdf(upload("getekend.pdf", schone_pdf()))
    gemaakt = HTML(
        string='<h1>Overeenkomst</h1><p><a href="https://example.org">link</a></p>'
    ).write_pdf()
    validate_pdf(upload("overeenkomst.pdf", gemaakt))


# --- the paper-signed copy of an agreement ---


def _tekenpagina(app, consulent):
    from tests.trajecten.test_traject import genereren, gestart
    from trajecten.models import OvereenkomstVersie

    traject = gestart(consulent)
    genereren(traject, consulent)
    versie = OvereenkomstVersie.objects.get(overeenkomst__soort="opleiding")
    url = reverse("trajecten:ondertekenen", args=[versie.pk])
    return versie, app.get(url, user=consulent)


def _papier_tekenen(pagina, inhoud, status):
    from trajecten.constants import Ondertekenwijze, Partij

    return verzenden(
        pagina,
        partij=Partij.KANDIDAAT,
        naam="Halima Haddou",
        rol="Kandidaat",
        wijze=Ondertekenwijze.PAPIER,
        bestand=Upload("getekend.pdf", inhoud, "application/pdf"),
        status=status,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("inhoud", "fout"),
    [
        (pdf_met(javascript=True), "bevat scripts, automatische acties"),
        (pdf_met(open_action=True), "bevat scripts, automatische acties"),
        (
            b"%PDF-1.4\n<html><body><script>alert(1)</script></body></html>",
            "geen geldig",
        ),
    ],
    ids=["javascript", "openaction", "html-na-pdf-kop"],
)
def test_hostile_signed_copy_is_refused_next_to_the_field(
    app, consulent, settings, tmp_path, inhoud, fout
):
    settings.MEDIA_ROOT = tmp_path
    versie, pagina = _tekenpagina(app, consulent)

    response = _papier_tekenen(pagina, inhoud, status=200)

    assert fout in " ".join(response.context["form"].errors["bestand"])
    assert fout in response.text
    assert not versie.ondertekeningen.exists()
    assert list(tmp_path.rglob("*.pdf"))  # the agreement itself is stored here
    assert not list(tmp_path.rglob("*-kandidaat.pdf"))  # the refused copy is not


@pytest.mark.django_db
def test_clean_signed_copy_is_accepted_and_downloads_as_attachment(
    app, consulent, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    versie, pagina = _tekenpagina(app, consulent)

    _papier_tekenen(pagina, schone_pdf(), status=302)

    ondertekening = versie.ondertekeningen.get()
    download = app.get(
        reverse("trajecten:ondertekening_bestand", args=[ondertekening.pk]),
        user=consulent,
    )
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.body == schone_pdf()
    # The agreement the portal made itself is an attachment as well.
    pdf = app.get(reverse("trajecten:overeenkomst_pdf", args=[versie.pk]))
    assert pdf.headers["Content-Disposition"].startswith("attachment")


@pytest.mark.django_db
def test_catalogus_csv_with_a_nul_byte_is_a_row_error_not_a_500():
    from kwalificaties.importeren import catalogus_controleren, csv_lezen

    tekst = (
        "kwalificatie,crebo,niveau,kerntaak_code,kerntaak_titel,werkproces_code,"
        "werkproces_titel\nKok,25180,2,B1-K1,Koken,B1-K1-W1,Bere\x00iden\n"
    )
    controle = catalogus_controleren(csv_lezen(tekst))

    assert controle.fouten == [
        "Rij 2: de rij bevat onleesbare tekens (sla op als CSV UTF-8)."
    ]
    assert controle.rijen == []
