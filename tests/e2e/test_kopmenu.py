"""The main menu is one row from 992 px (Bootstrap's lg) for every role: the first
items stand in the row, the rest under "Meer"; nothing wraps or scrolls sideways,
and everything is reachable with the keyboard (plpv_portal/menu.py: kopmenu)."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login
from tests.e2e.test_shell import DEMO
from tests.factories.organisaties import MedewerkerFactory

pytestmark = pytest.mark.e2e

BREEDTES = [992, 1200, 1366, 1400]
SUPERUSER = ("installatie", "geheim-wachtwoord-123")


def hoofdmenu(page):
    return page.get_by_role("navigation", name="Hoofdmenu")


def menu_labels(page) -> list[str]:
    """Every link of the main menu a user can reach: those in the row, and those
    under "Meer" once it is opened (closed again afterwards)."""
    nav = hoofdmenu(page)
    labels = [
        a.inner_text().strip()
        for a in nav.locator("a.nav-link").all()
        if a.is_visible()
    ]
    meer = nav.get_by_role("button", name="Meer", exact=True)
    if meer.is_visible():
        meer.click()
        labels += [
            a.inner_text().strip()
            for a in nav.locator(".dropdown-menu a.dropdown-item").all()
            if a.is_visible()
        ]
        page.keyboard.press("Escape")
    return labels


def een_rij(page) -> dict:
    """The header's measurements: does the menu fit in one row?"""
    return page.evaluate(
        """() => {
            const nav = document.querySelector('nav[aria-label=Hoofdmenu]');
            const zichtbaar = [...nav.querySelectorAll('.nav-link, .navbar-brand')]
                .filter(e => e.offsetParent !== null);
            const toppen = new Set(zichtbaar.map(e => Math.round(e.getBoundingClientRect().top)));
            const kop = document.querySelector('.portal-header .container');
            return {rijen: toppen.size, kop_past: kop.scrollWidth <= kop.clientWidth,
                    pagina_past: document.documentElement.scrollWidth <= window.innerWidth,
                    knop: getComputedStyle(nav.querySelector('.navbar-toggler')).display};
        }"""
    )


@pytest.mark.parametrize(("username", "voornaam", "rol", "menu"), DEMO)
def test_menu_is_one_row_from_992_px_with_every_item_reachable(
    demo, bewaakte_page, live_server, username, voornaam, rol, menu
):
    page = bewaakte_page
    login(page, live_server.url, username)
    for breedte in BREEDTES:
        page.set_viewport_size({"width": breedte, "height": 800})
        meting = een_rij(page)
        assert meting == {
            "rijen": 1,
            "kop_past": True,
            "pagina_past": True,
            "knop": "none",  # no menu button: the menu itself shows
        }, breedte
        assert sorted(menu_labels(page)) == sorted(["Start", *menu]), breedte


def test_superuser_with_every_item_fits_too(demo, bewaakte_page, live_server):
    MedewerkerFactory(
        superuser=True,
        username=SUPERUSER[0],
        first_name="Installatiebeheerder",
        password=SUPERUSER[1],
    )
    page = bewaakte_page
    login(page, live_server.url, *SUPERUSER)
    for breedte in BREEDTES:
        page.set_viewport_size({"width": breedte, "height": 800})
        assert een_rij(page)["rijen"] == 1, breedte
        assert een_rij(page)["kop_past"], breedte
        assert len(menu_labels(page)) == 16, breedte  # Start and all 15 items


def test_at_1366_px_the_menu_shows_without_the_button_and_works_by_keyboard(
    demo, bewaakte_page, live_server
):
    page = bewaakte_page
    page.set_viewport_size({"width": 1366, "height": 768})
    login(page, live_server.url, "coordinator")
    nav = hoofdmenu(page)
    expect(page.get_by_role("button", name="Menu openen of sluiten")).to_be_hidden()
    for label in ["Start", "Kandidaten", "Trajecten", "Teamoverzicht", "Dashboard"]:
        expect(nav.get_by_role("link", name=label, exact=True)).to_be_visible()

    # "Meer" opens with the keyboard, the arrow keys walk its items, Enter follows one.
    meer = nav.get_by_role("button", name="Meer", exact=True)
    meer.focus()
    page.keyboard.press("Enter")
    expect(meer).to_have_attribute("aria-expanded", "true")
    medewerkers = nav.locator(".dropdown-menu").get_by_role("link", name="Medewerkers")
    expect(medewerkers).to_be_visible()
    assert axe_violations(page) == []  # with the dropdown open
    page.keyboard.press("ArrowDown")
    for _ in range(10):
        if page.evaluate("document.activeElement.textContent.trim()") == "Medewerkers":
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/organisaties/medewerkers/")
    # The current page is marked in the dropdown, for the eye and the screen reader.
    meer.click()
    expect(medewerkers).to_have_attribute("aria-current", "page")
