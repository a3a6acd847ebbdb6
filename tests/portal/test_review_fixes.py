"""Privacy and integrity rules found in review: each test fails without its fix."""

from django.urls import reverse

import pytest
from auditlog.models import LogEntry

from kandidaten.constants import Fase
from kandidaten.models import Kandidaat
from organisaties.constants import Rol
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.organisaties import (
    MedewerkerFactory,
    OrganisatieFactory,
    medewerker_met_rol,
)
from tests.formulieren import formulier, invullen, posten, verzenden
from tests.kandidaten.test_views import wijzig_data, wijzig_pagina
from tests.trajecten.test_advies import antwoorden
from trajecten.services import advies_vastleggen

pytestmark = pytest.mark.django_db


def test_beheerder_audit_trail_hides_candidates_names_and_values(
    app, client, consulent, beheerder
):
    halima = KandidaatFactory(
        consulent=consulent, voornaam="Halima", achternaam="Geheim"
    )
    pagina = wijzig_pagina(app, consulent, halima)
    verzenden(
        pagina,
        **wijzig_data(voornaam="Halima", achternaam="Geheim", arbeidsbeperking=True),
        status=302,
    )
    halima.refresh_from_db()
    assert halima.arbeidsbeperking is True

    client.force_login(beheerder)
    html = client.get(reverse("organisaties:audittrail")).content.decode()
    assert "Geheim" not in html
    assert f"nummer {halima.pk}" in html
    assert "waarden afgeschermd" in html
    assert client.get("/beheer/auditlog/logentry/").status_code == 403


def test_beheerder_cannot_touch_a_superuser_or_give_himself_roles(app, beheerder):
    baas = MedewerkerFactory(superuser=True)
    wachtwoord = f"/beheer/organisaties/medewerker/{baas.pk}/password/"
    app.get(wachtwoord, user=beheerder, status=404)
    posten(
        app,
        wachtwoord,
        {"password1": "Nieuw-wachtwoord-99", "password2": "Nieuw-wachtwoord-99"},
        user=beheerder,
        status=404,
    )
    baas.refresh_from_db()
    assert baas.check_password("geheim-wachtwoord-123")

    eigen = f"/beheer/organisaties/medewerker/{beheerder.pk}/change/"
    pagina = app.get(eigen, user=beheerder)
    assert "groups" not in formulier(pagina).fields  # read-only view
    posten(
        app,
        eigen,
        {
            "username": beheerder.username,
            "organisatie": beheerder.organisatie_id,
            "groups": [],
            "is_active": "on",
        },
        user=beheerder,
        status=403,
    )
    beheerder.refresh_from_db()
    assert beheerder.groups.filter(name=Rol.FUNCTIONEEL_BEHEERDER).exists()


def test_beheerder_admin_lists_only_medewerkers_of_own_regions(client, beheerder):
    from tests.factories.organisaties import regio

    elders = MedewerkerFactory(organisatie=OrganisatieFactory(regios=[regio("AM01")]))
    hier = MedewerkerFactory()
    client.force_login(beheerder)
    response = client.get("/beheer/organisaties/medewerker/")
    getoond = set(response.context["cl"].queryset)
    assert hier in getoond
    assert elders not in getoond


def test_viewing_an_advies_and_exporting_the_caseload_are_audited(client, consulent):
    mbo = medewerker_met_rol(
        Rol.MBO_MEDEWERKER, organisatie=OrganisatieFactory(mbo=True)
    )
    halima = KandidaatFactory(consulent=consulent)
    advies = advies_vastleggen(
        kandidaat=halima,
        door=consulent,
        mbo_medewerker=mbo,
        antwoorden=antwoorden(),
        besluit="praktijkverklaring",
        motivatie="Past.",
    )
    client.force_login(consulent)
    client.get(advies.get_absolute_url())
    assert (
        LogEntry.objects.get_for_object(advies)
        .filter(action=LogEntry.Action.ACCESS, actor=consulent)
        .exists()
    )

    client.get(reverse("kandidaten:kandidaat_list"), {"export": "csv"})
    export = LogEntry.objects.get_for_object(halima).get(action=LogEntry.Action.ACCESS)
    assert export.additional_data == {"via": "csv-export"}


def test_caseload_stays_own_on_page_2_and_in_the_export(client, consulent):
    collega = medewerker_met_rol(Rol.CONSULENT, organisatie=consulent.organisatie)
    KandidaatFactory(consulent=consulent, achternaam="Eigen")
    KandidaatFactory(consulent=collega, achternaam="Collega")
    client.force_login(consulent)
    pagina = client.get(reverse("kandidaten:kandidaat_list"), {"page": 1})
    assert [k.achternaam for k in pagina.context["object_list"]] == ["Eigen"]
    csv = client.get(
        reverse("kandidaten:kandidaat_list"), {"export": "csv"}
    ).content.decode()
    assert "Collega" not in csv
    alle = client.get(reverse("kandidaten:kandidaat_list"), {"consulent": ""})
    assert len(alle.context["object_list"]) == 2


def test_edit_opened_before_the_advice_cannot_put_the_old_phase_back(app, consulent):
    mbo = medewerker_met_rol(
        Rol.MBO_MEDEWERKER, organisatie=OrganisatieFactory(mbo=True)
    )
    halima = KandidaatFactory(consulent=consulent)
    pagina = wijzig_pagina(app, consulent, halima)

    advies_vastleggen(
        kandidaat=halima,
        door=consulent,
        mbo_medewerker=mbo,
        antwoorden=antwoorden(),
        besluit="praktijkverklaring",
        motivatie="Past.",
    )
    response = verzenden(pagina, **wijzig_data(), status=200)

    assert "Iemand anders heeft deze gegevens net gewijzigd" in response.text
    assert Kandidaat.objects.get(pk=halima.pk).fase == Fase.ADVIES_GEGEVEN


def test_edit_without_a_version_is_refused(app, consulent):
    halima = KandidaatFactory(consulent=consulent, telefoon="0600000000")
    form = invullen(formulier(wijzig_pagina(app, consulent, halima)), **wijzig_data())
    del form.fields["versie"]  # a hand-made request that leaves the version out
    form.field_order = [(n, f) for n, f in form.field_order if n != "versie"]
    response = form.submit(status=200)
    assert "versie" in response.context["form"].errors
    assert Kandidaat.objects.get(pk=halima.pk).telefoon == "0600000000"


def test_mbo_colleague_of_the_advising_school_sees_the_kandidaat(consulent):
    school = OrganisatieFactory(mbo=True)
    mbo = medewerker_met_rol(Rol.MBO_MEDEWERKER, organisatie=school)
    collega = medewerker_met_rol(Rol.MBO_MEDEWERKER, organisatie=school)
    halima = KandidaatFactory(consulent=consulent)
    advies_vastleggen(
        kandidaat=halima,
        door=consulent,
        mbo_medewerker=mbo,
        antwoorden=antwoorden(),
        besluit="praktijkverklaring",
        motivatie="Past.",
    )
    assert list(Kandidaat.objects.zichtbaar_voor(collega)) == [halima]


def test_praktijkopleider_does_not_read_the_recruiters_notes_on_his_company(client):
    from tests.factories.leerbedrijven import (
        ContactmomentFactory,
        ContactpersoonFactory,
    )

    opleider = medewerker_met_rol(Rol.PRAKTIJKOPLEIDER)
    moment = ContactmomentFactory(samenvatting="Twijfels over deze werkgever")
    ContactpersoonFactory(leerbedrijf=moment.leerbedrijf, account=opleider)
    client.force_login(opleider)
    html = client.get(moment.leerbedrijf.get_absolute_url()).content.decode()
    assert moment.leerbedrijf.organisatie.naam in html
    assert "Twijfels over deze werkgever" not in html
