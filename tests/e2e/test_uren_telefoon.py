"""Issue 16, point 1 in Chromium at 360 px: the praktijkopleider goes from the
"Vandaag" line on his home page to his weeks and confirms one in one tap."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import TELEFOON, axe_violations, login
from tests.factories.voortgang import lopende_plaatsing
from voortgang.models import Aanwezigheid
from voortgang.weken import iso_week

pytestmark = pytest.mark.e2e

WACHTWOORD = "plpv-uren-360"


@pytest.fixture
def plaatsing(transactional_db):
    plaatsing = lopende_plaatsing(weken=1)
    opleider = plaatsing.praktijkopleider.account
    opleider.set_password(WACHTWOORD)
    opleider.save()
    return plaatsing


def test_praktijkopleider_confirms_last_week_in_one_tap_on_a_phone(
    plaatsing, bewaakte_page, live_server
):
    page, base = bewaakte_page, live_server.url
    page.set_viewport_size(TELEFOON)
    login(page, base, plaatsing.praktijkopleider.account.username, WACHTWOORD)

    page.get_by_role("link", name="Weken om de uren te bevestigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uren bevestigen")
    assert page.evaluate("document.documentElement.scrollWidth") <= TELEFOON["width"]
    assert axe_violations(page) == []

    vorige = plaatsing.startdatum  # the placement began last Monday
    knop = page.get_by_role(
        "button", name=f"Klopt: 24 uur gewerkt in week {iso_week(vorige)}"
    )
    # A big target for a thumb.
    assert knop.bounding_box()["height"] >= 44
    assert knop.bounding_box()["width"] >= TELEFOON["width"] / 2
    knop.click()
    expect(page.get_by_text(f"Week {iso_week(vorige)} is bevestigd.")).to_be_visible()
    a = Aanwezigheid.objects.get()
    assert (a.week, a.gewerkt_uren) == (vorige, 24)
    # This week is still open; last week's button is gone.
    deze = vorige + timedelta(weeks=1)
    expect(page.get_by_role("heading", name=f"Week {iso_week(deze)}")).to_be_visible()
    expect(
        page.get_by_role("button", name=f"in week {iso_week(vorige)}")
    ).to_have_count(0)
