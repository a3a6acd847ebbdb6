"""The consulent's morning in Chromium: "Vandaag" on the home page opens the work,
and the caseload sorts by keyboard (Tab to a column header, Enter)."""

import datetime

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from organisaties.models import Medewerker
from tests.e2e.conftest import axe_violations, login
from tests.factories.kandidaten import ContactmomentFactory, KandidaatFactory

pytestmark = pytest.mark.e2e


def test_vandaag_opens_the_work_and_the_caseload_sorts_by_keyboard(
    demo, bewaakte_page, live_server
):
    jessica = Medewerker.objects.get(username="jessica")
    kandidaat = KandidaatFactory(
        consulent=jessica,
        organisatie=jessica.organisatie,
        regio=jessica.organisatie.regios.first(),
        voornaam="Zoë",
        achternaam="Laatste-Actie",
    )
    ContactmomentFactory(
        kandidaat=kandidaat,
        datum=timezone.localdate() - datetime.timedelta(days=6),
        volgende_actie="Terugbellen",
        volgende_actie_op=timezone.localdate() - datetime.timedelta(days=2),
    )
    page = bewaakte_page
    login(page, live_server.url, "jessica")

    vandaag = page.get_by_role("region", name="Vandaag")
    expect(vandaag).to_be_visible()
    assert axe_violations(page) == []
    vandaag.get_by_role("link", name="Acties bij kandidaten te laat").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn caseload")
    page.get_by_role("link", name="Zoë Laatste-Actie").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zoë Laatste-Actie")

    page.goto(live_server.url + "/kandidaten/")
    naam = page.get_by_role("columnheader", name="Naam")
    expect(naam).to_have_attribute("aria-sort", "ascending")
    naam.get_by_role("link").focus()
    page.keyboard.press("Tab")  # the next header link: Fase
    page.keyboard.press("Enter")
    fase = page.get_by_role("columnheader", name="Fase")
    expect(fase).to_have_attribute("aria-sort", "ascending")
    expect(page.get_by_role("columnheader", name="Naam")).not_to_have_attribute(
        "aria-sort", "ascending"
    )
    # Enter on the same header again turns the order round.
    page.get_by_role("columnheader", name="Fase").get_by_role("link").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("columnheader", name="Fase")).to_have_attribute(
        "aria-sort", "descending"
    )
    assert "sort=-fase" in page.url
    assert axe_violations(page) == []
