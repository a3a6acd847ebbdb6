"""Issue 3 in the browser: intake, checklist with the mbo, decision, matching, caseload."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import KANDIDAAT_VRAGEN, axe_violations, login

pytestmark = pytest.mark.e2e


def test_jessica_registers_halima_runs_the_checklist_and_finds_leerbedrijven(
    demo, bewaakte_page, live_server
):
    page = bewaakte_page
    login(page, live_server.url, "jessica")

    # Intake
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Kandidaten"
    ).click()
    page.get_by_role("link", name="Kandidaat aanmelden").click()
    assert axe_violations(page) == []
    page.get_by_label("Voornaam").fill("Halima")
    page.get_by_label("Achternaam").fill("El Amrani")
    page.get_by_label("Geboortedatum").fill("2003-04-12")
    page.get_by_label("Postcode").fill("7511jk")
    page.get_by_label("Gemeente").fill("Enschede")
    page.get_by_label("Aangemeld door").select_option(label="Gemeente")
    page.get_by_label("Uitkering").select_option(label="Participatiewet (bijstand)")
    page.get_by_label("Hoogste opleiding").select_option(
        label="Opleiding in het buitenland"
    )
    page.get_by_role("combobox", name=re.compile("^Startkwalificatie")).select_option(
        label="Geen startkwalificatie"
    )
    page.get_by_label("Statushouder").check()
    page.get_by_label("Gewenst beroep of werk").fill("Naaister")
    page.get_by_label("De kandidaat geeft toestemming").check()
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Halima El Amrani")
    expect(page.get_by_text("Fase: Aangemeld")).to_be_visible()

    # Checklist inclusief advies, together with the mbo-medewerker
    page.get_by_role("link", name="Checklist inclusief advies invullen").click()
    page.get_by_label("Samen met (mbo-medewerker)").select_option(label="Sanne Mulder")
    page.get_by_label("Kwalificatie", exact=True).select_option(label="Entree")
    for vraag, antwoord in KANDIDAAT_VRAGEN.items():
        page.get_by_role("group", name=vraag).get_by_label(antwoord, exact=True).check()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Bekijk het voorstel").click()

    voorstel = page.get_by_role("region", name=re.compile("Voorstel van het portaal"))
    expect(voorstel.get_by_role("heading", level=2)).to_have_text(
        "Voorstel van het portaal: Praktijkverklaring"
    )
    expect(voorstel.get_by_role("listitem").first).to_contain_text(
        "praktijkverklaring past"
    )
    expect(page.get_by_label("Jullie advies")).to_have_value("praktijkverklaring")
    page.get_by_label("Motivatie").fill(
        "Halima leert snel in de praktijk; eerst Entree."
    )
    page.get_by_role("button", name="Advies vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Advies: Praktijkverklaring"
    )
    expect(page.get_by_text("Halima leert snel in de praktijk")).to_be_visible()

    # Matching leerbedrijven for the kwalificatie of the advice
    page.get_by_role("link", name="Halima El Amrani").click()
    page.get_by_role("link", name="Passende leerbedrijven zoeken").click()
    expect(page.get_by_label("Kwalificatie")).to_have_value(re.compile(r"\d+"))
    page.get_by_role("button", name="Zoek leerbedrijven").click()
    resultaten = page.get_by_role("table")
    expect(
        resultaten.get_by_role("link", name="Bakkerij De Korenschoof (demo)")
    ).to_be_visible()
    assert axe_violations(page) == []

    # Halima in Jessica's caseload, in the right phase
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Kandidaten"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn caseload")
    rij = page.get_by_role("row").filter(has_text="Halima El Amrani")
    expect(rij).to_contain_text("Advies gegeven")
    assert axe_violations(page) == []
