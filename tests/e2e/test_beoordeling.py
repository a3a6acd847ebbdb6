"""Issue 5 (first half) in the browser: the praktijkopleider observes on a phone."""

import pytest
from playwright.sync_api import expect

from kandidaten.models import Kandidaat
from leerbedrijven.models import Contactpersoon
from tests.e2e.conftest import axe_violations, login
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory

pytestmark = pytest.mark.e2e


def test_opleider_records_the_nulmeting_on_a_phone(demo, bewaakte_page, live_server):
    peter = Contactpersoon.objects.get(naam="Peter Brink")
    halima = Kandidaat.objects.get(voornaam="Halima")
    traject = TrajectFactory(kandidaat=halima, lopend=True)
    PlaatsingFactory(
        traject=traject, leerbedrijf=peter.leerbedrijf, praktijkopleider=peter
    )

    page = bewaakte_page
    page.set_viewport_size({"width": 360, "height": 740})
    login(page, live_server.url, "opleider")
    page.goto(f"{live_server.url}/verklaringen/traject/{traject.pk}/observatie/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Halima")
    assert axe_violations(page) == []
    # No horizontal scrolling at 360 px.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    groepen = page.get_by_role("group")
    for i in range(groepen.count()):
        groep = groepen.nth(i)
        keuze = groep.get_by_text("Met hulp", exact=True)
        if keuze.count():
            keuze.click()
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_text("opgeslagen", exact=False).first).to_be_visible()
    assert traject.observaties.count() == 1
    assert traject.observaties.get().scores.filter(niveau="met_hulp").count() >= 3
