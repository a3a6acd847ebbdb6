"""Issue 16, point 4 in Chromium at 360 px: the candidate logs in with the printed code
and their date of birth, signs a progress meeting and reads their own pages: no WCAG violations, nothing wider
than the phone, nothing from other hosts. And the issue's "Done when": a candidate
opens the link the consulent mailed, sees their progress, downloads their
praktijkverklaring, gets 404 for another candidate's, and the link works once."""

import re
from pathlib import Path

from django.core import mail
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from mijn.services import code_opmaken, toegang_code_maken, toegang_link_versturen
from tests.e2e.conftest import TELEFOON, axe_violations
from tests.factories.verklaringen import (
    alles_beoordelen,
    mbo_van,
    traject_met_opleider,
)
from tests.factories.voortgang import GesprekActieFactory, VoortgangsgesprekFactory
from tests.pdf import pdftekst_pad
from tests.verklaringen.test_verklaring_views import uitgereikt
from verklaringen.constants import Niveau, ObservatieSoort
from verklaringen.selectors import gedragsvoorbeelden_voor
from verklaringen.services import (
    beoordeling_goedkeuren,
    beoordeling_indienen,
    observatie_vastleggen,
    verklaring_pdf_maken,
    verklaring_uitreiken,
)

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


def _verklaring_na_observatie():
    """A praktijkverklaring of a traject whose praktijkopleider first observed every
    gedragsvoorbeeld (the first of each werkproces 'zelfstandig', the others 'met
    hulp'), with its real PDF."""
    traject, opleider = traject_met_opleider()
    scores = {
        gv.pk: (Niveau.ZELFSTANDIG if i == 0 else Niveau.MET_HULP, "")
        for voorbeelden in gedragsvoorbeelden_voor(traject).values()
        for i, gv in enumerate(voorbeelden)
    }
    observatie_vastleggen(
        traject=traject,
        door=opleider,
        datum=timezone.localdate(),
        soort=ObservatieSoort.TUSSENRESULTAAT,
        scores=scores,
    )
    alles_beoordelen(traject, opleider)
    beoordeling_indienen(traject=traject, door=opleider)
    mbo = mbo_van(traject)
    beoordeling_goedkeuren(traject=traject, door=mbo)
    v = verklaring_uitreiken(
        traject=traject,
        door=mbo,
        plaats="Enschede",
        verificatie_basis="http://testserver",
    )
    return verklaring_pdf_maken(verklaring_id=v.pk)


@pytest.fixture
def twee_kandidaten(transactional_db):
    """Two candidates with a praktijkverklaring each; the first has an e-mail
    address and observed gedragsvoorbeelden."""
    cache.clear()  # the failure counter per address starts at zero
    eigen = _verklaring_na_observatie()
    kandidaat = eigen.traject.kandidaat
    kandidaat.email = "eva@example.org"
    kandidaat.save(update_fields=["email"])
    ander, _opleider, _mbo = uitgereikt()
    ander.pdf.save("verklaring.pdf", ContentFile(b"%PDF-1.4 van een ander"))
    yield eigen, ander
    cache.clear()


def test_the_candidate_opens_the_mailed_link_and_downloads_their_verklaring(
    twee_kandidaten, bewaakte_page, live_server, tmp_path
):
    eigen, ander = twee_kandidaten
    kandidaat = eigen.traject.kandidaat
    # The consulent sends the one-time link; the candidate gets it by e-mail.
    toegang_link_versturen(
        kandidaat=kandidaat, door=kandidaat.consulent, basis_url=live_server.url
    )
    (bericht,) = mail.outbox
    assert bericht.to == ["eva@example.org"]
    link = re.search(r"http://\S+/mijn/link/\S+/", bericht.body).group(0)
    page = bewaakte_page
    page.set_viewport_size(TELEFOON)

    page.goto(link)
    past_op_telefoon(page)
    page.get_by_label("Wat is je geboortedatum?").fill(
        kandidaat.geboortedatum.isoformat()
    )
    page.get_by_role("button", name="Verder").click()
    expect(
        page.get_by_role("heading", name=f"Hallo {kandidaat.voornaam}")
    ).to_be_visible()
    past_op_telefoon(page)

    # My progress: every gedragsvoorbeeld with the level the opleider saw, in words.
    page.get_by_role("link", name="Wat ik kan", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Wat ik kan")).to_be_visible()
    for wp_pk, voorbeelden in gedragsvoorbeelden_voor(eigen.traject).items():
        regels = page.locator(f"section[aria-labelledby='kop-wp-{wp_pk}'] li")
        expect(regels).to_have_count(len(voorbeelden))
        for i, gv in enumerate(voorbeelden):
            expect(regels.nth(i)).to_contain_text(gv.tekst)
            niveau = "Dit kun je zelf" if i == 0 else "Dit kun je met hulp"
            expect(regels.nth(i)).to_contain_text(niveau)
    expect(page.get_by_text("Nog niet bekeken")).to_have_count(0)
    past_op_telefoon(page)

    # My praktijkverklaring: the PDF downloads and is mine.
    page.get_by_role("link", name="Mijn verklaringen", exact=True).click()
    expect(
        page.get_by_role("heading", level=1, name="Mijn praktijkverklaringen")
    ).to_be_visible()
    past_op_telefoon(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download de verklaring (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == f"praktijkverklaring-{eigen.nummer}.pdf"
    pad = tmp_path / download.suggested_filename
    download.save_as(pad)
    assert Path(pad).read_bytes()[:5] == b"%PDF-"
    tekst = pdftekst_pad(pad)
    assert eigen.nummer in tekst
    assert kandidaat.achternaam in tekst

    # Another candidate's verklaring: not found, as if it did not exist.
    antwoord = page.request.get(f"{live_server.url}/mijn/verklaringen/{ander.pk}/pdf/")
    assert antwoord.status == 404
    assert b"%PDF" not in antwoord.body()

    # The link worked once: opened again (in a new session) it gets the plain page.
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", name="Je bent uitgelogd")).to_be_visible()
    page.goto(link)
    expect(page.get_by_role("heading", name="werkt niet meer")).to_be_visible()
    past_op_telefoon(page)
    # That page answers 404, which Chromium logs as a console error: the one expected.
    assert all("404" in f for f in page.console_fouten)
    page.console_fouten.clear()
