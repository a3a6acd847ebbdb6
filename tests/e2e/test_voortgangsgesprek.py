"""Issue 16, "Done when": a progress meeting is held and signed by all three, in
Chromium. The consulent records it, the praktijkopleider signs it with their login,
the candidate signs it on their own page after the consulent printed a one-time code;
the meeting page then shows three signatures. No WCAG violations on the meeting pages
and the candidate's pages."""

import re

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from kandidaten.models import Kandidaat
from kwalificaties.models import Kwalificatie, Werkproces
from leerbedrijven.models import Contactpersoon
from tests.e2e.conftest import TELEFOON, als, axe_violations, login, uitloggen
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory
from voortgang.constants import GesprekPartij
from voortgang.models import Voortgangsgesprek

pytestmark = pytest.mark.e2e


def geen_axe(page):
    assert axe_violations(page) == [], page.url


def test_a_meeting_is_held_and_signed_by_all_three(demo, bewaakte_page, live_server):
    base = live_server.url
    peter = Contactpersoon.objects.get(naam="Peter Brink")  # login `opleider`
    halima = Kandidaat.objects.get(voornaam="Halima")
    entree = Kwalificatie.objects.get(naam="Entree")
    traject = TrajectFactory(
        kandidaat=halima,
        lopend=True,
        werkprocessen=list(
            Werkproces.objects.van_kwalificatie(entree).order_by("code")
        )[:2],
    )
    PlaatsingFactory(
        traject=traject, leerbedrijf=peter.leerbedrijf, praktijkopleider=peter
    )
    consulent = halima.consulent.username
    vandaag = timezone.localdate()

    # --- the consulent records the meeting from the traject page ---
    page = bewaakte_page
    login(page, base, consulent)
    page.goto(base + traject.get_absolute_url())
    page.get_by_role("link", name="Voortgangsgesprek vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Halima")
    geen_axe(page)
    page.get_by_label("Datum van het gesprek").fill(vandaag.isoformat())
    page.get_by_label("Wat ging goed?").fill("Komt op tijd en werkt netjes.")
    page.get_by_label("Afspraken").fill("Oefenen met de kassa.")
    page.get_by_label("Actie").first.fill("Werkschoenen kopen")
    page.get_by_label("Wie doet het?").first.select_option(index=1)
    page.get_by_label("Uiterlijk op").first.fill(vandaag.isoformat())
    page.get_by_role("button", name="Gesprek vastleggen").click()
    page.wait_for_url(re.compile(r"/voortgang/gesprekken/\d+/"))
    gesprek = Voortgangsgesprek.objects.get(traject=traject)
    gesprek_url = f"{base}/voortgang/gesprekken/{gesprek.pk}/"
    assert page.url.startswith(gesprek_url), page.url
    geen_axe(page)
    page.get_by_role("button", name="Ik teken dit gesprek").click()
    expect(page.get_by_text(re.compile(r"^Consulent: "))).to_be_visible()

    # --- the praktijkopleider signs with their own login, on a phone ---
    als(page, base, "opleider")
    page.set_viewport_size(TELEFOON)
    page.goto(gesprek_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= TELEFOON["width"]
    expect(page.get_by_text("Oefenen met de kassa.")).to_be_visible()
    geen_axe(page)
    page.get_by_role("button", name="Ik teken dit gesprek").click()
    expect(page.get_by_text(re.compile(r"^Praktijkopleider: "))).to_be_visible()
    geen_axe(page)

    # --- the consulent prints a one-time code for the candidate ---
    als(page, base, consulent)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base + halima.get_absolute_url())
    page.get_by_role("link", name="Link of code geven").click()
    geen_axe(page)
    page.get_by_role("button", name="Code afdrukken").click()
    expect(page.get_by_role("heading", name="Hallo Halima")).to_be_visible()
    geen_axe(page)
    code = page.locator("strong.font-monospace").inner_text().strip()
    assert code
    uitloggen(page)

    # --- the candidate, on a phone, logs in with the code and signs ---
    page.set_viewport_size(TELEFOON)
    page.goto(base + "/mijn/code/")
    geen_axe(page)
    page.get_by_label("Je code").fill(code)
    page.get_by_label("Wat is je geboortedatum?").fill(halima.geboortedatum.isoformat())
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", name="Hallo Halima")).to_be_visible()
    geen_axe(page)
    gesprek_blok = page.locator("article", has_text="Oefenen met de kassa.")
    expect(gesprek_blok.get_by_text("Werkschoenen kopen")).to_be_visible()
    gesprek_blok.get_by_role("button", name="Ik teken dit gesprek").click()
    expect(page.get_by_text("Je hebt dit gesprek getekend.")).to_be_visible()
    geen_axe(page)
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("heading", name="Je bent uitgelogd")).to_be_visible()

    # --- the meeting page shows three signatures ---
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, base, consulent)
    page.goto(gesprek_url)
    handtekeningen = page.locator("#kop-handtekeningen + ul > li")
    expect(handtekeningen).to_have_count(3)
    for partij in ("Kandidaat", "Praktijkopleider", "Consulent"):
        expect(
            handtekeningen.filter(has_text=re.compile(f"^{partij}: "))
        ).to_have_count(1)
    expect(page.get_by_role("button", name="Ik teken dit gesprek")).to_have_count(0)
    geen_axe(page)
    assert set(gesprek.ondertekeningen.values_list("partij", flat=True)) == set(
        GesprekPartij.values
    )
