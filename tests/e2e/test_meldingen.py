"""The bell and the notifications page in Chromium: count, mark read, WCAG."""

import pytest
from playwright.sync_api import expect

from meldingen.services import melding_versturen
from organisaties.models import Medewerker
from tests.e2e.conftest import axe_violations, login
from tests.factories.trajecten import TrajectFactory

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
    # Without a subject (a link to no traject) each is a group of its own.
    expect(page.locator("main li.list-group-item")).to_have_count(3)
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


def test_notifications_grouped_per_traject_and_the_settings(
    demo, bewaakte_page, live_server
):
    jessica = Medewerker.objects.get(username="jessica")
    traject = TrajectFactory(consulent=jessica)
    for i in range(4):
        melding_versturen(
            ontvangers=[jessica],
            oorzaak=f"e2e:{i}",
            titel=f"Testmelding {i}",
            url=traject.get_absolute_url(),
        )
    page = bewaakte_page
    login(page, live_server.url, "jessica")
    page.goto(live_server.url + "/meldingen/")

    groep = page.get_by_role("region", name=f"Traject van {traject}")
    expect(groep).to_contain_text("4 meldingen, 4 nieuw")
    expect(groep.locator("li")).to_have_count(3)
    assert axe_violations(page) == []
    groep.get_by_role("button", name="Markeer groep als gelezen").click()
    expect(page.get_by_role("status")).to_contain_text("zijn gelezen")
    expect(page.get_by_role("link", name="Meldingen, geen ongelezen")).to_be_visible()

    page.get_by_role("link", name="Instellingen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Instellingen voor meldingen"
    )
    assert axe_violations(page) == []
    page.get_by_role("group", name="Handtekeningen en overeenkomsten").get_by_label(
        "Direct per e-mail"
    ).check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Je keuzes zijn opgeslagen.")


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
