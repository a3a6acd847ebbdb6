"""Issue 7: reading uploaded spreadsheets and the template download."""

import datetime
import io

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from openpyxl import Workbook, load_workbook

from core import spreadsheet
from core.spreadsheet import Kolom, lees_datum, lees_keuze, lees_tabel

KOLOMMEN = [Kolom("naam", True, "Jan"), Kolom("datum", True), Kolom("extra")]


def xlsx(rijen) -> bytes:
    werkmap = Workbook()
    for rij in rijen:
        werkmap.active.append(rij)
    uit = io.BytesIO()
    werkmap.save(uit)
    return uit.getvalue()


def upload(naam, inhoud):
    return SimpleUploadedFile(naam, inhoud)


def test_lees_tabel_reads_xlsx_with_dates_and_numbers():
    inhoud = xlsx(
        [
            ["Naam", "Datum", "Extra"],
            ["Jan", datetime.date(2003, 4, 12), 12345678.0],
            [None, None, None],
            ["Piet", "01-02-2000", None],
        ]
    )
    tabel = lees_tabel(upload("lijst.xlsx", inhoud), KOLOMMEN)

    assert tabel.kolommen == ["naam", "datum", "extra"]
    assert tabel.rijen == [
        (2, {"naam": "Jan", "datum": "2003-04-12", "extra": "12345678"}),
        (4, {"naam": "Piet", "datum": "01-02-2000", "extra": ""}),
    ]


@pytest.mark.parametrize("scheiding", [";", ","])
@pytest.mark.parametrize("bom", ["\ufeff", ""])
def test_lees_tabel_reads_csv_with_either_separator_and_bom(scheiding, bom):
    tekst = f"{bom}naam{scheiding}datum\nJosé{scheiding}12-04-2003\n"
    tabel = lees_tabel(upload("lijst.csv", tekst.encode()), KOLOMMEN)

    assert tabel.rijen == [(2, {"naam": "José", "datum": "12-04-2003"})]


@pytest.mark.parametrize(
    ("naam", "inhoud", "fout"),
    [
        ("lijst.pdf", b"%PDF", "Kies een Excel-bestand"),
        (
            "lijst.csv",
            b"naam;extra\nJan;x\n",
            "kolommen ontbreken in de eerste rij: datum",
        ),
        ("lijst.csv", b"", "leeg"),
        ("lijst.csv", "naam;datum\nJé;1\n".encode("latin-1"), "UTF-8"),
        ("lijst.xlsx", b"geen excel", "kan niet gelezen worden"),
    ],
)
def test_lees_tabel_refuses_bad_files_in_dutch(naam, inhoud, fout):
    with pytest.raises(ValidationError, match=fout):
        lees_tabel(upload(naam, inhoud), KOLOMMEN)


def test_lees_tabel_refuses_more_than_2000_rows():
    tekst = "naam;datum\n" + "Jan;1-1-2000\n" * 2001
    with pytest.raises(ValidationError, match="meer dan 2000 rijen"):
        lees_tabel(upload("lijst.csv", tekst.encode()), KOLOMMEN)


def test_lees_tabel_refuses_files_over_5_mb(monkeypatch):
    monkeypatch.setattr(spreadsheet, "MAX_BESTAND_BYTES", 10)
    with pytest.raises(ValidationError, match="groter dan 5 MB"):
        lees_tabel(upload("lijst.csv", b"naam;datum\nJan;1-1-2000\n"), KOLOMMEN)


@pytest.mark.parametrize(
    ("waarde", "datum"),
    [
        ("12-04-2003", datetime.date(2003, 4, 12)),
        ("2003-04-12", datetime.date(2003, 4, 12)),
        ("1/2/2000", datetime.date(2000, 2, 1)),
        ("", None),
    ],
)
def test_lees_datum_accepts_dutch_and_iso(waarde, datum):
    assert lees_datum(waarde) == datum


def test_lees_datum_and_keuze_explain_the_error():
    with pytest.raises(ValidationError, match="dd-mm-jjjj"):
        lees_datum("31-02-2003")
    keuzes = [("ww", "WW"), ("zw", "Ziektewet")]
    assert lees_keuze("ziektewet", keuzes) == "zw"
    assert lees_keuze("WW", keuzes) == "ww"
    with pytest.raises(ValidationError, match="Onbekende waarde 'bijstand'"):
        lees_keuze("bijstand", keuzes)


def test_sjabloon_response_opens_with_openpyxl():
    response = spreadsheet.sjabloon_response("test", KOLOMMEN)

    werkmap = load_workbook(io.BytesIO(response.content))
    rijen = list(werkmap["Import"].iter_rows(values_only=True))
    assert rijen[0] == ("naam", "datum", "extra")
    assert rijen[1][0] == "Jan"
    assert "attachment" in response["Content-Disposition"]


def test_damaged_files_and_huge_cells_give_a_dutch_error_not_a_500():
    import io
    import zipfile

    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.spreadsheet import lees_tabel
    from kandidaten.importeren import KOLOMMEN

    groot = "voornaam;achternaam\n" + "x" * 200_000 + ";y\n"
    with pytest.raises(ValidationError):
        lees_tabel(SimpleUploadedFile("a.csv", groot.encode()), KOLOMMEN)

    buffer = io.BytesIO()
    from openpyxl import Workbook

    Workbook().save(buffer)
    kapot = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as bron,
        zipfile.ZipFile(kapot, "w") as doel,
    ):
        for item in bron.infolist():
            data = bron.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                data = data[: len(data) // 2]
            doel.writestr(item, data)
    with pytest.raises(ValidationError):
        lees_tabel(SimpleUploadedFile("a.xlsx", kapot.getvalue()), KOLOMMEN)
