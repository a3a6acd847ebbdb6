"""Issue 7 in the browser: Jessica imports candidates from a CSV file."""

import pytest
from playwright.sync_api import expect

from kandidaten.models import Kandidaat
from tests.e2e.conftest import axe_violations, login

pytestmark = pytest.mark.e2e

CSV = (
    "\ufeffvoornaam;achternaam;geboortedatum;postcode;woonplaats;uitkering;"
    "hoogste_opleiding;startkwalificatie;toestemming_op\n"
    "Import;Eén;12-04-2001;7511 AB;Enschede;WW;Vmbo;geen;01-03-2025\n"
    "Import;Twee;2002-05-06;7512cd;Hengelo;Participatiewet (bijstand);mbo1;geen;"
    "01-03-2025\n"
)


def test_jessica_imports_candidates_from_csv(demo, bewaakte_page, live_server):
    page = bewaakte_page
    login(page, live_server.url, "jessica")
    page.goto(live_server.url + "/kandidaten/")
    page.get_by_role("link", name="Importeren").click()
    assert axe_violations(page) == []
    page.get_by_label("Bestand (.xlsx of .csv)").set_input_files(
        files=[
            {"name": "kandidaten.csv", "mimeType": "text/csv", "buffer": CSV.encode()}
        ]
    )
    page.get_by_role("button", name="Bestand controleren").click()

    expect(page.get_by_text("2 nieuw, 0 bijwerken, 0 fouten")).to_be_visible()
    expect(page.get_by_role("row", name="3 Nieuw Import Twee Geen")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Bevestigen").click()

    expect(page.get_by_text("Import klaar: 2 nieuw, 0 bijgewerkt.")).to_be_visible()
    expect(page.get_by_role("link", name="Import Twee")).to_be_visible()
    assert Kandidaat.objects.filter(voornaam="Import").count() == 2
