"""The samenwerkingsscan's pages through webtest (CSRF on): filling a version from
the prefilled form, the change since last time, bad input, the scope (another
region's unshared scan is a 404), sharing, and the PDF and XLSX exports."""

import io

from django.urls import reverse

import pytest
from openpyxl import load_workbook

from samenwerking.models import Antwoordoptie, Scan
from tests.factories.organisaties import regio
from tests.factories.samenwerking import coordinator_van, scan_maken
from tests.formulieren import formulier, invullen, posten, verzenden
from tests.pdf import pdftekst_pad

pytestmark = pytest.mark.django_db

OVERZICHT = reverse("samenwerking:overzicht")


def nieuw_url(regio_) -> str:
    return reverse("samenwerking:scan_nieuw", args=[regio_.code])


def optie(code: str, fase: int) -> str:
    return str(Antwoordoptie.objects.get(vraag__code=code, fase=fase).pk)


@pytest.fixture
def twente():
    return regio("AM05")


@pytest.fixture
def coordinator_twente(twente):
    return coordinator_van(twente)


@pytest.fixture
def buiten():
    """A coordinator of another region (Groningen)."""
    return coordinator_van(regio("AM01"))


def test_coordinator_fills_the_first_scan_from_the_menu(
    app, twente, coordinator_twente
):
    thuis = app.get(reverse("home"), user=coordinator_twente)
    overzicht = thuis.click(href=OVERZICHT, index=0)
    assert "Deze regio heeft de scan nog niet ingevuld." in overzicht
    pagina = overzicht.click(href=nieuw_url(twente))
    response = verzenden(
        pagina,
        vraag_proces=optie("proces", 2),
        toelichting_proces="Alleen het ontwikkelbedrijf.",
        vraag_begeleiding=optie("begeleiding", 3),
        vraag_monitoring=optie("monitoring", 1),
        vraag_verantwoordelijk="De centrumgemeente.",
        vraag_doelgroepen="Bijstand.",
        vraag_financiering="Nog geen afspraak.",
        vraag_mbo_borging="Het ROC, prijs volgt.",
        status=302,
    )
    scan = Scan.objects.get(regio=twente)
    assert response["Location"] == scan.get_absolute_url()
    assert (scan.versie, scan.ingevuld_door) == (1, coordinator_twente)
    assert (
        scan.antwoorden.get(vraag__code="proces").tekst
        == "Alleen het ontwikkelbedrijf."
    )
    assert (
        scan.antwoorden.get(vraag__code="mbo_borging").tekst == "Het ROC, prijs volgt."
    )
    detail = response.follow()
    assert "Versie 1 van de scan voor Twente is opgeslagen." in detail
    assert "Eerste keer ingevuld" in detail


def test_a_new_scan_is_prefilled_and_the_change_shows_per_dimension(
    app, twente, coordinator_twente
):
    scan_maken(twente, coordinator_twente, proces=2, begeleiding=3, monitoring=2)
    pagina = app.get(nieuw_url(twente), user=coordinator_twente)
    form = formulier(pagina)
    assert form["vraag_proces"].value == optie("proces", 2)
    assert form["vraag_financiering"].value == "De gemeente betaalt."
    assert "Dit wordt versie 2" in pagina

    response = verzenden(
        pagina,
        vraag_proces=optie("proces", 4),
        vraag_begeleiding=optie("begeleiding", 2),
        status=302,
    )
    tweede = Scan.objects.get(regio=twente, versie=2)
    assert tweede.antwoorden.get(vraag__code="monitoring").fase == 2  # kept from v1
    detail = response.follow()
    rijen = {
        r.select_one("th").get_text(" ", strip=True).split(":")[0]: r.get_text(
            " ", strip=True
        )
        for r in detail.html.select("table.fasetabel tbody tr")
    }
    assert "Hoger (+2)" in rijen["Proces"]
    assert "Lager (-1)" in rijen["Begeleiding"]
    assert "Gelijk" in rijen["Monitoring en sturing"]

    overzicht = app.get(OVERZICHT, user=coordinator_twente)
    assert "Laatst ingevuld op" in overzicht
    assert "(versie 2)" in overzicht
    assert "Hoger" in overzicht.html.select_one("table.fasetabel").get_text()
    assert overzicht.html.select(f"a[href='{tweede.get_absolute_url()}']")


def test_an_option_of_another_question_comes_back_with_a_dutch_error(
    app, twente, coordinator_twente
):
    scan_maken(twente, coordinator_twente)
    pagina = app.get(nieuw_url(twente), user=coordinator_twente)
    form = invullen(formulier(pagina), vraag_proces=optie("begeleiding", 5))
    response = form.submit(status=200)
    assert "vraag_proces" in response.context["form"].errors
    # The message stands next to the question it is about.
    vraag = response.html.select_one("input[name=vraag_proces]").find_parent(
        class_="scan-vraag"
    )
    assert "Kies een van de fases bij deze vraag." in vraag.get_text()
    assert "Er is niets opgeslagen" in response.text
    assert Scan.objects.filter(regio=twente).count() == 1


def test_a_missing_required_answer_comes_back_and_nothing_is_saved(
    app, twente, coordinator_twente
):
    pagina = app.get(nieuw_url(twente), user=coordinator_twente)
    response = verzenden(
        pagina,
        vraag_proces=optie("proces", 1),
        vraag_begeleiding=optie("begeleiding", 1),
        vraag_verantwoordelijk="De gemeente.",
        vraag_doelgroepen="Bijstand.",
        vraag_financiering="",
        vraag_mbo_borging="Het ROC.",
        status=200,
    )
    fouten = response.context["form"].errors
    assert fouten["vraag_monitoring"] == ["Kies de fase die nu het best past."]
    assert fouten["vraag_financiering"] == [
        "Beantwoord deze vraag. Nog geen afspraak? Schrijf dat op."
    ]
    assert "Beantwoord deze vraag." in response.text
    assert not Scan.objects.exists()


def test_another_regions_unshared_scan_is_404_everywhere(
    app, twente, coordinator_twente, buiten
):
    scan = scan_maken(twente, coordinator_twente)
    for naam in ("scan_detail", "scan_pdf", "scan_xlsx"):
        app.get(
            reverse(f"samenwerking:{naam}", args=[scan.pk]), user=buiten, status=404
        )
    posten(
        app,
        reverse("samenwerking:scan_delen", args=[scan.pk]),
        {"gedeeld": "on"},
        user=buiten,
        status=404,
    )
    app.get(nieuw_url(twente), user=buiten, status=404)
    posten(
        app,
        nieuw_url(twente),
        {"vraag_proces": optie("proces", 1)},
        user=buiten,
        status=404,
    )
    overzicht = app.get(OVERZICHT, user=buiten)
    assert "Twente" not in overzicht.html.select_one("main").get_text()
    scan.refresh_from_db()
    assert not scan.gedeeld
    assert Scan.objects.count() == 1


def test_other_roles_do_not_get_the_pages(app, consulent, twente, coordinator_twente):
    scan = scan_maken(twente, coordinator_twente, gedeeld=True)
    app.get(OVERZICHT, user=consulent, status=403)
    app.get(scan.get_absolute_url(), user=consulent, status=403)
    thuis = app.get(reverse("home"), user=consulent)
    assert OVERZICHT not in thuis


def test_sharing_makes_a_version_readable_for_other_regions_only(
    app, twente, coordinator_twente, buiten
):
    eerste = scan_maken(twente, coordinator_twente, proces=1)
    tweede = scan_maken(twente, coordinator_twente, proces=3)
    pagina = app.get(tweede.get_absolute_url(), user=coordinator_twente)
    actie = reverse("samenwerking:scan_delen", args=[tweede.pk])
    response = verzenden(pagina, actie=actie, gedeeld=True, status=302)
    tweede.refresh_from_db()
    assert tweede.gedeeld
    assert "nu zichtbaar voor andere regio" in response.follow()

    overzicht = app.get(OVERZICHT, user=buiten)
    gedeeld = (
        overzicht.html.select_one("#kop-gedeeld").find_parent("section").get_text()
    )
    assert "Twente" in gedeeld
    assert "Versie 2" in gedeeld
    detail = app.get(tweede.get_absolute_url(), user=buiten)
    assert "Je kunt hem lezen, niet wijzigen." in detail
    assert actie not in detail  # no share switch for another region
    # The unshared version 1 does not show, not even as the previous stage.
    assert "Eerste keer ingevuld" in detail
    assert "Vorige keer (versie 1" not in detail
    app.get(eerste.get_absolute_url(), user=buiten, status=404)
    posten(app, actie, {}, user=buiten, status=404)
    tweede.refresh_from_db()
    assert tweede.gedeeld

    # Switching it off again: the other region gets a 404.
    pagina = app.get(tweede.get_absolute_url(), user=coordinator_twente)
    verzenden(pagina, actie=actie, gedeeld=False, status=302)
    tweede.refresh_from_db()
    assert not tweede.gedeeld
    app.get(tweede.get_absolute_url(), user=buiten, status=404)


def test_the_pdf_shows_the_stages_the_change_and_the_agreements(
    app, twente, coordinator_twente, tmp_path
):
    scan_maken(twente, coordinator_twente, proces=2)
    scan = scan_maken(
        twente,
        coordinator_twente,
        proces=3,
        financiering="UWV betaalt het werkfit-deel.",
    )
    detail = app.get(scan.get_absolute_url(), user=coordinator_twente)
    response = detail.click(href=reverse("samenwerking:scan_pdf", args=[scan.pk]))
    assert response.content_type == "application/pdf"
    assert "samenwerkingsscan-AM05-v2.pdf" in response["Content-Disposition"]
    pad = tmp_path / "scan.pdf"
    pad.write_bytes(response.body)
    tekst = " ".join(pdftekst_pad(pad).split())
    assert "Samenwerkingsscan Twente" in tekst
    assert "versie 2" in tekst
    assert "Fase 3 van 5" in tekst
    assert "Hoger (+1)" in tekst
    assert "UWV betaalt het werkfit-deel." in tekst


def test_the_xlsx_has_a_row_per_answer_with_the_change(app, twente, coordinator_twente):
    scan_maken(twente, coordinator_twente, begeleiding=4)
    scan = scan_maken(twente, coordinator_twente, begeleiding=2, mbo_borging="=1+1")
    detail = app.get(scan.get_absolute_url(), user=coordinator_twente)
    response = detail.click(href=reverse("samenwerking:scan_xlsx", args=[scan.pk]))
    blad = load_workbook(io.BytesIO(response.body)).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0][:4] == ("Regio", "Versie", "Ingevuld op", "Ingevuld door")
    begeleiding = next(r for r in rijen if str(r[5]).startswith("Begeleiding"))
    assert begeleiding[0] == "Twente"
    assert begeleiding[1] == 2
    assert begeleiding[6:10] == (
        2,
        "Werk-leerbedrijf (begeleiding beperkt, niet uniform)",
        4,
        "Lager",
    )
    borging = next(r for r in rijen if str(r[5]).startswith("Wat doet de mbo"))
    assert borging[10] == "'=1+1"  # never a formula
    assert len(rijen) == 1 + 7


def test_beheerder_changes_a_question_and_its_stages_in_the_admin(app, beheerder):
    from samenwerking.models import Vraag

    vraag = Vraag.objects.get(code="monitoring")
    pagina = app.get(
        reverse("admin:samenwerking_vraag_change", args=[vraag.pk]), user=beheerder
    )
    verzenden(
        pagina,
        tekst="Monitoring: volgen jullie de resultaten?",
        **{"opties-0-titel": "Werkbedrijf"},
        status=302,
    )
    vraag.refresh_from_db()
    assert vraag.tekst == "Monitoring: volgen jullie de resultaten?"
    assert vraag.opties.get(fase=1).titel == "Werkbedrijf"
    # The coordinator's next scan asks the new text.
    coordinator = coordinator_van(regio("AM05"))
    formulier_pagina = app.get(nieuw_url(regio("AM05")), user=coordinator)
    assert "Monitoring: volgen jullie de resultaten?" in formulier_pagina
    assert "Fase 1: Werkbedrijf. Tussenresultaten" in formulier_pagina
