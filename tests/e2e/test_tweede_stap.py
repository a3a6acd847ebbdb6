"""The second login step in Chromium: a consulent whose role needs it logs in with
the password, sets up the app from the key on the page (the QR code is inline SVG:
nothing from another host, no CSP error), keeps the recovery codes and reaches the
page; the next login asks for a code. axe-core checks both pages."""

from base64 import b32decode

from django.core.cache import cache

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from organisaties.constants import Rol
from tests.e2e.conftest import axe_violations, login
from tweestaps.models import TweedeStapRegel
from tweestaps.services import regels_vergeten

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _regels_vergeten():
    # The tests below switch the step on with update(), which sends no signal: the
    # cached rule is forgotten after each, so later tests see the database's rule.
    yield
    regels_vergeten()


def code_uit_app(sleutel: str, volgende: bool = False) -> str:
    totp = TOTP(b32decode(sleutel.replace(" ", "")))
    if volgende:  # the code of the next 30 seconds: the last one was used already
        totp.time = totp.time + 30
    return f"{totp.token():06d}"


def test_a_consulent_sets_up_the_app_and_logs_in_with_a_code(
    demo, bewaakte_page, live_server
):
    page = bewaakte_page
    TweedeStapRegel.objects.filter(rol=Rol.CONSULENT).update(verplicht=True)
    cache.clear()

    login(page, live_server.url, "jessica")
    expect(page.get_by_role("heading", name="Tweede stap instellen")).to_be_visible()
    expect(page.get_by_role("img", name="QR-code om de app")).to_be_visible()
    assert axe_violations(page) == []
    sleutel = page.locator("#sleutel").inner_text()

    page.get_by_role("textbox", name="Code").fill("000000")
    page.get_by_role("button", name="Instellen").click()
    expect(page.get_by_text("Deze code klopt niet")).to_be_visible()

    page.get_by_role("textbox", name="Code").fill(code_uit_app(sleutel))
    page.get_by_role("button", name="Instellen").click()
    expect(page.get_by_text("Bewaar deze codes nu.")).to_be_visible()
    expect(page.locator("#herstelcodes li")).to_have_count(10)
    page.get_by_role("link", name="Ik heb de codes bewaard, verder").click()
    expect(page.get_by_text("Welkom, Jessica")).to_be_visible()

    page.context.clear_cookies()
    login(page, live_server.url, "jessica")
    expect(
        page.get_by_role("heading", name="Tweede stap: de code uit je app")
    ).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("textbox", name="Code").fill(code_uit_app(sleutel, volgende=True))
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_text("Welkom, Jessica")).to_be_visible()
