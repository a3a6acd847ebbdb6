"""The public statements and security.txt: readable without logging in, the statements'
texts kept by the functioneel beheerder."""

from django.urls import reverse

import pytest
from auditlog.models import LogEntry

from core.models import VastePagina
from tests.formulieren import verzenden

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("naam", "titel"),
    [
        ("toegankelijkheid", "Toegankelijkheidsverklaring"),
        ("privacy", "Privacyverklaring"),
    ],
)
def test_statements_are_linked_in_the_footer_and_open_without_login(app, naam, titel):
    inloggen = app.get(reverse("login"))

    pagina = inloggen.click(href=reverse(naam))

    assert pagina.status_code == 200
    assert pagina.html.find("h1").text == titel
    assert "WCAG" in pagina.text or "dossier" in pagina.text


def test_beheerder_changes_the_statement_and_the_page_shows_it(app, beheerder):
    pagina = VastePagina.objects.get(soort="toegankelijkheid")
    formulier = app.get(
        reverse("admin:core_vastepagina_change", args=[pagina.pk]), user=beheerder
    )

    verzenden(
        formulier,
        status=302,
        titel="Toegankelijkheid",
        tekst="Onderzocht op 1 december 2026.\n\nBel 053 123 4567 als iets niet werkt.",
    )

    app.reset()
    openbaar = app.get(reverse("toegankelijkheid"))
    alineas = [p.text for p in openbaar.html.select("main p")]
    assert "Onderzocht op 1 december 2026." in alineas
    assert "Bel 053 123 4567 als iets niet werkt." in alineas
    assert LogEntry.objects.get_for_object(pagina).filter(actor=beheerder).exists()


def test_html_in_a_statement_is_shown_as_text(app):
    VastePagina.objects.filter(soort="privacy").update(tekst="<script>x()</script>")

    pagina = app.get(reverse("privacy"))

    assert "<script>x()</script>" not in pagina.text
    assert "&lt;script&gt;" in pagina.text


def test_consulent_cannot_change_a_statement(app, consulent):
    pagina = VastePagina.objects.get(soort="privacy")
    url = reverse("admin:core_vastepagina_change", args=[pagina.pk])

    app.get(url, user=consulent, status=302)  # the admin sends non-staff to its login


def test_security_txt_names_a_contact_and_an_expiry_a_year_ahead(app, settings):
    settings.SECURITY_CONTACT = "mailto:security@regio.example"
    settings.PORTAL_URL = "https://plpv.regio.example"

    response = app.get("/.well-known/security.txt")

    assert response.content_type == "text/plain"
    velden = dict(r.split(": ", 1) for r in response.text.strip().splitlines())
    assert velden["Contact"] == "mailto:security@regio.example"
    assert velden["Expires"].startswith(("2027-", "2028-"))
    assert velden["Canonical"] == "https://plpv.regio.example/.well-known/security.txt"
    assert velden["Preferred-Languages"] == "nl, en"
