"""Issue 4 in the browser: start a traject, make the agreements, sign, go 'lopend'."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import (
    PDF,
    axe_violations,
    login,
    status_kiezen,
    traject_leerbedrijf_kiezen,
    traject_periode_invullen,
    traject_werkprocessen_kiezen,
)

pytestmark = pytest.mark.e2e


def test_jessica_starts_halimas_traject_signs_everything_and_it_runs(
    demo, bewaakte_page, live_server
):
    page = bewaakte_page
    login(page, live_server.url, "jessica")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Kandidaten"
    ).click()
    page.get_by_role("link", name="Halima Haddou").click()
    page.get_by_role("link", name="Traject starten").click()

    traject_werkprocessen_kiezen(
        page,
        [
            "Bereidt (assisterende) werkzaamheden voor",
            "Voert (assisterende) werkzaamheden uit",
        ],
    )
    traject_leerbedrijf_kiezen(page, "Confectieatelier De Naald (demo)", "Ria Draad")
    # The demo without trajecten has no advice for Halima: the form asks why.
    traject_periode_invullen(
        page,
        "2026-12-01",
        "2027-08-31",
        zonder_advies="Het atelier heeft nu een plek; de checklist volgt deze week.",
    )
    assert axe_violations(page) == []
    page.get_by_role("button", name="Traject starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Traject van Halima Haddou"
    )
    expect(page.get_by_text("Status: Plaatsing voorbereid")).to_be_visible()

    # A move whose conditions are not met is refused with a Dutch message.
    status_kiezen(page, "Overeenkomsten getekend")
    expect(page.get_by_role("status").first).to_contain_text("nog niet gemaakt")

    page.get_by_role("button", name="Overeenkomsten maken").click()
    overeenkomsten = page.get_by_role("region", name="Overeenkomsten")
    expect(overeenkomsten.get_by_role("link", name="Versie 1 (PDF)")).to_have_count(3)
    assert axe_violations(page) == []

    # Every party signs every agreement: Jessica accepts for the gemeente in the
    # portal, the others signed on paper and she uploads the PDFs.
    for _ in range(8):
        link = overeenkomsten.get_by_role(
            "link", name=re.compile("^Handtekening")
        ).first
        verwijzer = "gemeente of uwv" in link.inner_text().lower()
        link.click()
        page.get_by_label("Naam van wie tekende").fill(
            "Jessica Smit" if verwijzer else "Getekend"
        )
        page.get_by_label("Rol of functie").fill(
            "Klantmanager" if verwijzer else "Partij"
        )
        if verwijzer:
            page.get_by_label("Akkoord gegeven in het portaal").check()
        else:
            page.get_by_label("Op papier getekend (PDF geüpload)").check()
            page.get_by_label("Getekende PDF").set_input_files(PDF)
        page.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Traject van Halima Haddou"
        )
    expect(page.get_by_text("Alle overeenkomsten zijn getekend.")).to_be_visible()

    status_kiezen(page, "Overeenkomsten getekend")
    status_kiezen(page, "Lopend")
    expect(page.get_by_text("Status: Lopend")).to_be_visible()
    expect(page.get_by_role("table", name="Statuswijzigingen")).to_contain_text(
        "Overeenkomsten getekend → Lopend"
    )
