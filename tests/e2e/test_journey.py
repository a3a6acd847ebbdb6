"""The whole route in one browser, across the roles, for a candidate made in the UI:
intake, Checklist inclusief advies, matching, traject, agreements and signatures,
start, the praktijkopleider on a phone, borging and the praktijkverklaring, the
public check, the outcome, the follow-ups at 6 and 12 months and the dashboard.

Time is moved through the data, never by waiting: once the verklaring is issued the
test dates the end of the traject 13 months back in the database (see
`traject_einde_verplaatsen`), so that the outcome and both follow-ups can be
recorded today.
"""

import datetime
import re
from urllib.parse import urlparse

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from core.datums import plus_maanden
from tests.e2e.conftest import (
    KANDIDAAT_VRAGEN,
    PDF,
    SCHERM,
    TELEFOON,
    als,
    axe_violations,
    login,
    observatie_opslaan,
    status_kiezen,
    traject_leerbedrijf_kiezen,
    traject_periode_invullen,
    traject_werkprocessen_kiezen,
)
from tests.factories.uitkomsten import VervolgmetingFactory, afgelopen_traject
from trajecten.constants import TrajectStatus
from trajecten.models import Traject, TrajectStatuswijziging
from uitkomsten.models import Uitkomst, Vervolgmeting
from verklaringen.models import Praktijkverklaring

pytestmark = pytest.mark.e2e

VOORNAAM, ACHTERNAAM = "Arthur", "Koster"
NAAM = f"{VOORNAAM} {ACHTERNAAM}"
WERKPROCESSEN = [
    "Bereidt (assisterende) werkzaamheden voor",
    "Voert (assisterende) werkzaamheden uit",
]


def geen_axe_fouten(page):
    assert axe_violations(page) == [], page.url


def hoofdmenu(page, naam):
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name=naam, exact=True
    ).click()


def naar_traject(page):
    hoofdmenu(page, "Trajecten")
    page.get_by_role("link", name=NAAM).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Traject van {NAAM}")


def open_handtekeningen(page, partij: str):
    """The links to record a signature `partij` (its label in lower case) still owes."""
    return page.get_by_role("region", name="Overeenkomsten").get_by_role(
        "link", name=re.compile(f"^Handtekening {partij} vastleggen")
    )


def alles_tekenen(page, partij: str, *, naam, rol, papier: bool):
    """Record every signature `partij` still owes, in the portal or on paper."""
    while open_handtekeningen(page, partij).count():
        tekenen(page, partij, naam=naam, rol=rol, papier=papier)


def tekenen(page, partij: str, *, naam, rol, papier: bool):
    """Follow the first open signature link of `partij` and record it."""
    open_handtekeningen(page, partij).first.click()
    if partij == "gemeente of UWV":
        geen_axe_fouten(page)  # the signing form
    page.get_by_label("Naam van wie tekende").fill(naam)
    page.get_by_label("Rol of functie").fill(rol)
    if papier:
        page.get_by_label("Op papier getekend (PDF geüpload)").check()
        page.get_by_label("Getekende PDF").set_input_files(PDF)
    else:
        page.get_by_label("Akkoord gegeven in het portaal").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Traject van {NAAM}")


def traject_einde_verplaatsen(traject: Traject, dagen: int) -> datetime.date:
    """Move the traject `dagen` back in time, in the database: its dates and the
    moment of every status change (so also the day the verklaring was issued, which
    is the end of the traject for the outcome). Returns the new end date."""
    verschil = datetime.timedelta(days=dagen)
    traject.refresh_from_db()
    Traject.objects.filter(pk=traject.pk).update(
        startdatum=traject.startdatum - verschil,
        geplande_einddatum=traject.geplande_einddatum - verschil,
    )
    for wijziging in TrajectStatuswijziging.objects.filter(traject=traject):
        TrajectStatuswijziging.objects.filter(pk=wijziging.pk).update(
            op=wijziging.op - verschil
        )
    uitgereikt = TrajectStatuswijziging.objects.get(
        traject=traject, naar=TrajectStatus.VERKLARING_UITGEREIKT
    )
    return timezone.localdate(uitgereikt.op)


def test_one_candidate_from_intake_to_work_after_six_months(
    demo, bewaakte_page, live_server, browser
):
    base = live_server.url
    page = bewaakte_page

    # --- consulent: intake --------------------------------------------------------
    login(page, base, "jessica")
    hoofdmenu(page, "Kandidaten")
    geen_axe_fouten(page)  # the caseload
    page.get_by_role("link", name="Kandidaat aanmelden").click()
    geen_axe_fouten(page)  # the intake form
    page.get_by_label("Voornaam").fill(VOORNAAM)
    page.get_by_label("Achternaam").fill(ACHTERNAAM)
    page.get_by_label("Geboortedatum").fill("1998-09-30")
    page.get_by_label("Postcode").fill("7514AB")
    page.get_by_label("Gemeente").fill("Enschede")
    page.get_by_label("Aangemeld door").select_option(label="Gemeente")
    page.get_by_label("Uitkering").select_option(label="Participatiewet (bijstand)")
    page.get_by_label("Hoogste opleiding").select_option(label="Vmbo")
    page.get_by_role("combobox", name=re.compile("^Startkwalificatie")).select_option(
        label="Geen startkwalificatie"
    )
    page.get_by_label("Gewenst beroep of werk").fill("Bakker")
    page.get_by_label("De kandidaat geeft toestemming").check()
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NAAM)
    geen_axe_fouten(page)  # the candidate page

    # --- Checklist inclusief advies, with the mbo-medewerker ----------------------
    page.get_by_role("link", name="Checklist inclusief advies invullen").click()
    page.get_by_label("Samen met (mbo-medewerker)").select_option(label="Sanne Mulder")
    page.get_by_label("Kwalificatie", exact=True).select_option(label="Entree")
    for vraag, antwoord in KANDIDAAT_VRAGEN.items():
        page.get_by_role("group", name=vraag).get_by_label(antwoord, exact=True).check()
    page.get_by_role("button", name="Bekijk het voorstel").click()
    expect(page.get_by_label("Jullie advies")).to_have_value("praktijkverklaring")
    geen_axe_fouten(page)  # the checklist with the proposal
    page.get_by_label("Motivatie").fill("Arthur leert in de bakkerij, eerst Entree.")
    page.get_by_role("button", name="Advies vastleggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Advies: Praktijkverklaring"
    )
    geen_axe_fouten(page)  # the advice page

    # --- matching -------------------------------------------------------------------
    page.get_by_role("link", name=NAAM).click()
    page.get_by_role("link", name="Passende leerbedrijven zoeken").click()
    page.get_by_role("button", name="Zoek leerbedrijven").click()
    expect(
        page.get_by_role("table").get_by_role(
            "link", name="Bakkerij De Korenschoof (demo)"
        )
    ).to_be_visible()
    geen_axe_fouten(page)  # the matching results

    # --- start a traject at the bakery ----------------------------------------------
    page.get_by_role("link", name=NAAM).click()
    page.get_by_role("link", name="Traject starten").click()
    traject_werkprocessen_kiezen(page, WERKPROCESSEN)
    traject_leerbedrijf_kiezen(page, "Bakkerij De Korenschoof (demo)", "Peter Brink")
    vandaag = timezone.localdate()
    traject_periode_invullen(page, vandaag, plus_maanden(vandaag, 9))
    geen_axe_fouten(page)  # the traject form
    page.get_by_role("button", name="Traject starten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Traject van {NAAM}")
    traject = Traject.objects.get(kandidaat__achternaam=ACHTERNAAM)

    # --- the three agreements; the consulent signs for the gemeente in the portal
    # and uploads the candidate's paper signatures ----------------------------------
    page.get_by_role("button", name="Overeenkomsten maken").click()
    overeenkomsten = page.get_by_role("region", name="Overeenkomsten")
    expect(overeenkomsten.get_by_role("link", name="Versie 1 (PDF)")).to_have_count(3)
    alles_tekenen(
        page, "gemeente of UWV", naam="Jessica Smit", rol="Klantmanager", papier=False
    )
    alles_tekenen(page, "kandidaat", naam=NAAM, rol="Kandidaat", papier=True)

    # --- the leerbedrijf and the mbo-instelling accept in the portal -----------------
    als(page, base, "opleider")
    naar_traject(page)
    alles_tekenen(
        page, "leerbedrijf", naam="Peter Brink", rol="Praktijkopleider", papier=False
    )
    als(page, base, "mbo")
    naar_traject(page)
    alles_tekenen(
        page,
        "mbo-instelling",
        naam="Sanne Mulder",
        rol="Adviseur praktijkleren",
        papier=False,
    )
    expect(page.get_by_text("Alle overeenkomsten zijn getekend.")).to_be_visible()
    geen_axe_fouten(page)  # the traject page with every signature

    # --- start --------------------------------------------------------------------
    status_kiezen(page, "Overeenkomsten getekend")
    status_kiezen(page, "Lopend")
    expect(page.get_by_text("Status: Lopend")).to_be_visible()

    # --- the praktijkopleider, on a phone -------------------------------------------
    page.set_viewport_size(TELEFOON)
    als(page, base, "opleider")
    observatie_opslaan(page, base, traject.pk, "Nog niet")  # the 0-meting
    assert traject.observaties.get().soort == "nulmeting"
    geen_axe_fouten(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.goto(f"{base}/verklaringen/traject/{traject.pk}/voortgang/")
    page.get_by_text("Ontwikkeldoel toevoegen").click()
    pop = page.locator("form", has=page.get_by_role("button", name="Doel opslaan"))
    pop.get_by_role("combobox", name="Werkproces").select_option(index=1)
    pop.get_by_label("Doel").fill("Zelf het deeg afwegen volgens het recept.")
    pop.get_by_role("button", name="Doel opslaan").click()
    expect(page.get_by_text("Zelf het deeg afwegen")).to_be_visible()

    observatie_opslaan(page, base, traject.pk, "Met hulp")
    observatie_opslaan(page, base, traject.pk, "Zelfstandig")
    assert traject.observaties.count() == 3

    page.goto(f"{base}/verklaringen/traject/{traject.pk}/voortgang/")
    for werkproces in traject.werkprocessen.order_by("code"):
        page.get_by_text("Eindbeoordeling geven").click()
        formulier = page.locator(
            "form", has=page.get_by_role("button", name="Beoordeling opslaan")
        )
        formulier.get_by_role("combobox", name="Werkproces").select_option(
            label=str(werkproces)
        )
        formulier.get_by_label("Ja, beheerst").check()
        formulier.get_by_role("button", name="Beoordeling opslaan").click()
        expect(page.get_by_text("De eindbeoordeling is opgeslagen")).to_be_visible()
    geen_axe_fouten(page)  # the progress page on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.get_by_role(
        "button", name="Beoordeling indienen bij de mbo-instelling"
    ).click()
    expect(page.get_by_text("De beoordeling is ingediend")).to_be_visible()

    # --- mbo-medewerker: borging and the praktijkverklaring -------------------------
    page.set_viewport_size(SCHERM)
    als(page, base, "mbo")
    naar_traject(page)
    page.get_by_role("link", name="Beoordeling en voortgang").click()
    geen_axe_fouten(page)  # the borging form
    page.get_by_role("button", name="Goedkeuren").click()
    expect(
        page.get_by_text("De beoordeling is goedgekeurd.", exact=True)
    ).to_be_visible()
    page.get_by_label("Plaats van uitreiking").fill("Enschede")
    page.get_by_role("button", name="Praktijkverklaring uitreiken").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Praktijkverklaring")
    geen_axe_fouten(page)  # the verklaring page
    verklaring = Praktijkverklaring.objects.get(traject=traject)
    controleadres = page.get_by_role("link", name=re.compile(r"verificatie\b"))
    pad = urlparse(controleadres.get_attribute("href")).path

    # --- anyone checks it, without logging in ---------------------------------------
    anoniem = browser.new_context()
    controle = anoniem.new_page()
    controle.goto(base + pad)
    expect(controle.get_by_text("Geldig.")).to_be_visible()
    expect(controle.get_by_text(verklaring.nummer)).to_be_visible()
    assert VOORNAAM not in controle.content()
    assert axe_violations(controle) == []
    anoniem.close()

    # Time passes: the verklaring was issued 13 months ago (dates in the DB).
    einde = traject_einde_verplaatsen(traject, dagen=400)

    # --- consulent: the outcome ----------------------------------------------------
    als(page, base, "jessica")
    naar_traject(page)
    page.get_by_role("link", name="Uitkomst vastleggen").click()
    expect(page.get_by_label("Sinds wanneer?")).to_have_value(einde.isoformat())
    page.get_by_label("Werk bij het leerbedrijf").check()
    page.get_by_label("Soort contract").select_option(label="Tijdelijk contract")
    page.get_by_label("Uren per week").fill("28")
    geen_axe_fouten(page)  # the outcome form
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De uitkomst is vastgelegd.")).to_be_visible()
    uitkomst = Uitkomst.objects.get(traject=traject)
    assert (uitkomst.soort, uitkomst.datum, uitkomst.uren_per_week) == (
        "werk_leerbedrijf",
        einde,
        28,
    )

    # --- the follow-ups at 6 and 12 months, both due by now --------------------------
    for maanden, situatie in [(6, "Heeft betaald werk"), (12, "Heeft betaald werk")]:
        page.get_by_role("link", name=f"Invullen nameting na {maanden} maanden").click()
        page.get_by_label(situatie).check()
        page.get_by_label("Soort contract").select_option(label="Vast contract")
        page.get_by_label("Uren per week").fill("32")
        if maanden == 6:
            geen_axe_fouten(page)  # the follow-up form
        page.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_text("De nameting is vastgelegd.")).to_be_visible()
    metingen = Vervolgmeting.objects.filter(traject=traject).order_by("maanden")
    assert [(m.maanden, m.situatie, m.gemeten_op) for m in metingen] == [
        (6, "werk", vandaag),
        (12, "werk", vandaag),
    ]
    assert metingen[0].gepland_op == plus_maanden(einde, 6)

    # --- the coordinator's dashboard counts the work at 6 months ---------------------
    # Below 5 persons a figure is hidden ("<5"): four earlier trajecten in the region
    # with work at 6 months make Arthur the fifth.
    for _ in range(4):
        eerder = afgelopen_traject(
            einde=einde, kandidaat__regio=traject.kandidaat.regio
        )
        VervolgmetingFactory(traject=eerder, gemeten=True)
    als(page, base, "coordinator")
    hoofdmenu(page, "Dashboard")
    trechter = page.get_by_role("table", name="Tabel: Hoe ver kwamen de kandidaten?")
    werk_6 = trechter.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="Werk na 6 maanden", exact=True)
    )
    expect(werk_6.get_by_role("cell").first).to_have_text("5")
    geen_axe_fouten(page)
