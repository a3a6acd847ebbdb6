"""SSO in Chromium: login through the organisation's provider and logout at both,
with the portal's Content-Security-Policy in force (a form's redirect to another
host would be blocked by form-action 'self'; the logout goes by a page instead)."""

import re

import pytest
from playwright.sync_api import expect

from sso import services
from sso.models import SsoKoppeling

from .conftest import CLIENT_ID, CLIENT_SECRET, provider_starten

pytestmark = pytest.mark.e2e


@pytest.fixture
def browser_provider(live_server):
    with provider_starten(
        f"{live_server.url}/inloggen/sso/terug/", f"{live_server.url}/inloggen/"
    ) as issuer:
        yield issuer


def test_login_and_logout_through_the_provider(
    transactional_db, page, live_server, browser_provider, sso_instellingen, anna
):
    services.koppeling_opslaan(
        koppeling=SsoKoppeling(
            organisatie=anna.organisatie, issuer=browser_provider, client_id=CLIENT_ID
        ),
        client_secret=CLIENT_SECRET,
    )
    page.set_default_timeout(15000)
    fouten = []
    page.on(
        "console",
        lambda m: m.type == "error" and fouten.append((m.location.get("url"), m.text)),
    )

    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_role("link", name="Inloggen met je organisatie").click()
    page.get_by_role("link", name="Gemeente Testdorp").click()
    # At the provider (the test provider's own login page).
    page.locator("input[name=login]").fill("anna")
    page.get_by_role("button", name="Inloggen").click()

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("button", name="Anna")).to_be_visible()

    page.get_by_role("button", name="Anna").click()
    page.get_by_role("button", name="Uitloggen").click()
    # The portal's page moves on to the provider, which asks to confirm.
    page.get_by_role("button", name=re.compile("sign me out", re.I)).click()
    expect(page).to_have_url(f"{live_server.url}/inloggen/")
    # The portal's pages report nothing (a CSP violation would be an error here).
    assert [f for f in fouten if f[0].startswith(live_server.url)] == [], fouten

    # Logged out at the provider too: the next login asks who you are again.
    page.get_by_role("link", name="Inloggen met je organisatie").click()
    page.get_by_role("link", name="Gemeente Testdorp").click()
    expect(page.locator("input[name=login]")).to_be_visible()
