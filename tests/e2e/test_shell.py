import pytest
from playwright.sync_api import expect

from organisaties.constants import Rol
from tests.e2e.conftest import axe_violations, login
from tests.portal.test_menu import VERWACHT

pytestmark = pytest.mark.e2e

# The demo logins and their roles; the expected menu per role is the one table in
# tests/portal/test_menu.py.
DEMO = [
    (username, voornaam, str(rol.label), sorted(VERWACHT[rol]))
    for username, voornaam, rol in [
        ("jessica", "Jessica", Rol.CONSULENT),
        ("hans", "Hans", Rol.CONSULENT),
        ("opleider", "Peter", Rol.PRAKTIJKOPLEIDER),
        ("mbo", "Sanne", Rol.MBO_MEDEWERKER),
        ("coordinator", "Karin", Rol.REGIOCOORDINATOR),
        ("beheer", "Ruud", Rol.FUNCTIONEEL_BEHEERDER),
    ]
]


@pytest.mark.parametrize(("username", "voornaam", "rol", "menu"), DEMO)
def test_demo_login_reaches_the_roles_home_page(
    demo, bewaakte_page, live_server, username, voornaam, rol, menu
):
    page = bewaakte_page
    login(page, live_server.url, username)

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welkom, {voornaam}")
    expect(page.get_by_text(rol, exact=False).first).to_be_visible()
    # In the row or under "Meer" (tests/e2e/test_kopmenu.py): every item once.
    from tests.e2e.test_kopmenu import menu_labels

    assert sorted(menu_labels(page)) == sorted(["Start", *menu])


def test_wrong_password_shows_dutch_error_and_pages_pass_axe(
    demo, bewaakte_page, live_server
):
    page = bewaakte_page
    page.goto(live_server.url + "/inloggen/")
    assert axe_violations(page) == []

    login(page, live_server.url, "jessica", "fout")
    expect(page.get_by_role("alert")).to_contain_text("klopt niet")
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    "pad",
    ["/", "/organisaties/", "/organisaties/medewerkers/", "/organisaties/audittrail/"],
)
def test_pages_meet_wcag_21_aa(demo, bewaakte_page, live_server, pad):
    page = bewaakte_page
    login(page, live_server.url, "beheer")
    page.goto(live_server.url + pad)
    assert axe_violations(page) == []


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(
    demo, bewaakte_page, live_server
):
    page = bewaakte_page
    login(page, live_server.url, "jessica")
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skiplink = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skiplink).to_be_focused()
    expect(skiplink).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main#inhoud")).to_be_focused()


def test_phone_width_menu_opens_with_the_keyboard(demo, bewaakte_page, live_server):
    page = bewaakte_page
    page.set_viewport_size({"width": 360, "height": 740})
    login(page, live_server.url, "coordinator")
    knop = page.get_by_role("button", name="Menu openen of sluiten")
    knop.focus()
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
            "link", name="Medewerkers"
        )
    ).to_be_visible()
