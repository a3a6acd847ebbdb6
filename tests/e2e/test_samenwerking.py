import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login

pytestmark = pytest.mark.e2e


def test_coordinator_fills_the_regional_scan_and_sees_the_change(
    demo, bewaakte_page, live_server
):
    page = bewaakte_page
    login(page, live_server.url, "coordinator")
    page.goto(live_server.url + "/samenwerking/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Samenwerking in de regio"
    )
    # The demo's two versions: the change since last time, in a table.
    tabel = page.get_by_role("table", name=re.compile("^Fase per onderdeel nu"))
    proces = tabel.get_by_role("row", name=re.compile("^Proces"))
    expect(proces).to_contain_text("Fase 3 van 5")
    expect(proces).to_contain_text("Hoger (+1)")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Nieuwe scan invullen voor Twente").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Twente")
    expect(page.get_by_text("Dit wordt versie 3")).to_be_visible()
    monitoring = page.get_by_role("group", name=re.compile("^Monitoring en sturing"))
    expect(monitoring.get_by_role("radio", name=re.compile("^Fase 2:"))).to_be_checked()
    assert axe_violations(page) == []

    # A required agreement left empty: a message next to it, nothing saved.
    monitoring.get_by_role("radio", name=re.compile("^Fase 4:")).check()
    page.get_by_label("Wie betaalt wat?").fill("")
    page.get_by_role("button", name="Scan opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Er is niets opgeslagen")
    expect(
        page.locator(".scan-vraag").filter(has_text="Wie betaalt wat?")
    ).to_contain_text("Beantwoord deze vraag.")
    assert axe_violations(page) == []

    page.get_by_label("Wie betaalt wat?").fill("Gemeenten en UWV samen, per traject.")
    expect(monitoring.get_by_role("radio", name=re.compile("^Fase 4:"))).to_be_checked()
    page.get_by_role("button", name="Scan opslaan").click()
    expect(
        page.get_by_text("Versie 3 van de scan voor Twente is opgeslagen.")
    ).to_be_visible()
    tabel = page.get_by_role("table", name=re.compile("^Fase per onderdeel"))
    expect(
        tabel.get_by_role("row", name=re.compile("^Monitoring en sturing"))
    ).to_contain_text("Hoger (+2)")
    expect(tabel.get_by_role("row", name=re.compile("^Proces"))).to_contain_text(
        "Gelijk"
    )
    expect(page.get_by_text("Gemeenten en UWV samen, per traject.")).to_be_visible()
    assert axe_violations(page) == []
