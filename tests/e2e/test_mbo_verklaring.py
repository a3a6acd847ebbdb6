"""Issue 16 point 6 in the browser: the mbo-instelling records a certificate, issues the
mbo-verklaring with it and a praktijkverklaring, and anyone verifies it."""

import pytest
from playwright.sync_api import expect

from organisaties.models import Medewerker
from tests.e2e.conftest import PDF, axe_violations, login, uitloggen
from tests.factories.verklaringen import goedgekeurd_traject
from verklaringen.models import Bewijs, MboVerklaring
from verklaringen.services import verklaring_uitreiken

pytestmark = pytest.mark.e2e


def test_mbo_issues_and_anyone_verifies_the_mbo_verklaring(
    demo, bewaakte_page, live_server
):
    base = live_server.url
    sanne = Medewerker.objects.get(username="mbo")
    traject, _opleider, mbo = goedgekeurd_traject(mbo_instelling=sanne.organisatie)
    p = verklaring_uitreiken(
        traject=traject, door=mbo, plaats="Enschede", verificatie_basis=base
    )
    page = bewaakte_page
    login(page, base, "mbo")
    page.goto(f"{base}/verklaringen/traject/{traject.pk}/voortgang/")

    page.get_by_role("link", name="Bewijs toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bewijs toevoegen")
    assert axe_violations(page) == []
    page.get_by_label("Soort").select_option(label="Branchecertificaat")
    page.get_by_label("Uitgegeven door").fill("Branchevereniging Schoonmaak")
    page.get_by_label("Datum").fill("2024-05-01")
    page.get_by_label("Document (PDF)").set_input_files(PDF)
    page.get_by_role("button", name="Bewijs toevoegen").click()
    expect(page.get_by_text("Het bewijs is toegevoegd.")).to_be_visible()
    assert Bewijs.objects.get(traject=traject).document

    page.get_by_role("link", name="Mbo-verklaring uitreiken").click()
    assert axe_violations(page) == []
    page.get_by_label(f"Praktijkverklaring {p.nummer}").check()
    page.get_by_label("Branchecertificaat: Branchevereniging Schoonmaak").check()
    page.get_by_role("button", name="Mbo-verklaring uitreiken").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Mbo-verklaring")
    m = MboVerklaring.objects.get(traject=traject)
    adres = page.get_by_role("link", name=m.verificatie_url).get_attribute("href")
    uitloggen(page)

    page.goto(adres)
    expect(page.get_by_text("Geldig.")).to_be_visible()
    expect(page.get_by_text(f"Praktijkverklaring {p.nummer}")).to_be_visible()
    expect(
        page.get_by_text("Branchecertificaat: Branchevereniging Schoonmaak")
    ).to_be_visible()
    assert axe_violations(page) == []
