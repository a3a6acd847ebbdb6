"""The outcome and follow-up forms, the section on the traject page and the
consulent's to-do on the home page: scope (404), role (403), bad input, query counts."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from organisaties.constants import Rol
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory
from tests.factories.uitkomsten import (
    UitkomstFactory,
    VervolgmetingFactory,
    afgelopen_traject,
)
from tests.formulieren import formulier, invullen, posten, verzenden
from tests.portal.vandaag import vandaag_lijst
from trajecten.constants import TrajectStatus
from uitkomsten.constants import Situatie, UitkomstSoort
from uitkomsten.models import Uitkomst, Vervolgmeting

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
HOME = reverse("home")


def uitkomst_url(traject) -> str:
    return reverse("uitkomsten:uitkomst_vastleggen", args=[traject.pk])


def meting_url(meting) -> str:
    return reverse("uitkomsten:vervolgmeting_vastleggen", args=[meting.pk])


def test_consulent_records_the_outcome_and_sees_it_on_the_traject_page(app, consulent):
    einde = VANDAAG - datetime.timedelta(days=7)
    traject = afgelopen_traject(einde=einde, kandidaat__consulent=consulent)
    pagina = app.get(traject.get_absolute_url(), user=consulent)
    assert "Uitkomst en nameting" in pagina

    formulier_pagina = pagina.click(href=uitkomst_url(traject))
    assert formulier(formulier_pagina)["datum"].value == einde.isoformat()
    response = verzenden(
        formulier_pagina,
        soort=UitkomstSoort.WERK_LEERBEDRIJF,
        contractsoort="vast",
        uren_per_week="32",
        status=302,
    )
    assert response["Location"] == traject.get_absolute_url()
    assert Uitkomst.objects.get(traject=traject).uren_per_week == 32

    pagina = response.follow()
    assert "Werk bij het leerbedrijf" in pagina
    for meting in Vervolgmeting.objects.filter(traject=traject):
        assert meting_url(meting) in pagina


@pytest.mark.parametrize(
    ("data", "veld", "tekst"),
    [
        ({"contractsoort": ""}, "contractsoort", "Kies het soort contract"),
        ({"datum": "2000-01-01"}, "datum", "voor het einde van het traject"),
        ({"uren_per_week": "99"}, "uren_per_week", "60"),
        ({"soort": "onzin"}, "soort", "Selecteer een geldige keuze"),
    ],
)
def test_outcome_form_bad_input_saves_nothing(app, consulent, data, veld, tekst):
    traject = afgelopen_traject(einde=VANDAAG, kandidaat__consulent=consulent)
    pagina = app.get(uitkomst_url(traject), user=consulent)
    form = invullen(
        formulier(pagina),
        soort=UitkomstSoort.WERK_ELDERS,
        datum=VANDAAG.isoformat(),
        contractsoort="vast",
        uren_per_week="20",
    )
    response = invullen(form, **data).submit(status=200)
    assert veld in response.context["form"].errors
    assert tekst in response.text
    assert not Uitkomst.objects.exists()
    assert not Vervolgmeting.objects.exists()


def test_outcome_form_of_a_running_traject_sends_back(app, consulent):
    traject = TrajectFactory(lopend=True, kandidaat__consulent=consulent)
    response = app.get(uitkomst_url(traject), user=consulent, status=302)
    assert response["Location"] == traject.get_absolute_url()
    assert "loopt nog" in response.follow()
    # No page offers the form now; a hand-made POST is refused by the service.
    response = posten(
        app,
        uitkomst_url(traject),
        {"soort": "geen_vervolg", "datum": VANDAAG.isoformat()},
        user=consulent,
        status=200,
    )
    assert "loopt nog" in response.text
    assert not Uitkomst.objects.exists()


def test_consulent_fills_in_a_follow_up(app, consulent):
    meting = VervolgmetingFactory(te_laat=True, traject__kandidaat__consulent=consulent)
    traject_pagina = app.get(meting.traject.get_absolute_url(), user=consulent)
    pagina = traject_pagina.click(href=meting_url(meting))
    response = verzenden(
        pagina,
        situatie=Situatie.OPLEIDING,
        gemeten_op=VANDAAG.isoformat(),
        status=302,
    )
    assert response["Location"] == meting.traject.get_absolute_url()
    meting.refresh_from_db()
    assert (meting.situatie, meting.gemeten_op) == (Situatie.OPLEIDING, VANDAAG)

    # Work without the kind of contract is refused; the first answer stays.
    pagina = app.get(meting_url(meting))
    response = verzenden(
        pagina,
        situatie=Situatie.WERK,
        contractsoort="",
        gemeten_op=VANDAAG.isoformat(),
        status=200,
    )
    assert "contractsoort" in response.context["form"].errors
    meting.refresh_from_db()
    assert meting.situatie == Situatie.OPLEIDING


def test_forms_of_another_regions_traject_are_404(app):
    elders = OrganisatieFactory(regios=[regio("AM01")])
    hun_consulent = medewerker_met_rol(Rol.CONSULENT, organisatie=elders)
    traject = afgelopen_traject(
        einde=VANDAAG,
        kandidaat__consulent=hun_consulent,
        kandidaat__regio=regio("AM01"),
    )
    meting = VervolgmetingFactory(traject=traject)
    twente = medewerker_met_rol(Rol.CONSULENT)
    for url in (uitkomst_url(traject), meting_url(meting)):
        app.get(url, user=twente, status=404)
        posten(app, url, {"soort": "geen_vervolg"}, user=twente, status=404)
    assert Uitkomst.objects.get().soort == UitkomstSoort.WERK_LEERBEDRIJF


def test_a_role_that_may_not_change_trajecten_gets_403(app, consulent, jobcoach):
    traject = afgelopen_traject(einde=VANDAAG, kandidaat__consulent=consulent)
    meting = VervolgmetingFactory(traject=traject)
    # The jobcoach sees the traject, but does not record outcomes.
    pagina = app.get(traject.get_absolute_url(), user=jobcoach)
    assert uitkomst_url(traject) not in pagina
    for url in (uitkomst_url(traject), meting_url(meting)):
        app.get(url, user=jobcoach, status=403)
        posten(
            app,
            url,
            {"soort": "geen_vervolg", "situatie": Situatie.OPLEIDING},
            user=jobcoach,
            status=403,
        )
    assert Uitkomst.objects.get().soort == UitkomstSoort.WERK_LEERBEDRIJF
    meting.refresh_from_db()
    assert meting.situatie == ""


def test_traject_page_query_count_does_not_grow_with_follow_ups(client, consulent):
    client.force_login(consulent)

    def traject_met_metingen(maanden):
        traject = afgelopen_traject(
            einde=VANDAAG - datetime.timedelta(days=800), kandidaat__consulent=consulent
        )
        PlaatsingFactory(traject=traject)
        UitkomstFactory(traject=traject, datum=VANDAAG - datetime.timedelta(days=800))
        for i, m in enumerate(maanden):
            VervolgmetingFactory(traject=traject, maanden=m, gemeten=i % 2 == 0)
        return traject

    weinig = traject_met_metingen([6])
    veel = traject_met_metingen([3, 6, 9, 12, 18, 24])
    client.get(weinig.get_absolute_url())
    with CaptureQueriesContext(connection) as een:
        client.get(weinig.get_absolute_url())
    with CaptureQueriesContext(connection) as zes:
        response = client.get(veel.get_absolute_url())
    assert len(response.context["secties"][0][1]["vervolgmetingen"]) == 6
    assert len(zes) == len(een)


def test_traject_page_marks_a_late_follow_up(client, consulent):
    traject = afgelopen_traject(
        einde=VANDAAG - datetime.timedelta(days=400), kandidaat__consulent=consulent
    )
    UitkomstFactory(traject=traject, datum=VANDAAG - datetime.timedelta(days=400))
    VervolgmetingFactory(
        traject=traject, maanden=6, gepland_op=VANDAAG - datetime.timedelta(days=200)
    )
    VervolgmetingFactory(
        traject=traject, maanden=18, gepland_op=VANDAAG + datetime.timedelta(days=100)
    )
    client.force_login(consulent)
    tekst = client.get(traject.get_absolute_url()).text
    assert tekst.count("Te laat") == 1
    assert "Nog niet gemeten" in tekst


# --- the home page ---
def test_home_lists_due_follow_ups_and_outcomes_to_record_for_the_consulent(
    client, consulent, gemeente
):
    te_laat = VervolgmetingFactory(
        te_laat=True,
        traject__kandidaat__consulent=consulent,
        traject__kandidaat__voornaam="Halima",
    )
    VervolgmetingFactory(  # not due yet
        gepland_op=VANDAAG + datetime.timedelta(days=5),
        traject__kandidaat__consulent=consulent,
        traject__kandidaat__voornaam="Arthur",
    )
    VervolgmetingFactory(gemeten=True, traject__kandidaat__consulent=consulent)
    zonder = afgelopen_traject(
        einde=VANDAAG - datetime.timedelta(days=3),
        kandidaat=KandidaatFactory(consulent=consulent, voornaam="Fatima"),
    )
    client.force_login(consulent)
    response = client.get(HOME)
    assert [m.pk for m in vandaag_lijst(response, "te-meten")] == [te_laat.pk]
    assert [t.pk for t in vandaag_lijst(response, "zonder-uitkomst")] == [zonder.pk]
    html = response.content.decode()
    assert meting_url(te_laat) in html
    assert uitkomst_url(zonder) in html
    assert "Arthur" not in html

    # A colleague of the same gemeente sees these trajecten, but they are not hers.
    collega = medewerker_met_rol(Rol.CONSULENT, organisatie=gemeente)
    client.force_login(collega)
    response = client.get(HOME)
    assert vandaag_lijst(response, "te-meten") == []
    assert vandaag_lijst(response, "zonder-uitkomst") == []
    assert "Halima" not in response.content.decode()


def test_home_has_no_to_do_for_other_roles(client, consulent, coordinator):
    VervolgmetingFactory(te_laat=True, traject__kandidaat__consulent=consulent)
    client.force_login(coordinator)
    response = client.get(HOME)
    assert not response.context["vandaag"].getoond
    assert "Nametingen om in te vullen" not in response.content.decode()


def test_home_query_count_does_not_grow_with_the_to_do(client, consulent):
    def maak(n):
        for _ in range(n):
            VervolgmetingFactory(te_laat=True, traject__kandidaat__consulent=consulent)
            afgelopen_traject(
                einde=VANDAAG,
                status=TrajectStatus.NAZORG,
                kandidaat__consulent=consulent,
            )

    client.force_login(consulent)
    maak(1)
    client.get(HOME)
    with CaptureQueriesContext(connection) as een:
        client.get(HOME)
    maak(5)
    with CaptureQueriesContext(connection) as zes:
        response = client.get(HOME)
    assert len(vandaag_lijst(response, "te-meten")) == 6
    assert len(vandaag_lijst(response, "zonder-uitkomst")) == 6
    assert len(zes) == len(een)
