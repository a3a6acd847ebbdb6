"""Issue 14, item 10 in the browser: from a match to a created traject."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login, traject_periode_invullen
from trajecten.models import Traject

pytestmark = pytest.mark.e2e


def test_jessica_starts_a_traject_from_a_match(demo, bewaakte_page, live_server):
    page = bewaakte_page
    login(page, live_server.url, "jessica")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Kandidaten"
    ).click()
    page.get_by_role("link", name="Halima Haddou").click()
    page.get_by_role("link", name="Passende leerbedrijven zoeken").click()
    page.get_by_label("Kwalificatie").select_option(label="Entree")
    page.get_by_role("button", name="Zoek leerbedrijven").click()

    expect(page.get_by_text("Zo staan de bedrijven op volgorde")).to_be_visible()
    rij = page.get_by_role("table").get_by_role("row").nth(1)
    # The demo loads the fictional postcode centroids: a distance or the gemeente.
    expect(rij).to_contain_text(re.compile(r"ca\. \d+ km|In Enschede"))
    leerbedrijf = rij.get_by_role("link").first.inner_text()
    assert axe_violations(page) == []
    rij.get_by_role("link", name="Traject starten bij dit leerbedrijf").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Traject starten voor Halima Haddou"
    )
    expect(page.get_by_text("Ingevuld vanuit de match met")).to_contain_text(
        leerbedrijf
    )
    keuze = page.get_by_role("combobox", name=re.compile("^Leerbedrijf"))
    expect(keuze.locator("option:checked")).to_have_text(leerbedrijf)
    expect(page.get_by_label("Kwalificatie").locator("option:checked")).to_have_text(
        re.compile("Entree")
    )
    opleider = page.get_by_label("Praktijkopleider")
    if not opleider.input_value():  # more than one opleider: choose one
        waarde = opleider.locator(
            "option", has_text=f"({leerbedrijf})"
        ).first.get_attribute("value")
        opleider.select_option(value=waarde)
    if not page.locator("input[name=werkprocessen]:checked").count():
        page.locator("input[name=werkprocessen]").first.check()
    traject_periode_invullen(
        page,
        "2026-12-01",
        "2027-08-31",
        zonder_advies="Het bedrijf heeft nu een plek; de checklist volgt.",
    )
    assert axe_violations(page) == []
    page.get_by_role("button", name="Traject starten").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Traject van Halima Haddou"
    )
    traject = Traject.objects.get(kandidaat__achternaam="Haddou")
    assert traject.plaatsingen.get().leerbedrijf.organisatie.naam == leerbedrijf
    assert traject.zonder_advies_reden.startswith("Het bedrijf heeft nu een plek")
