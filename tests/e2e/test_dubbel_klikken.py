"""A double click on a submit button sends the form once (static/js/formulieren.js),
and forms whose buttons carry a name and value (the advice checklist) still work."""

import re

import pytest
from playwright.sync_api import expect

from kandidaten.models import Contactmoment, Kandidaat
from tests.e2e.conftest import KANDIDAAT_VRAGEN, login

pytestmark = pytest.mark.e2e

# Report every change of the form's submit button to the test.
KNOP_VOLGEN = """() => {
    const b = document.querySelector("#inhoud form button[type=submit]");
    new MutationObserver(() => window.knopGezien(
        b.disabled, b.getAttribute("aria-disabled"), b.textContent
    )).observe(b, {attributes: true, childList: true, characterData: true,
                   subtree: true});
}"""


def halima_openen(page, base_url):
    login(page, base_url, "jessica")
    halima = Kandidaat.objects.get(voornaam="Halima", achternaam="Haddou")
    page.goto(base_url + halima.get_absolute_url())
    return halima


def test_a_double_click_saves_the_contactmoment_once(demo, bewaakte_page, live_server):
    page = bewaakte_page
    halima = halima_openen(page, live_server.url)
    voor = Contactmoment.objects.filter(kandidaat=halima).count()
    page.get_by_role("link", name="Contactmoment toevoegen").click()
    page.get_by_label("Soort").select_option(label="Gesprek")
    page.get_by_label("Samenvatting").fill("Dubbel geklikt")

    # Hold the POST, so the button can be seen while the form is on its way. A
    # locator would wait for that navigation, so the page reports its button.
    gehouden, gezien = [], []
    page.route(
        re.compile(r".*/contactmoment/$"),
        lambda route: (
            gehouden.append(route)
            if route.request.method == "POST"
            else route.continue_()
        ),
    )
    page.expose_function("knopGezien", lambda *staat: gezien.append(list(staat)))
    page.evaluate(KNOP_VOLGEN)
    page.get_by_role("button", name="Opslaan").dblclick()

    page.wait_for_timeout(500)  # a second request would have arrived by now
    assert len(gehouden) == 1
    assert [True, "true", "Bezig met opslaan…"] in gezien
    gehouden[0].continue_()

    expect(page.get_by_role("heading", level=1)).to_have_text("Halima Haddou")
    expect(page.get_by_text("Het contactmoment is opgeslagen.")).to_be_visible()
    assert Contactmoment.objects.filter(kandidaat=halima).count() == voor + 1
    assert (
        Contactmoment.objects.filter(
            kandidaat=halima, samenvatting="Dubbel geklikt"
        ).count()
        == 1
    )

    # Back to the form: its button works again.
    page.unroute(re.compile(r".*/contactmoment/$"))
    page.go_back()
    expect(page.get_by_role("button", name="Opslaan")).to_be_enabled()


def test_the_advice_checklist_keeps_the_value_of_the_clicked_button(
    demo, bewaakte_page, live_server
):
    page = bewaakte_page
    halima_openen(page, live_server.url)
    page.get_by_role("link", name="Checklist inclusief advies invullen").click()
    page.get_by_label("Samen met (mbo-medewerker)").select_option(label="Sanne Mulder")
    page.get_by_label("Kwalificatie", exact=True).select_option(label="Entree")
    for vraag, antwoord in KANDIDAAT_VRAGEN.items():
        page.get_by_role("group", name=vraag).get_by_label(antwoord, exact=True).check()

    page.get_by_role("button", name="Bekijk het voorstel").dblclick()
    voorstel = page.get_by_role("region", name=re.compile("Voorstel van het portaal"))
    expect(voorstel.get_by_role("heading", level=2)).to_have_text(
        "Voorstel van het portaal: Praktijkverklaring"
    )
    page.get_by_label("Motivatie").fill("Eerst Entree, in de praktijk.")
    # Without its name/value ("actie=vastleggen") this would only recompute.
    page.get_by_role("button", name="Advies vastleggen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Advies: Praktijkverklaring"
    )
    expect(page.get_by_text("Eerst Entree, in de praktijk.")).to_be_visible()
