"""The API's documentation page (Swagger UI from the vendored sidecar files) works
under the portal's CSP: nothing from another host, no CSP errors, the operations
are listed, and a request from the page uses the session."""

import pytest
from playwright.sync_api import expect

from organisaties.constants import Rol
from tests.e2e.conftest import login
from tests.factories.organisaties import medewerker_met_rol

pytestmark = pytest.mark.e2e


def test_docs_page_renders_under_the_csp(bewaakte_page, live_server, transactional_db):
    page = bewaakte_page
    medewerker_met_rol(Rol.CONSULENT, username="api-lezer")
    login(page, live_server.url, "api-lezer", "geheim-wachtwoord-123")

    page.goto(live_server.url + "/api/v1/docs")

    expect(page.get_by_role("heading", name="PLPV-portaal API")).to_be_visible()
    expect(page.get_by_text("/kandidaten/{id}", exact=True)).to_be_visible()
    # The page's own session reaches the API (same origin, the CSP's connect-src).
    status = page.evaluate("async () => (await fetch('/api/v1/kwalificaties')).status")
    assert status == 200
