from django.urls import reverse

import pytest

from tests.factories.kandidaten import KandidaatFactory
from tests.factories.leerbedrijven import (
    ContactpersoonFactory,
    LeerbedrijfFactory,
    werkprocessen,
)
from tests.factories.organisaties import OrganisatieFactory
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
    }
    data.update(extra)
    return data


def test_starting_a_traject_from_the_candidate_page(client, consulent):
    halima = KandidaatFactory(consulent=consulent)
    client.force_login(consulent)
    assert "Traject starten" in client.get(halima.get_absolute_url()).content.decode()
    response = client.post(
        reverse("trajecten:traject_start", args=[halima.pk]), start_data()
    )
    traject = Traject.objects.get()
    assert response["Location"] == traject.get_absolute_url()
    assert (
        "Plaatsing voorbereid" in client.get(halima.get_absolute_url()).content.decode()
    )


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
def test_start_form_bad_input_saves_nothing(client, consulent, extra, veld, tekst):
    halima = KandidaatFactory(consulent=consulent)
    client.force_login(consulent)
    response = client.post(
        reverse("trajecten:traject_start", args=[halima.pk]), start_data(**extra)
    )
    assert response.status_code == 200
    assert veld in response.context["form"].errors
    assert tekst in response.content.decode()
    assert not Traject.objects.exists()


def test_praktijkopleider_of_another_company_is_refused(client, consulent):
    halima = KandidaatFactory(consulent=consulent)
    client.force_login(consulent)
    vreemde = ContactpersoonFactory()
    response = client.post(
        reverse("trajecten:traject_start", args=[halima.pk]),
        start_data(praktijkopleider=vreemde.pk),
    )
    assert "praktijkopleider" in response.context["form"].errors
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


def test_a_tampered_forbidden_move_is_refused_with_a_message(client, consulent):
    traject = gestart(consulent)
    client.force_login(consulent)
    response = client.post(
        reverse("trajecten:traject_status", args=[traject.pk]),
        {"naar": "afgesloten"},
        follow=True,
    )
    assert "Deze stap kan nu niet" in response.content.decode()
    traject.refresh_from_db()
    assert traject.status == "plaatsing_voorbereid"
    assert traject.statuswijzigingen.count() == 1
