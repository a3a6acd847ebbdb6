"""The bell and the notifications page in Chromium: count, mark read, WCAG."""

import pytest
from playwright.sync_api import expect

from meldingen.services import melding_versturen
from organisaties.models import Medewerker
from tests.e2e.conftest import axe_violations, login

pytestmark = pytest.mark.e2e


def test_bell_shows_the_count_and_the_list_marks_read_and_passes_axe(
    demo, bewaakte_page, live_server
):
    jessica = Medewerker.objects.get(username="jessica")
    for i in range(3):
        melding_versturen(
            ontvangers=[jessica],
            oorzaak=f"e2e:{i}",
            titel=f"Testmelding {i}",
            tekst="Halima Haddou: bellen over de intake",
            url="/kandidaten/",
        )
    page = bewaakte_page
    login(page, live_server.url, "jessica")

    bel = page.get_by_role("link", name="Meldingen, 3 ongelezen")
    expect(bel).to_be_visible()
    expect(bel).to_contain_text("3")
    assert axe_violations(page) == []

    bel.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldingen")
    expect(page.get_by_role("row")).to_have_count(4)  # header + 3
    assert axe_violations(page) == []

    page.get_by_role("button", name="Markeer als gelezen: Testmelding 2").click()
    expect(page.get_by_role("link", name="Meldingen, 2 ongelezen")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("De melding is gelezen.")

    page.get_by_role("button", name="Alles gelezen").click()
    expect(page.get_by_role("link", name="Meldingen, geen ongelezen")).to_be_visible()
    expect(page.get_by_role("button", name="Alles gelezen")).to_have_count(0)
    assert axe_violations(page) == []

    page.get_by_role("link", name="Testmelding 0").click()
    expect(page).to_have_url(live_server.url + "/kandidaten/")


def test_bell_is_reachable_at_phone_width(demo, bewaakte_page, live_server):
    page = bewaakte_page
    page.set_viewport_size({"width": 360, "height": 740})
    login(page, live_server.url, "jessica")

    bel = page.get_by_role("link", name="Meldingen, geen ongelezen")
    expect(bel).to_be_visible()
    bel.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldingen")
    expect(page.get_by_text("Je hebt nog geen meldingen.")).to_be_visible()
