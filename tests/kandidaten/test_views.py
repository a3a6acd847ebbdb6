import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from kandidaten.constants import Fase
from kandidaten.models import Kandidaat
from organisaties.constants import Rol
from tests.factories.kandidaten import ContactmomentFactory, KandidaatFactory
from tests.factories.organisaties import (
    MedewerkerFactory,
    OrganisatieFactory,
    medewerker_met_rol,
    regio,
)
from tests.formulieren import verzenden

pytestmark = pytest.mark.django_db


def intake_data(**extra):
    """What a consulent types at intake; regio, consulent and the date of consent
    keep what the page preselects."""
    data = {
        "voornaam": "Halima",
        "achternaam": "Yilmaz",
        "geboortedatum": "2003-04-12",
        "email": "halima@example.org",
        "telefoon": "0612345678",
        "postcode": "7511ab",
        "woonplaats": "Enschede",
        "bron": "gemeente",
        "uitkering": "participatiewet",
        "hoogste_opleiding": "buitenland",
        "startkwalificatie": "geen",
        "statushouder": True,
        "werkfit_fase": "specifiek",
        "wens_sector": "Textiel",
        "wens_beroep": "Naaister",
        "toestemming": True,
    }
    data.update(extra)
    return data


def wijzig_data(**extra):
    """The intake fields on the edit page (consent was given at intake)."""
    return {k: v for k, v in intake_data(**extra).items() if k != "toestemming"}


def aanmeld_pagina(app, user):
    """The intake page, reached from the caseload's button."""
    lijst = app.get(reverse("kandidaten:kandidaat_list"), user=user)
    return lijst.click(href=reverse("kandidaten:kandidaat_create"))


def wijzig_pagina(app, user, kandidaat):
    detail = app.get(kandidaat.get_absolute_url(), user=user)
    return detail.click(
        href=reverse("kandidaten:kandidaat_update", args=[kandidaat.pk])
    )


def test_intake_registers_the_kandidaat_in_the_consulents_caseload(app, consulent):
    response = verzenden(aanmeld_pagina(app, consulent), status=302, **intake_data())

    kandidaat = Kandidaat.objects.get()
    assert response["Location"] == kandidaat.get_absolute_url()
    assert kandidaat.regio == regio()
    assert kandidaat.consulent == consulent
    assert kandidaat.toestemming_op == timezone.localdate()
    assert kandidaat.postcode == "7511 AB"
    assert kandidaat.organisatie == consulent.organisatie
    assert kandidaat.toestemming_door == consulent
    assert kandidaat.fase == Fase.AANGEMELD
    assert kandidaat.gebeurtenissen.get().soort == "intake"
    caseload = app.get(reverse("kandidaten:kandidaat_list"))
    assert list(caseload.context["object_list"]) == [kandidaat]


@pytest.mark.parametrize(
    ("veld", "waarde", "fout"),
    [
        ("postcode", "75111", "Nederlandse postcode"),
        ("postcode", "0511 AB", "Nederlandse postcode"),
        ("email", "halima@", "geldig e-mailadres"),
        ("geboortedatum", "2999-01-01", "niet in de toekomst"),
        ("toestemming", False, "Dit veld is verplicht"),
        ("startkwalificatie", "ja", "Leg uit waarom praktijkleren past"),
        ("werkt_bij_intake", True, "Vul in welk traject of werk"),
        ("voornaam", "", "Dit veld is verplicht"),
    ],
)
def test_intake_with_bad_input_shows_dutch_error_next_to_field_and_saves_nothing(
    app, consulent, veld, waarde, fout
):
    pagina = aanmeld_pagina(app, consulent)

    response = verzenden(pagina, status=200, **intake_data(**{veld: waarde}))

    form = response.context["form"]
    assert (
        veld in form.errors
        or "startkwalificatie_motivatie" in form.errors
        or ("lopend_toelichting" in form.errors)
    )
    html = response.text
    assert fout in html
    assert 'aria-invalid="true"' in html or "is-invalid" in html
    assert not Kandidaat.objects.exists()


def test_second_of_two_concurrent_edits_is_refused(app, consulent):
    kandidaat = KandidaatFactory(consulent=consulent, voornaam="Halima")
    # Two tabs (or two colleagues) open the edit page at the same version.
    eerste_pagina = wijzig_pagina(app, consulent, kandidaat)
    tweede_pagina = wijzig_pagina(app, consulent, kandidaat)

    verzenden(eerste_pagina, telefoon="0611111111", status=302)
    tweede = verzenden(tweede_pagina, telefoon="0622222222", status=200)

    assert "Iemand anders heeft deze gegevens net gewijzigd" in tweede.text
    kandidaat.refresh_from_db()
    assert kandidaat.telefoon == "0611111111"
    assert kandidaat.versie == 2


def test_hans_of_uwv_and_a_consulent_of_another_region_get_404(client, consulent):
    halima = KandidaatFactory(consulent=consulent)
    hans = medewerker_met_rol(Rol.CONSULENT, organisatie=OrganisatieFactory(uwv=True))
    elders = medewerker_met_rol(
        Rol.CONSULENT, organisatie=OrganisatieFactory(regios=[regio("AM01")])
    )
    for url in [
        reverse("kandidaten:kandidaat_detail", args=[halima.pk]),
        reverse("kandidaten:kandidaat_update", args=[halima.pk]),
        reverse("kandidaten:contactmoment_create", args=[halima.pk]),
    ]:
        for gebruiker in (hans, elders):
            client.force_login(gebruiker)
            assert client.get(url).status_code == 404, (gebruiker, url)
        client.force_login(consulent)
        assert client.get(url).status_code == 200


def test_colleague_of_same_organisation_sees_the_kandidaat(client, consulent):
    halima = KandidaatFactory(consulent=consulent)
    collega = medewerker_met_rol(Rol.CONSULENT, organisatie=consulent.organisatie)
    client.force_login(collega)
    assert client.get(halima.get_absolute_url()).status_code == 200


def test_praktijkopleider_and_beheerder_see_no_kandidaten(
    client, consulent, praktijkopleider, beheerder
):
    halima = KandidaatFactory(consulent=consulent)
    for gebruiker in (praktijkopleider, beheerder):
        client.force_login(gebruiker)
        assert client.get(halima.get_absolute_url()).status_code in (403, 404)
        assert not Kandidaat.objects.zichtbaar_voor(gebruiker).exists()


def test_viewing_a_kandidaat_is_audited(client, consulent):
    from auditlog.models import LogEntry

    halima = KandidaatFactory(consulent=consulent)
    client.force_login(consulent)
    client.get(halima.get_absolute_url())
    entry = LogEntry.objects.get_for_object(halima).get(action=LogEntry.Action.ACCESS)
    assert entry.actor == consulent


def contactmoment_pagina(app, user, kandidaat):
    detail = app.get(kandidaat.get_absolute_url(), user=user)
    return detail.click(
        href=reverse("kandidaten:contactmoment_create", args=[kandidaat.pk])
    )


def test_contactmoment_lands_on_the_timeline_and_in_the_caseload(app, consulent):
    halima = KandidaatFactory(consulent=consulent)
    morgen = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = verzenden(
        contactmoment_pagina(app, consulent, halima),
        datum=timezone.localdate().isoformat(),
        soort="gesprek",
        samenvatting="Intakegesprek",
        volgende_actie="Checklist met mbo",
        volgende_actie_op=morgen,
        status=302,
    )
    assert response["Location"] == halima.get_absolute_url()
    detail = response.follow().text
    assert "Gesprek: Intakegesprek" in detail
    rij = app.get(reverse("kandidaten:kandidaat_list")).context["object_list"][0]
    assert rij.volgende_actie == "Checklist met mbo"
    assert rij.signalen == []


@pytest.mark.parametrize(
    ("extra", "veld"),
    [
        ({"datum": "2999-01-01"}, "datum"),
        ({"volgende_actie": "Bellen", "volgende_actie_op": ""}, "volgende_actie_op"),
        ({"samenvatting": ""}, "samenvatting"),
    ],
)
def test_contactmoment_bad_input_saves_nothing(app, consulent, extra, veld):
    halima = KandidaatFactory(consulent=consulent)
    data = {
        "datum": timezone.localdate().isoformat(),
        "soort": "gesprek",
        "samenvatting": "x",
        **extra,
    }
    response = verzenden(contactmoment_pagina(app, consulent, halima), **data)
    assert response.status_code == 200
    fout = response.context["form"].errors[veld][0]
    assert fout in response.text
    assert not halima.contactmomenten.exists()


def test_caseload_signals_no_contact_in_30_days(client, consulent):
    lang_geleden = timezone.localdate() - datetime.timedelta(days=60)
    stil = KandidaatFactory(
        consulent=consulent, achternaam="Stil", toestemming_op=lang_geleden
    )
    # Taken in long ago (a candidate is not 'without contact' in its first 30 days).
    Kandidaat.objects.filter(pk=stil.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=60)
    )
    ContactmomentFactory(
        kandidaat=stil, datum=timezone.localdate() - datetime.timedelta(days=40)
    )
    actief = KandidaatFactory(consulent=consulent, achternaam="Actief")
    ContactmomentFactory(kandidaat=actief)
    client.force_login(consulent)

    rijen = client.get(reverse("kandidaten:kandidaat_list")).context["object_list"]
    assert {k.achternaam: k.signalen for k in rijen} == {
        "Actief": [],
        "Stil": ["Geen contact in 30 dagen"],
    }
    gefilterd = client.get(
        reverse("kandidaten:kandidaat_list"), {"signaal": "geen_contact"}
    )
    assert [k.achternaam for k in gefilterd.context["object_list"]] == ["Stil"]


def test_caseload_query_count_is_the_same_at_3_and_30_rows(
    client, consulent, django_assert_num_queries
):
    client.force_login(consulent)
    url = reverse("kandidaten:kandidaat_list")

    def maak(n):
        for _ in range(n):
            ContactmomentFactory(kandidaat=KandidaatFactory(consulent=consulent))

    maak(3)
    client.get(url)  # warm up the session
    with CaptureQueriesContext(connection) as drie:
        assert len(client.get(url).context["object_list"]) == 3
    maak(27)
    with django_assert_num_queries(len(drie)):
        assert len(client.get(url).context["object_list"]) == 30


def test_caseload_csv_export_opens_in_a_spreadsheet(client, consulent):
    KandidaatFactory(consulent=consulent, voornaam="Zoë", achternaam="Ğür")
    client.force_login(consulent)
    response = client.get(reverse("kandidaten:kandidaat_list"), {"export": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    tekst = response.content.decode("utf-8")
    assert tekst.startswith("\ufeffVoornaam;Achternaam;")
    assert "Zoë;Ğür;" in tekst


def test_coordinator_sees_the_team_view_of_the_region(client, coordinator, consulent):
    KandidaatFactory.create_batch(2, consulent=consulent)
    KandidaatFactory(consulent=consulent, advies=True)
    andere = medewerker_met_rol(Rol.CONSULENT, organisatie=OrganisatieFactory(uwv=True))
    KandidaatFactory(consulent=andere)
    KandidaatFactory(  # other region: not in the team view
        consulent=medewerker_met_rol(
            Rol.CONSULENT, organisatie=OrganisatieFactory(regios=[regio("AM01")])
        ),
        regio=regio("AM01"),
    )
    client.force_login(coordinator)

    response = client.get(reverse("kandidaten:team"))

    rijen = {r["consulent"]: r for r in response.context["rijen"]}
    assert set(rijen) == {consulent.pk, andere.pk}
    assert rijen[consulent.pk]["totaal"] == 3
    assert rijen[consulent.pk]["aantal_advies"] == 1
    # Taken in today: not 'without contact' yet (tests/kandidaten/test_signalen.py).
    assert rijen[consulent.pk]["zonder_contact"] == 0


def test_team_view_is_for_coordinators(client, consulent):
    client.force_login(consulent)
    assert client.get(reverse("kandidaten:team")).status_code == 403


def test_jobcoach_sees_kandidaat_he_coaches_in_another_organisation(client, consulent):
    coach = MedewerkerFactory(rollen=[Rol.JOBCOACH])
    halima = KandidaatFactory(consulent=consulent, jobcoach=coach)
    client.force_login(coach)
    assert client.get(halima.get_absolute_url()).status_code == 200


def test_caseload_xlsx_export_opens_in_excel(client, consulent):
    from io import BytesIO

    from openpyxl import load_workbook

    KandidaatFactory(consulent=consulent, voornaam="Zoë", achternaam="Ğür")
    client.force_login(consulent)
    response = client.get(reverse("kandidaten:kandidaat_list"), {"export": "xlsx"})
    assert response["Content-Disposition"].endswith('.xlsx"')
    blad = load_workbook(BytesIO(response.content)).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0][:3] == ("Voornaam", "Achternaam", "Geboortedatum")
    assert rijen[1][:2] == ("Zoë", "Ğür")
    assert hasattr(rijen[1][2], "year")  # a real date, not text
