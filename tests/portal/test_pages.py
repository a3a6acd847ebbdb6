"""The app shell: Dutch error pages, security headers and no third-party resources."""

import re

from django.test import Client

import pytest

pytestmark = pytest.mark.django_db


def test_unknown_page_gives_dutch_404(client, consulent, settings):
    settings.DEBUG = False
    client.force_login(consulent)
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_server_error_gives_dutch_500(consulent, settings):
    settings.DEBUG = False
    from django.test import override_settings

    with override_settings(ROOT_URLCONF="tests.portal.urls_error"):
        client = Client(raise_request_exception=False)
        client.force_login(consulent)
        response = client.get("/kapot/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_csp_forbids_inline_scripts_and_other_hosts(client):
    csp = client.get("/inloggen/")["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp


@pytest.mark.parametrize("url", ["/", "/organisaties/", "/organisaties/medewerkers/"])
def test_pages_load_nothing_from_other_hosts(client, beheerder, url):
    client.force_login(beheerder)
    html = client.get(url).content.decode()
    bronnen = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert bronnen
    assert not [b for b in bronnen if b.startswith(("http:", "https:", "//"))]
    assert "<script>" not in html  # no inline scripts


@pytest.mark.parametrize(
    "url",
    [
        "/kandidaten/",
        "/leerbedrijven/",
        "/trajecten/",
        "/organisaties/",
        "/organisaties/netwerk/",
        "/kennisbank/",
    ],
)
def test_every_list_exports_csv_and_xlsx(client, coordinator, url):
    client.force_login(coordinator)
    html = client.get(url).content.decode()
    assert "Download als CSV" in html
    assert "Download als Excel" in html
    for formaat, soort in (("csv", "text/csv"), ("xlsx", "spreadsheetml")):
        response = client.get(url, {"export": formaat})
        assert response.status_code == 200, (url, formaat)
        assert soort in response["Content-Type"]


def test_exports_never_turn_user_text_into_formulas(client, consulent):
    from io import BytesIO

    from openpyxl import load_workbook

    from tests.factories.kandidaten import KandidaatFactory

    KandidaatFactory(
        consulent=consulent, voornaam='=HYPERLINK("http://x")', achternaam="+1"
    )
    client.force_login(consulent)
    csv = client.get("/kandidaten/", {"export": "csv"}).content.decode()
    assert "'=HYPERLINK" in csv
    assert ";'+1;" in csv
    blad = load_workbook(
        BytesIO(client.get("/kandidaten/", {"export": "xlsx"}).content)
    ).active
    cel = blad["A2"]
    assert cel.data_type == "s"
    assert cel.value.startswith("'=HYPERLINK")


def test_xlsx_export_drops_control_characters(client, consulent):
    from tests.factories.kandidaten import KandidaatFactory

    KandidaatFactory(consulent=consulent, woonplaats="Enschede\x0b")
    client.force_login(consulent)
    assert client.get("/kandidaten/", {"export": "xlsx"}).status_code == 200


def test_import_needs_an_organisation(client, superuser):
    client.force_login(superuser)
    assert client.get("/kandidaten/importeren/").status_code == 403
