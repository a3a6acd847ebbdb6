"""Issue 5 in the browser: the praktijkopleider assesses on a phone, the mbo-instelling
approves and issues the praktijkverklaring, anyone can verify it, revocation shows."""

import re

import pytest
from playwright.sync_api import expect

from kandidaten.models import Kandidaat
from kwalificaties.models import Kwalificatie, Werkproces
from leerbedrijven.models import Contactpersoon
from organisaties.models import Medewerker
from tests.e2e.conftest import (
    TELEFOON,
    axe_violations,
    login,
    observatie_opslaan,
    uitloggen,
)
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory
from tests.pdf import pdftekst_pad

pytestmark = pytest.mark.e2e


def pdf_tekst(inhoud: bytes, tmp_path) -> str:
    pad = tmp_path / "verklaring.pdf"
    pad.write_bytes(inhoud)
    return pdftekst_pad(pad)


def test_from_phone_observation_to_verified_and_revoked_verklaring(
    demo, bewaakte_page, live_server, browser, tmp_path
):
    base = live_server.url
    peter = Contactpersoon.objects.get(naam="Peter Brink")
    sanne = Medewerker.objects.get(username="mbo")
    halima = Kandidaat.objects.get(voornaam="Halima")
    entree = Kwalificatie.objects.get(naam="Entree")
    werkprocessen = list(Werkproces.objects.van_kwalificatie(entree).order_by("code"))[
        :3
    ]
    traject = TrajectFactory(
        kandidaat=halima,
        lopend=True,
        mbo_instelling=sanne.organisatie,
        werkprocessen=werkprocessen,
    )
    PlaatsingFactory(
        traject=traject, leerbedrijf=peter.leerbedrijf, praktijkopleider=peter
    )
    voortgang = f"{base}/verklaringen/traject/{traject.pk}/voortgang/"

    # --- the praktijkopleider, on a phone ---
    page = bewaakte_page
    page.set_viewport_size(TELEFOON)
    login(page, base, "opleider")
    page.goto(f"{base}/verklaringen/traject/{traject.pk}/observatie/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Halima")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    observatie_opslaan(page, base, traject.pk, "Nog niet")  # the 0-meting
    assert traject.observaties.get().soort == "nulmeting"

    page.goto(voortgang)
    page.get_by_text("Ontwikkeldoel toevoegen").click()
    pop = page.locator("form", has=page.get_by_role("button", name="Doel opslaan"))
    pop.get_by_role("combobox", name="Werkproces").select_option(
        label=str(werkprocessen[0])
    )
    pop.get_by_label("Doel").fill("Elke ochtend zelf de werkplek klaarzetten.")
    pop.get_by_role("button", name="Doel opslaan").click()
    expect(page.get_by_text("Elke ochtend zelf de werkplek")).to_be_visible()

    observatie_opslaan(page, base, traject.pk, "Met hulp")
    observatie_opslaan(page, base, traject.pk, "Zelfstandig")
    assert traject.observaties.count() == 3

    page.goto(voortgang)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    ja, nee = "Ja, beheerst", "Nee, nog niet"
    oordelen = {werkprocessen[0]: ja, werkprocessen[1]: nee, werkprocessen[2]: ja}
    for werkproces, oordeel in oordelen.items():
        page.get_by_text("Eindbeoordeling geven").click()
        formulier = page.locator(
            "form", has=page.get_by_role("button", name="Beoordeling opslaan")
        )
        formulier.get_by_role("combobox", name="Werkproces").select_option(
            label=str(werkproces)
        )
        formulier.get_by_label(oordeel).check()
        formulier.get_by_role("button", name="Beoordeling opslaan").click()
        expect(page.get_by_text("De eindbeoordeling is opgeslagen")).to_be_visible()
    page.get_by_role(
        "button", name="Beoordeling indienen bij de mbo-instelling"
    ).click()
    expect(page.get_by_text("De beoordeling is ingediend")).to_be_visible()
    uitloggen(page)

    # --- the mbo-instelling approves and issues ---
    page.set_viewport_size({"width": 1440, "height": 900})
    login(page, base, "mbo")
    page.goto(voortgang)
    page.get_by_role("button", name="Goedkeuren").click()
    expect(
        page.get_by_text("De beoordeling is goedgekeurd.", exact=True)
    ).to_be_visible()
    page.get_by_label("Plaats van uitreiking").fill("Enschede")
    page.get_by_role("button", name="Praktijkverklaring uitreiken").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Praktijkverklaring")
    assert axe_violations(page) == []
    # The link opens the PDF; fetch it with the same session to read its text.
    link = page.get_by_role("link", name=re.compile("PDF downloaden"))
    antwoord = page.context.request.get(base + link.get_attribute("href"))
    assert antwoord.headers["content-type"] == "application/pdf"
    tekst = pdf_tekst(antwoord.body(), tmp_path)

    # Exactly the mastered werkprocessen, and the address behind the QR code.
    assert werkprocessen[0].code in tekst
    assert werkprocessen[2].code in tekst
    assert werkprocessen[1].code not in tekst
    adres = re.search(r"http://\S+/verificatie/[\w-]+/", tekst.replace("\n", ""))
    assert adres, tekst

    # --- anyone can verify, without logging in ---
    anoniem = browser.new_context()
    controle = anoniem.new_page()
    controle.goto(adres.group(0))
    expect(controle.get_by_text("Geldig.")).to_be_visible()
    assert axe_violations(controle) == []
    expect(controle.get_by_text(f"H. {halima.achternaam}")).to_be_visible()
    assert "Halima" not in controle.content()

    # --- revoked: the verification page says so ---
    page.get_by_label("Waarom trek je de praktijkverklaring in?").fill(
        "Verkeerde kwalificatie gekozen."
    )
    page.get_by_role("button", name="Praktijkverklaring intrekken").click()
    expect(page.get_by_text("Ingetrokken", exact=False).first).to_be_visible()
    controle.reload()
    expect(controle.get_by_text("Ingetrokken.")).to_be_visible()
    anoniem.close()
