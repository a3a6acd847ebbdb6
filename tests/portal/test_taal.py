"""Dutch on the page: months as words, periods as the setting says, plurals right."""

import datetime

from django.urls import reverse

import pytest

from core.spreadsheet import FOUT, NIEUW, Rijresultaat, Voorbeeld
from tests.factories.leerbedrijven import ContactmomentFactory, LeerbedrijfFactory

pytestmark = pytest.mark.django_db


def test_leerbedrijf_page_writes_dates_in_dutch(app, consulent):
    leerbedrijf = LeerbedrijfFactory()
    ContactmomentFactory(leerbedrijf=leerbedrijf, datum=datum(2026, 3, 6))

    pagina = app.get(
        reverse("leerbedrijven:leerbedrijf_detail", args=[leerbedrijf.pk]),
        user=consulent,
    )

    assert "6 maart 2026" in pagina
    assert "Mar" not in pagina.text


def datum(*args):
    return datetime.date(*args)


@pytest.mark.parametrize(
    ("url", "maanden"),
    [("kennisbank:item_list", 12), ("organisaties:netwerk", 6)],
)
def test_check_period_is_said_in_months(app, coordinator, url, maanden):
    pagina = app.get(reverse(url), user=coordinator)

    assert f"langer dan {maanden} maanden niet gecontroleerd" in pagina
    assert "weken" not in pagina.text


def test_import_summary_counts_one_error_in_the_singular():
    voorbeeld = Voorbeeld(
        rijen=[Rijresultaat(rij=2, actie=NIEUW), Rijresultaat(rij=3, actie=FOUT)]
    )

    assert voorbeeld.samenvatting == "1 nieuw, 0 bijwerken, 1 fout"
