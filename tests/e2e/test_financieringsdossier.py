"""Issue 16, "Done when": the consulent downloads the funding dossier in Chromium. The
button on the traject page starts the build (the task runs eagerly here), the page
polls with htmx until the download link appears, Playwright saves the ZIP, and every
file in it opens: each PDF has text, the XLSX has week rows, the CSV parses."""

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from dossier import services as dossier_services
from dossier.constants import DossierStatus
from dossier.tasks import dossier_maken
from organisaties.models import Medewerker
from tests.dossier.helpers import volledig_traject
from tests.e2e.conftest import axe_violations, login
from tests.pdf import pdftekst_pad

pytestmark = pytest.mark.e2e


def test_the_consulent_downloads_the_dossier_and_every_file_opens(
    demo, bewaakte_page, live_server, tmp_path, monkeypatch
):
    base = live_server.url
    jessica = Medewerker.objects.get(username="jessica")
    traject = volledig_traject(jessica)
    # Hold the task back (the live server runs in this process), so the page shows
    # "being made" and polls; the test then runs the task as the worker would.
    wachtrij = []
    monkeypatch.setattr(
        dossier_services, "na_commit", lambda taak, args: wachtrij.append(args)
    )

    page = bewaakte_page
    login(page, base, "jessica")
    page.goto(base + traject.get_absolute_url())
    sectie = page.locator("#dossier")
    expect(sectie.get_by_role("heading", name="Financieringsdossier")).to_be_visible()
    sectie.get_by_role("button", name="Dossier maken").click()
    expect(page.get_by_text("Het dossier wordt gemaakt.")).to_be_visible()
    assert axe_violations(page) == [], page.url
    link = page.get_by_role("link", name="Dossier downloaden (ZIP)")
    expect(link).to_have_count(0)
    [[aanvraag_id]] = wachtrij
    assert dossier_maken.apply(args=[aanvraag_id]).get() == DossierStatus.KLAAR
    # The status block polls every 2 s: the link appears without a reload.
    expect(link).to_be_visible(timeout=30000)
    expect(page.locator("#dossier").get_by_role("button")).to_have_text(
        "Nieuw dossier maken"
    )
    assert axe_violations(page) == [], page.url

    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".zip")
    pad = tmp_path / download.suggested_filename
    download.save_as(pad)

    z = zipfile.ZipFile(pad)
    assert z.testzip() is None
    namen = z.namelist()
    assert "01-voorblad.pdf" in namen
    assert "03-presentielijst.xlsx" in namen
    assert "07-auditlog.csv" in namen
    geopend = set()
    for naam in namen:
        inhoud = z.read(naam)
        if naam.endswith(".pdf"):
            assert inhoud.startswith(b"%PDF"), naam
            bestand = tmp_path / naam.replace("/", "_")
            bestand.write_bytes(inhoud)
            assert pdftekst_pad(bestand).strip(), f"{naam} has no text"
        elif naam.endswith(".xlsx"):
            blad = load_workbook(io.BytesIO(inhoud)).active
            rijen = list(blad.iter_rows(values_only=True))
            assert rijen[0][1] == "Week"
            weken = [r[1] for r in rijen[1:] if r[1]]
            assert len(weken) == 2, weken
            assert all("-W" in w for w in weken), weken
        elif naam.endswith(".csv"):
            rijen = list(
                csv.reader(io.StringIO(inhoud.decode("utf-8-sig")), delimiter=";")
            )
            assert rijen[0] == [
                "Datum",
                "Organisatie",
                "Rol",
                "Actie",
                "Onderdeel",
                "Aantal",
            ]
            assert len(rijen) > 1
            assert all(len(r) == len(rijen[0]) for r in rijen), naam
        else:
            pytest.fail(f"unexpected file in the dossier: {naam}")
        geopend.add(naam)
    assert geopend == set(namen)
    # The agreements and the meeting reports are there too.
    assert any(n.startswith("02-overeenkomsten/") for n in namen)
    assert "04-voortgangsgesprekken.pdf" in namen
