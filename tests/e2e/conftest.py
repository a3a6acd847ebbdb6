import re
from pathlib import Path
from urllib.parse import urlparse

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

from tests.pdf import schone_pdf

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()


@pytest.fixture
def demo(transactional_db):
    """The demo region of `seed_demo`, committed so the live server sees it."""
    # Without the demo trajecten: their PDFs take seconds, and no browser test needs them.
    call_command("seed_demo", "--zonder-trajecten", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def bewaakte_page(page, live_server):
    """A page that records requests to other hosts and console errors (such as CSP)."""
    eigen_host = urlparse(live_server.url).netloc
    # Generous: a loaded CI machine can take seconds for a page; a passing step never waits.
    page.set_default_timeout(15000)
    page.vreemde_verzoeken = []
    page.console_fouten = []
    page.on(
        "request",
        lambda r: (
            urlparse(r.url).netloc not in (eigen_host, "")
            and page.vreemde_verzoeken.append(r.url)
        ),
    )
    page.on(
        "console", lambda m: m.type == "error" and page.console_fouten.append(m.text)
    )
    yield page
    assert page.vreemde_verzoeken == [], "a page loaded something from another host"
    assert page.console_fouten == [], "the browser reported errors (CSP?)"


def axe_violations(page) -> list[dict]:
    """Run axe-core's WCAG 2.1 A/AA rules on the current page."""
    page.evaluate(AXE)
    return page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
        }"""
    )


def login(page, base_url, username, password="plpv-demo"):
    page.goto(base_url + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def uitloggen(page):
    page.context.clear_cookies()


def als(page, base_url, username):
    """Switch the browser to another demo login."""
    uitloggen(page)
    login(page, base_url, username)


# A PDF as the browser uploads it (a paper signature).
PDF = {
    "name": "getekend.pdf",
    "mimeType": "application/pdf",
    "buffer": schone_pdf(),  # a real PDF: uploads are parsed, not only sniffed
}
TELEFOON = {"width": 360, "height": 740}
SCHERM = {"width": 1440, "height": 900}

# The candidate part of the Checklist inclusief advies, answered for a praktijkverklaring.
KANDIDAAT_VRAGEN = {
    "Wil de kandidaat graag werken en leren?": "Ja",
    "Leert de kandidaat het best door het te doen, in de praktijk?": "Ja",
    "Begrijpt de kandidaat de taal op de werkvloer goed genoeg?": "Deels",
    "Is de kandidaat werkfit?": "Ja",
    "Past praktijkleren bij de opleiding en startkwalificatie van de kandidaat?": "Ja",
    "Is een volledig mbo-diploma (bbl) nu haalbaar?": "Nee",
    "Is een mbo-certificaat nu haalbaar?": "Nee",
    "Is de ondersteuning die de kandidaat nodig heeft te regelen?": "Ja",
}


def traject_werkprocessen_kiezen(page, titels):
    """On the traject form: the Entree kwalificatie and the werkprocessen `titels`."""
    page.get_by_label("Kwalificatie").select_option(label="Entree")
    for titel in titels:
        page.get_by_label(re.compile(re.escape(titel))).first.check()


def traject_leerbedrijf_kiezen(page, leerbedrijf, opleider):
    """On the traject form: the leerbedrijf and its praktijkopleider, by name."""
    page.get_by_role("combobox", name=re.compile("^Leerbedrijf")).select_option(
        label=leerbedrijf
    )
    page.get_by_label("Praktijkopleider").select_option(
        label=f"{opleider} ({leerbedrijf})"
    )


def traject_periode_invullen(page, start, einde, zonder_advies=None):
    """On the traject form, the fields every traject in these tests has alike: the
    demo school, the period, 24 hours a week, a lasting placement; and, where the
    candidate has no advice yet, why the traject starts without one."""
    page.get_by_label("Mbo-instelling").select_option(label="Twents Vakcollege (demo)")
    page.get_by_label("Startdatum").fill(str(start))
    page.get_by_label("Geplande einddatum").fill(str(einde))
    page.get_by_label("Uren per week").fill("24")
    page.get_by_label("Soort plaatsing").select_option(label="Duurzame plaatsing")
    if zonder_advies:
        page.get_by_label("Waarom start het traject zonder advies?").fill(zonder_advies)


def status_kiezen(page, label):
    """Move the traject on the traject page to the status `label`."""
    page.get_by_label("Nieuwe status").select_option(label=label)
    page.get_by_role("button", name="Wijzigen").click()


def observatie_opslaan(page, base_url, traject_pk, niveau):
    """Record an observation with `niveau` for every gedragsvoorbeeld on the form: the
    page shows one werkproces at a time, so each is opened and every level tapped."""
    page.goto(f"{base_url}/verklaringen/traject/{traject_pk}/observatie/")
    werkprocessen = page.locator("details.observatie-wp")
    for i in range(werkprocessen.count()):
        werkproces = werkprocessen.nth(i)
        if not werkproces.evaluate("d => d.open"):
            werkproces.locator("summary").first.click()
        vragen = werkproces.locator("fieldset.observatie-vraag")
        for j in range(vragen.count()):
            vragen.nth(j).get_by_text(niveau, exact=True).click()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("opgeslagen", exact=False).first).to_be_visible()
