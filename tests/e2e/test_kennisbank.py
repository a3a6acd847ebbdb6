import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login

pytestmark = pytest.mark.e2e


def test_consulent_searches_the_kennisbank_and_opens_a_regeling(
    demo, bewaakte_page, live_server
):
    page = bewaakte_page
    login(page, live_server.url, "jessica")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Kennisbank", exact=True
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kennisbank")
    assert axe_violations(page) == []

    # "regelingen" finds items that say "regeling": the Dutch stemmer at work.
    page.get_by_label("Zoeken", exact=True).fill("regelingen")
    page.get_by_role("button", name="Filteren").click()
    expect(page.get_by_role("status").filter(has_text="resultaten")).to_contain_text(
        "regelingen"
    )
    link = page.get_by_role(
        "link", name="Crisisregeling: praktijkleren via het Regionaal Mobiliteitsteam"
    )
    expect(link).to_be_visible()
    assert axe_violations(page) == []

    link.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Crisisregeling")
    expect(page.get_by_text("9 maanden", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Wijzigen")).to_have_count(0)
    assert axe_violations(page) == []
