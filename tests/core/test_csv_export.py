"""Exports neutralise every cell, whatever its type: no formula injection via CSV or XLSX."""

import csv
import datetime
import io
from decimal import Decimal

from django.urls import reverse

import pytest
from openpyxl import load_workbook

from core.csv_export import csv_response, veilige_celwaarde, xlsx_response
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.trajecten import TrajectFactory

GEVAARLIJK = ["=", "+", "-", "@", "\t", "\r"]


class Naamdrager:
    """Not a string: like a model instance in an export row, neutralised via str()."""

    def __init__(self, tekst):
        self.tekst = tekst

    def __str__(self):
        return self.tekst


def csv_cellen(response) -> list[list[str]]:
    tekst = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(tekst, newline=""), delimiter=";"))


def xlsx_blad(response):
    return load_workbook(io.BytesIO(response.content)).active


def assert_geneutraliseerd(waarde, teken, rest):
    # XML reads a stored CR back as LF; what matters is the apostrophe in front.
    assert waarde[0] == "'"
    assert waarde[1] == teken.replace("\r", "\n")
    assert waarde[2:] == rest


@pytest.mark.parametrize("teken", GEVAARLIJK)
def test_an_object_whose_text_starts_a_formula_is_neutralised(teken):
    assert veilige_celwaarde(Naamdrager(f"{teken}1+1")) == f"'{teken}1+1"
    assert veilige_celwaarde(f"{teken}1+1") == f"'{teken}1+1"


def test_typed_values_stay_typed_and_plain_text_stays_as_is():
    vandaag = datetime.date(2026, 1, 2)
    for waarde in (None, -5, 2.5, Decimal("-1.5"), True, vandaag):
        assert veilige_celwaarde(waarde) == waarde
    assert veilige_celwaarde("Halima") == "Halima"


def test_a_control_character_cannot_hide_a_formula():
    # \x0b is dropped (XLSX refuses it) before the check, so "=" is still caught.
    assert veilige_celwaarde("\x0b=1+1") == "'=1+1"


@pytest.mark.parametrize("teken", GEVAARLIJK)
def test_csv_and_xlsx_write_no_formula_from_an_object(teken):
    rijen = [[Naamdrager(f"{teken}HYPERLINK()"), 3]]

    cellen = csv_cellen(csv_response("x", ["Naam", "Aantal"], rijen))
    assert cellen[1] == [f"'{teken}HYPERLINK()", "3"]

    blad = xlsx_blad(xlsx_response("x", ["Naam", "Aantal"], rijen))
    assert_geneutraliseerd(blad["A2"].value, teken, "HYPERLINK()")
    assert blad["A2"].data_type == "s"
    assert blad["B2"].value == 3


@pytest.mark.django_db
@pytest.mark.parametrize("teken", GEVAARLIJK)
def test_trajecten_export_neutralises_the_candidates_name(client, consulent, teken):
    kandidaat = KandidaatFactory(
        consulent=consulent, voornaam=f"{teken}HYPERLINK(x)", achternaam="Bakker"
    )
    TrajectFactory(kandidaat=kandidaat)
    client.force_login(consulent)
    url = reverse("trajecten:traject_list")

    cellen = csv_cellen(client.get(url, {"export": "csv"}))
    assert cellen[1][0] == f"'{teken}HYPERLINK(x) Bakker"

    blad = xlsx_blad(client.get(url, {"export": "xlsx"}))
    assert_geneutraliseerd(blad["A2"].value, teken, "HYPERLINK(x) Bakker")
    assert blad["A2"].data_type == "s"
