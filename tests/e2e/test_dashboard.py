import datetime
import re

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login

pytestmark = pytest.mark.e2e


def test_coordinator_filters_the_regional_dashboard_and_exports_csv(
    demo, bewaakte_page, live_server, tmp_path
):
    page = bewaakte_page
    login(page, live_server.url, "coordinator")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Dashboard", exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    expect(page.get_by_text("Alle kandidaten in jouw regio: Twente.")).to_be_visible()
    trechter = page.get_by_role("table", name="Tabel: Hoe ver kwamen de kandidaten?")
    expect(trechter).to_be_visible()
    expect(
        page.get_by_role("img", name=re.compile("Staafdiagram: Aangemeld door"))
    ).to_be_visible()
    assert axe_violations(page) == []

    # An impossible period: a message next to the field, and no figures.
    page.get_by_label("Intake vanaf").fill("2025-06-01")
    page.get_by_label("Intake tot en met").fill("2025-01-01")
    page.get_by_role("button", name="Filteren").click()
    expect(page.get_by_text("Deze datum ligt vóór 'Intake vanaf'")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("tonen we geen cijfers")
    expect(trechter).to_have_count(0)
    assert axe_violations(page) == []

    # A real period: the last two months of intakes.
    van = timezone.localdate() - datetime.timedelta(days=60)
    page.get_by_label("Intake vanaf").fill(van.isoformat())
    page.get_by_label("Intake tot en met").fill("")
    page.get_by_role("button", name="Filteren").click()
    expect(page).to_have_url(re.compile(f"van={van.isoformat()}"))
    expect(trechter).to_be_visible()
    expect(page.get_by_label("Intake vanaf")).to_have_value(van.isoformat())
    assert axe_violations(page) == []

    with page.expect_download() as download:
        page.get_by_role(
            "link", name=re.compile(r"^Download als CSV\W+Aangemeld door$")
        ).click()
    assert download.value.suggested_filename.startswith("dashboard-instroom_bron-")
    assert f"van={van.isoformat()}" in download.value.url
    pad = tmp_path / "bron.csv"
    download.value.save_as(pad)
    rijen = pad.read_text(encoding="utf-8-sig").splitlines()
    assert rijen[0] == "Aangemeld door;Personen"
    assert rijen[-1].startswith("Totaal;")
    assert any(rij.endswith(";<5") for rij in rijen)
