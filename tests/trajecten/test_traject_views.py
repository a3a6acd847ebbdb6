from django.urls import reverse

import pytest

from tests.factories.kandidaten import KandidaatFactory
from tests.factories.leerbedrijven import (
    ContactpersoonFactory,
    LeerbedrijfFactory,
    werkprocessen,
)
from tests.factories.organisaties import OrganisatieFactory
from tests.formulieren import formulier, invullen
from tests.trajecten.test_traject import gestart
from trajecten.constants import PdfStatus
from trajecten.models import OvereenkomstVersie, Traject

pytestmark = pytest.mark.django_db


def start_data(**extra):
    lb = LeerbedrijfFactory()
    opleider = ContactpersoonFactory(leerbedrijf=lb)
    data = {
        "kwalificatie": werkprocessen()[0].kerntaak.kwalificatie_id,
        "werkprocessen": [w.pk for w in werkprocessen()],
        "mbo_instelling": OrganisatieFactory(mbo=True).pk,
        "startdatum": "2026-12-01",
        "geplande_einddatum": "2027-08-31",
        "uren_per_week": "24",
        "plaatsingstype": "duurzaam",
        "baancreatie": "geen",
        "leerbedrijf": lb.pk,
        "praktijkopleider": opleider.pk,
        "routefase": "praktijkleren",
        # The candidates of these tests have no advice: the form asks why.
        "zonder_advies_reden": "De plek bij het leerbedrijf kon niet wachten.",
    }
    data.update(extra)
    return data


def start_formulier(pagina, data):
    """The start form as the consulent fills it: the werkprocessen checkboxes ticked,
    the other fields chosen or typed (make `data` before loading the page, so its
    leerbedrijf and mbo-instelling are among the options)."""
    data = dict(data)
    form = formulier(pagina)
    form["werkprocessen"] = [str(pk) for pk in data.pop("werkprocessen")]
    return invullen(form, **{k: str(v) for k, v in data.items()})


def test_starting_a_traject_from_the_candidate_page(app, consulent):
    halima = KandidaatFactory(consulent=consulent)
    data = start_data()
    kandidaat_pagina = app.get(halima.get_absolute_url(), user=consulent)
    assert "Traject starten" in kandidaat_pagina
    pagina = kandidaat_pagina.click(
        href=reverse("trajecten:traject_start", args=[halima.pk])
    )
    response = start_formulier(pagina, data).submit(status=302)
    traject = Traject.objects.get()
    assert response["Location"] == traject.get_absolute_url()
    assert "Plaatsing voorbereid" in app.get(halima.get_absolute_url())


@pytest.mark.parametrize(
    ("extra", "veld", "tekst"),
    [
        (
            {"geplande_einddatum": "2026-11-01"},
            "geplande_einddatum",
            "na de startdatum",
        ),
        ({"uren_per_week": "50"}, "uren_per_week", "hoogstens 40"),
        ({"uren_per_week": "0"}, "uren_per_week", "minstens 1"),
        ({"werkprocessen": []}, "werkprocessen", "verplicht"),
    ],
)
def test_start_form_bad_input_saves_nothing(app, consulent, extra, veld, tekst):
    halima = KandidaatFactory(consulent=consulent)
    data = start_data(**extra)
    pagina = app.get(
        reverse("trajecten:traject_start", args=[halima.pk]), user=consulent
    )
    response = start_formulier(pagina, data).submit(status=200)
    assert veld in response.context["form"].errors
    assert tekst in response.text
    assert not Traject.objects.exists()


def test_praktijkopleider_of_another_company_is_refused(app, consulent):
    halima = KandidaatFactory(consulent=consulent)
    vreemde = ContactpersoonFactory()
    data = start_data(praktijkopleider=vreemde.pk)
    pagina = app.get(
        reverse("trajecten:traject_start", args=[halima.pk]), user=consulent
    )
    # The list offers praktijkopleiders of every company the consulent sees; she
    # picks one of another company than the leerbedrijf she chose.
    opties = [w for w, *_ in formulier(pagina)["praktijkopleider"].options]
    assert str(vreemde.pk) in opties
    assert vreemde.leerbedrijf_id != data["leerbedrijf"]
    response = start_formulier(pagina, data).submit(status=200)
    assert "praktijkopleider" in response.context["form"].errors
    assert "Kies een praktijkopleider van dit leerbedrijf" in response.text
    assert not Traject.objects.exists()


def test_page_polls_while_a_pdf_is_being_made_and_stops_when_done(client, consulent):
    traject = gestart(consulent)
    client.force_login(consulent)
    from trajecten.services import overeenkomsten_genereren

    overeenkomsten_genereren(
        traject=traject, door=consulent
    )  # on_commit not run: waiting
    html = client.get(traject.get_absolute_url()).content.decode()
    paneel = reverse("trajecten:overeenkomsten_paneel", args=[traject.pk])
    assert f'hx-get="{paneel}"' in html
    assert "wordt gemaakt" in html

    from trajecten.services import pdf_maken

    for versie in OvereenkomstVersie.objects.all():
        pdf_maken(versie_id=versie.pk)
    deel = client.get(paneel).content.decode()
    assert "hx-get" not in deel
    assert "Versie 1 (PDF)" in deel
    assert OvereenkomstVersie.objects.filter(pdf_status=PdfStatus.KLAAR).count() == 3
    pdf = client.get(
        reverse(
            "trajecten:overeenkomst_pdf", args=[OvereenkomstVersie.objects.first().pk]
        )
    )
    assert pdf["Content-Type"] == "application/pdf"


def test_a_tampered_forbidden_move_is_refused_with_a_message(app, consulent):
    traject = gestart(consulent)
    pagina = app.get(traject.get_absolute_url(), user=consulent)
    form = formulier(
        pagina, actie=reverse("trajecten:traject_status", args=[traject.pk])
    )
    assert "afgesloten" not in [w for w, *_ in form["naar"].options]
    response = invullen(form, naar="afgesloten").submit(status=302).follow()
    assert "Deze stap kan nu niet" in response.text
    traject.refresh_from_db()
    assert traject.status == "plaatsing_voorbereid"
    assert traject.statuswijzigingen.count() == 1
