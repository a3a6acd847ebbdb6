"""Issue 14, item 5 in Chromium at 360 px: the praktijkopleider goes from his home page
to the observation page in one tap and records a werkproces with 11
gedragsvoorbeelden in a few taps; what he tapped survives a dropped connection."""

import pytest
from playwright.sync_api import expect

from leerbedrijven.models import Contactpersoon
from tests.e2e.conftest import TELEFOON, axe_violations, login
from tests.factories.leerbedrijven import werkprocessen
from tests.factories.verklaringen import traject_met_opleider
from verklaringen.models import Gedragsvoorbeeld

pytestmark = pytest.mark.e2e

WACHTWOORD = "plpv-telefoon-7"

# Counts every real tap (pointerdown) of the page in sessionStorage, so the count
# survives the page loads between the home page and the saved observation.
TELLER = """
window.addEventListener("pointerdown", () => {
  sessionStorage.setItem("tikken", String(Number(sessionStorage.getItem("tikken") || 0) + 1));
}, true);
"""


@pytest.fixture
def opleider_met_elf(transactional_db):
    """A lopend traject with one werkproces whose leerbedrijf has 11 gedragsvoorbeelden
    of its own; returns (traject, opleider account, the 11 in order)."""
    werkproces = werkprocessen()[0]
    traject, opleider = traject_met_opleider(werkprocessen=[werkproces])
    opleider.set_password(WACHTWOORD)
    opleider.save()
    leerbedrijf = Contactpersoon.objects.get(account=opleider).leerbedrijf
    elf = [
        Gedragsvoorbeeld.objects.create(
            werkproces=werkproces,
            leerbedrijf=leerbedrijf,
            tekst=f"Voorbeeld {i}: doet deze stap van het werk zoals afgesproken.",
            volgorde=i,
        )
        for i in range(1, 12)
    ]
    return traject, opleider, elf


def axe_na_overgangen(page) -> list[dict]:
    """axe once the buttons' colour transitions have ended (a level set by the
    script is mid-fade for 0.15 s, which axe would measure)."""
    page.wait_for_function("() => document.getAnimations().length === 0")
    return axe_violations(page)


def tikken(page) -> int:
    return int(page.evaluate("Number(sessionStorage.getItem('tikken') || 0)"))


def test_eleven_gedragsvoorbeelden_in_five_taps_from_the_home_page(
    opleider_met_elf, bewaakte_page, live_server
):
    traject, opleider, elf = opleider_met_elf
    page, base = bewaakte_page, live_server.url
    page.set_viewport_size(TELEFOON)
    login(page, base, opleider.username, WACHTWOORD)

    # Home: a card for the candidate, with what waits (the 0-meting).
    kaart = page.locator("article", has_text=str(traject.kandidaat))
    expect(kaart).to_contain_text("Nog geen observatie")
    expect(kaart.get_by_role("link", name="0-meting vastleggen")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= TELEFOON["width"]
    assert axe_violations(page) == []

    page.add_init_script(TELLER)
    page.evaluate(TELLER)
    # Tap 1: from the card straight to the observation page.
    kaart.get_by_role("link", name="Observatie vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("0-meting")
    assert page.evaluate("document.documentElement.scrollWidth") <= TELEFOON["width"]
    # Taps 2-3: the two that differ; tap 4: the rest of the werkproces at once.
    vragen = page.locator("fieldset.observatie-vraag")
    expect(vragen).to_have_count(11)
    vragen.nth(0).get_by_text("Zelfstandig", exact=True).click()
    vragen.nth(1).get_by_text("Nog niet", exact=True).click()
    page.locator("[data-snel]").get_by_role("button", name="Met hulp").click()
    expect(page.locator("[data-teller]")).to_have_text("11 van 11 ingevuld")
    assert axe_na_overgangen(page) == []
    # Tap 5: save.
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De observatie is opgeslagen.")).to_be_visible()

    # Before: 11 levels and Opslaan on a page of four screens (12 taps), after
    # finding the page through the menu; now 5 from the home page.
    assert tikken(page) == 5
    niveaus = {
        s.gedragsvoorbeeld_id: s.niveau for s in traject.observaties.get().scores.all()
    }
    assert niveaus == {
        gv.pk: {0: "zelfstandig", 1: "nog_niet"}.get(i, "met_hulp")
        for i, gv in enumerate(elf)
    }


def test_taps_survive_a_dropped_connection_until_they_are_saved(
    opleider_met_elf, bewaakte_page, live_server
):
    traject, opleider, elf = opleider_met_elf
    page, base = bewaakte_page, live_server.url
    page.set_viewport_size(TELEFOON)
    login(page, base, opleider.username, WACHTWOORD)
    url = f"{base}/verklaringen/traject/{traject.pk}/observatie/"
    page.goto(url)
    vragen = page.locator("fieldset.observatie-vraag")
    vragen.nth(0).get_by_text("Met hulp", exact=True).click()
    vragen.nth(2).get_by_text("Zelfstandig", exact=True).click()
    vragen.nth(2).locator("summary").click()
    vragen.nth(2).get_by_label("Notitie (kort, niet verplicht)").fill("Vraagt zelf")
    expect(page.locator("[data-teller]")).to_have_text("2 van 11 ingevuld")

    # The connection drops: the save never arrives, the phone reloads the page.
    page.context.set_offline(True)
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_load_state()
    page.context.set_offline(False)
    page.console_fouten.clear()  # the browser's own offline error page
    assert not traject.observaties.exists()
    page.goto(url)

    melding = page.get_by_role("status")
    expect(melding).to_contain_text("Je keuzes van de vorige keer staan er weer.")
    expect(vragen.nth(0).get_by_role("radio", name="Met hulp")).to_be_checked()
    expect(vragen.nth(2).get_by_role("radio", name="Zelfstandig")).to_be_checked()
    expect(vragen.nth(2).get_by_label("Notitie (kort, niet verplicht)")).to_have_value(
        "Vraagt zelf"
    )
    expect(page.locator("[data-teller]")).to_have_text("2 van 11 ingevuld")
    assert axe_na_overgangen(page) == []

    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De observatie is opgeslagen.")).to_be_visible()
    scores = {
        s.gedragsvoorbeeld_id: (s.niveau, s.notitie)
        for s in traject.observaties.get().scores.all()
    }
    assert scores == {
        elf[0].pk: ("met_hulp", ""),
        elf[2].pk: ("zelfstandig", "Vraagt zelf"),
    }
    # Saved: the draft is gone from the phone, and the next visit starts empty.
    assert (
        page.evaluate(
            "Object.keys(localStorage).filter(k => k.startsWith('plpv-observatie:'))"
        )
        == []
    )
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tussenresultaat")
    expect(page.locator("[data-concept-melding]")).to_be_hidden()
    expect(page.locator("input[type=radio]:checked")).to_have_count(0)


def test_wiping_the_draft_starts_again(opleider_met_elf, bewaakte_page, live_server):
    traject, opleider, _elf = opleider_met_elf
    page, base = bewaakte_page, live_server.url
    page.set_viewport_size(TELEFOON)
    login(page, base, opleider.username, WACHTWOORD)
    url = f"{base}/verklaringen/traject/{traject.pk}/observatie/"
    page.goto(url)
    page.locator("fieldset.observatie-vraag").first.get_by_text("Nog niet").click()
    page.goto(url)
    page.get_by_role("button", name="Keuzes wissen").click()
    expect(page.locator("input[type=radio]:checked")).to_have_count(0)
    page.goto(url)
    expect(page.locator("[data-concept-melding]")).to_be_hidden()
    expect(page.locator("input[type=radio]:checked")).to_have_count(0)
