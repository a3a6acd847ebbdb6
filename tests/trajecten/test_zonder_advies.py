"""Issue 14, item 9: a traject without an advice asks a reason, or is refused when
the beheerder made the advice required."""

from django.urls import reverse

import pytest
from auditlog.models import LogEntry

from kandidaten.models import Kandidaat
from organisaties.constants import Rol
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.leerbedrijven import kwalificatie
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol
from tests.formulieren import formulier, posten, verzenden
from tests.trajecten.test_traject_views import start_data, start_formulier
from trajecten.constants import AdviesUitkomst
from trajecten.models import Advies, Traject, TrajectInstellingen

pytestmark = pytest.mark.django_db

REDEN_VELD = "zonder_advies_reden"


def start_url(kandidaat):
    return reverse("trajecten:traject_start", args=[kandidaat.pk])


def advies_voor(kandidaat) -> Advies:
    mbo = OrganisatieFactory(mbo=True)
    return Advies.objects.create(
        kandidaat=kandidaat,
        versie=1,
        kwalificatie=kwalificatie(),
        mbo_medewerker=medewerker_met_rol(Rol.MBO_MEDEWERKER, organisatie=mbo),
        mbo_instelling=mbo,
        voorgesteld=AdviesUitkomst.PRAKTIJKVERKLARING,
        besluit=AdviesUitkomst.PRAKTIJKVERKLARING,
        motivatie="Past goed.",
        besloten_door=kandidaat.consulent,
    )


def advies_verplicht_zetten(aan=True):
    TrajectInstellingen.objects.update_or_create(
        pk=1, defaults={"advies_verplicht": aan}
    )


def test_without_an_advice_the_reason_is_required_and_nothing_is_saved(app, consulent):
    halima = KandidaatFactory(consulent=consulent)
    data = start_data(**{REDEN_VELD: "   "})
    pagina = app.get(start_url(halima), user=consulent)
    assert "heeft nog geen advies" in pagina.text

    response = start_formulier(pagina, data).submit(status=200)

    assert REDEN_VELD in response.context["form"].errors
    assert "Schrijf op waarom het traject toch al start." in response.text
    assert not Traject.objects.exists()
    halima.refresh_from_db()
    assert halima.fase == Kandidaat._meta.get_field("fase").default


def test_without_an_advice_the_reason_is_stored_and_shown(app, consulent):
    halima = KandidaatFactory(consulent=consulent)
    data = start_data(**{REDEN_VELD: "De plek kon niet wachten."})
    pagina = app.get(start_url(halima), user=consulent)

    start_formulier(pagina, data).submit(status=302)

    traject = Traject.objects.get()
    assert traject.advies is None
    assert traject.zonder_advies_reden == "De plek kon niet wachten."
    detail = app.get(traject.get_absolute_url(), user=consulent)
    assert "Gestart zonder advies: De plek kon niet wachten." in detail.text


def test_with_an_advice_the_form_asks_no_reason(app, consulent):
    halima = KandidaatFactory(consulent=consulent)
    advies = advies_voor(halima)
    data = start_data()
    data.pop(REDEN_VELD)
    pagina = app.get(start_url(halima), user=consulent)
    assert REDEN_VELD not in formulier(pagina).fields

    start_formulier(pagina, data).submit(status=302)

    traject = Traject.objects.get()
    assert traject.advies == advies
    assert traject.zonder_advies_reden == ""


def test_a_required_advice_blocks_the_start_with_a_dutch_message(app, consulent):
    advies_verplicht_zetten()
    halima = KandidaatFactory(consulent=consulent)
    data = start_data()

    pagina = app.get(start_url(halima), user=consulent)
    assert "Dit traject kan nog niet starten." in pagina.text
    assert "In deze regio is het advies verplicht" in pagina.text
    assert "Traject starten</button>" not in pagina.text
    # A POST the page does not offer changes nothing either.
    data.pop("werkprocessen")
    response = posten(app, start_url(halima), data, user=consulent, status=200)
    assert "Dit traject kan nog niet starten." in response.text
    assert not Traject.objects.exists()

    # With an advice the same candidate can start.
    advies_voor(halima)
    pagina = app.get(start_url(halima), user=consulent)
    assert "Dit traject kan nog niet starten." not in pagina.text


def test_the_service_refuses_without_an_advice_when_it_is_required(consulent):
    from tests.trajecten.test_traject import gestart

    advies_verplicht_zetten()
    with pytest.raises(Exception, match="advies .*verplicht"):
        gestart(consulent, zonder_advies_reden="Toch maar.")
    assert not Traject.objects.exists()


def test_beheerder_sets_the_advice_required_in_the_admin_and_it_is_audited(
    app, client, beheerder
):
    # The one row exists (migration, restored after a flush) with the default.
    assert TrajectInstellingen.objects.get().pk == 1
    assert not TrajectInstellingen.huidig().advies_verplicht
    lijst = app.get("/beheer/trajecten/trajectinstellingen/", user=beheerder)
    pagina = lijst.click(href="/beheer/trajecten/trajectinstellingen/1/change/")
    response = verzenden(pagina, advies_verplicht=True, status=302)
    assert response["Location"].endswith("/beheer/trajecten/trajectinstellingen/")
    assert TrajectInstellingen.huidig().advies_verplicht

    # One row: none added, never deleted; every change is in the audit trail.
    client.force_login(beheerder)
    assert client.get("/beheer/trajecten/trajectinstellingen/add/").status_code == 403
    assert (
        client.get("/beheer/trajecten/trajectinstellingen/1/delete/").status_code == 403
    )
    pagina = app.get("/beheer/trajecten/trajectinstellingen/1/change/", user=beheerder)
    verzenden(pagina, advies_verplicht=False, status=302)
    assert not TrajectInstellingen.huidig().advies_verplicht
    wijzigingen = LogEntry.objects.get_for_model(TrajectInstellingen).filter(
        actor=beheerder
    )
    assert wijzigingen.count() == 2
    assert TrajectInstellingen.objects.count() == 1


def test_a_consulent_cannot_reach_the_setting(client, consulent):
    client.force_login(consulent)
    response = client.get("/beheer/trajecten/trajectinstellingen/")
    assert response.status_code in (302, 403)
