"""Issue 16, point 4 in Chromium at 360 px: the candidate logs in with the printed code
and their date of birth, signs a progress meeting and reads their own pages: no WCAG violations, nothing wider
than the phone, nothing from other hosts."""

from django.core.files.base import ContentFile

import pytest
from playwright.sync_api import expect

from mijn.services import code_opmaken, toegang_code_maken
from tests.e2e.conftest import TELEFOON, axe_violations
from tests.factories.voortgang import GesprekActieFactory, VoortgangsgesprekFactory
from tests.verklaringen.test_verklaring_views import uitgereikt

pytestmark = pytest.mark.e2e


@pytest.fixture
def kandidaat_met_code(transactional_db):
    v, _opleider, _mbo = uitgereikt()
    v.pdf.save("verklaring.pdf", ContentFile(b"%PDF-1.4 proef"))
    kandidaat = v.traject.kandidaat
    gesprek = VoortgangsgesprekFactory(
        traject=v.traject, afspraken="Elke dag om 8 uur beginnen."
    )
    GesprekActieFactory(gesprek=gesprek, omschrijving="Werkschoenen kopen")
    nieuw = toegang_code_maken(kandidaat=kandidaat, door=kandidaat.consulent)
    return kandidaat, code_opmaken(nieuw.sleutel)


def past_op_telefoon(page) -> None:
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= TELEFOON["width"], f"{page.url} is {breedte} px wide"
    assert axe_violations(page) == [], page.url


def test_the_candidate_reads_their_pages_on_a_phone(
    kandidaat_met_code, bewaakte_page, live_server
):
    kandidaat, code = kandidaat_met_code
    page = bewaakte_page
    page.set_viewport_size(TELEFOON)

    page.goto(live_server.url + "/mijn/code/")
    past_op_telefoon(page)
    page.get_by_label("Je code").fill(code)
    page.get_by_label("Wat is je geboortedatum?").fill(
        kandidaat.geboortedatum.isoformat()
    )
    page.get_by_role("button", name="Inloggen").click()

    expect(
        page.get_by_role("heading", name=f"Hallo {kandidaat.voornaam}")
    ).to_be_visible()
    past_op_telefoon(page)
    page.get_by_role("button", name="Ik teken dit gesprek").click()
    expect(page.get_by_text("Je hebt dit gesprek getekend.")).to_be_visible()
    past_op_telefoon(page)
    for link, kop in [
        ("Wat ik kan", "Wat ik kan"),
        ("Mijn verklaringen", "Mijn praktijkverklaringen"),
        ("Mijn gegevens", "Mijn gegevens"),
    ]:
        page.get_by_role("link", name=link, exact=True).click()
        expect(page.get_by_role("heading", level=1, name=kop)).to_be_visible()
        past_op_telefoon(page)
    expect(page.get_by_text("U zelf (kandidaat)").first).to_be_visible()

    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", name="Je bent uitgelogd")).to_be_visible()
    # The code worked once: the same code again gets the one plain page.
    page.goto(live_server.url + "/mijn/code/")
    page.get_by_label("Je code").fill(code)
    page.get_by_label("Wat is je geboortedatum?").fill(
        kandidaat.geboortedatum.isoformat()
    )
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="werkt niet meer")).to_be_visible()
    past_op_telefoon(page)
    # That page answers 404, which Chromium logs as a console error: the one expected.
    assert all("404" in f for f in page.console_fouten)
    page.console_fouten.clear()
