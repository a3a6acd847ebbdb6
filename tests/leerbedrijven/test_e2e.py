"""The leerbedrijven pages in Chromium: WCAG 2.1 AA (axe), no CSP errors, keyboard use."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import (  # noqa: F401 - fixtures
    axe_violations,
    bewaakte_page,
    demo,
    login,
)

pytestmark = pytest.mark.e2e


def _bakkerij_url(page, base):
    page.goto(base + "/leerbedrijven/?q=Korenschoof")
    page.get_by_role("link", name="Bakkerij De Korenschoof (demo)").click()
    return page.url


def test_leerbedrijven_pages_meet_wcag_21_aa(demo, bewaakte_page, live_server):  # noqa: F811
    page = bewaakte_page
    login(page, live_server.url, "jessica")
    for pad in ["/leerbedrijven/", "/leerbedrijven/nieuw/"]:
        page.goto(live_server.url + pad)
        assert axe_violations(page) == [], pad
    detail = _bakkerij_url(page, live_server.url)
    expect(page.get_by_role("alert").first).to_contain_text("verloopt op")
    assert axe_violations(page) == [], detail
    for pad in ["contactmomenten/nieuw/", "leerbanen/nieuw/", "erkenningen/nieuw/"]:
        page.goto(detail + pad)
        assert axe_violations(page) == [], pad


def test_status_change_with_reason_from_the_detail_page(
    demo,  # noqa: F811
    bewaakte_page,  # noqa: F811
    live_server,
):
    page = bewaakte_page
    login(page, live_server.url, "jessica")
    page.goto(live_server.url + "/leerbedrijven/?q=Logistiek+Centrum")
    page.get_by_role("link", name=re.compile("Logistiek Centrum")).click()

    page.get_by_label("Nieuwe status").select_option(label="In gesprek")
    page.get_by_label("Reden of toelichting").fill("Afspraak gemaakt")
    page.get_by_role("button", name="Status wijzigen").click()

    expect(page.get_by_role("status")).to_contain_text("De status is nu 'In gesprek'.")
    expect(page.get_by_role("cell", name="Afspraak gemaakt")).to_be_visible()
