"""Correcting a running traject through the page (webtest, CSRF on): history, the
candidate's timeline, the agreements notice, bad input, overlap, roles and scope."""

import datetime
from decimal import Decimal

from django.urls import reverse

import pytest

from kandidaten.models import Gebeurtenis
from meldingen.models import Melding
from organisaties.constants import Rol
from tests.factories.leerbedrijven import LeerbedrijfFactory
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.factories.trajecten import (
    FinancieringFactory,
    PlaatsingFactory,
    TrajectFactory,
)
from tests.formulieren import formulier, invullen, posten, verzenden
from trajecten.constants import CorrectieVeld, OvereenkomstSoort, Routefase
from trajecten.models import Overeenkomst, Traject, TrajectCorrectie
from trajecten.services import (
    CorrectieInvoer,
    overeenkomsten_genereren,
    plaatsing_veld,
    traject_corrigeren,
)

pytestmark = pytest.mark.django_db

START = datetime.date(2027, 1, 4)
EIND = datetime.date(2027, 9, 30)
WISSEL = datetime.date(2027, 3, 31)  # the werkfit part ends, praktijkleren starts after


def traject_met_route(consulent, *, mbo_instelling=None, overeenkomsten=True, **kw):
    """A running integral route: werkfit at one company, then praktijkleren at another;
    its agreements generated once (versions without PDF: fast, same fingerprint)."""
    traject = TrajectFactory(
        kandidaat__consulent=consulent,
        startdatum=START,
        geplande_einddatum=EIND,
        mbo_instelling=mbo_instelling or OrganisatieFactory(mbo=True),
        **(kw or {"lopend": True}),
    )
    PlaatsingFactory(
        traject=traject,
        leerbedrijf=LeerbedrijfFactory(organisatie__naam="Werkfit Hengelo"),
        routefase=Routefase.WERKFIT,
        startdatum=START,
        einddatum=WISSEL,
    )
    PlaatsingFactory(
        traject=traject,
        leerbedrijf=LeerbedrijfFactory(organisatie__naam="Bakkerij Bol"),
        startdatum=WISSEL + datetime.timedelta(days=1),
        einddatum=EIND,
    )
    if overeenkomsten:
        Overeenkomst.objects.bulk_create(
            Overeenkomst(traject=traject, soort=s) for s in OvereenkomstSoort.values
        )
        overeenkomsten_genereren(traject=traject, door=consulent)
    return traject


def url(traject) -> str:
    return reverse("trajecten:traject_corrigeren", args=[traject.pk])


def plaatsingen(traject):
    return list(traject.plaatsingen.order_by("startdatum", "pk"))


def test_consulent_corrects_period_and_hours_sees_history_timeline_and_agreements(
    app, consulent
):
    traject = traject_met_route(consulent)
    pagina = app.get(traject.get_absolute_url(), user=consulent)
    assert "Traject corrigeren" in pagina
    assert "kloppen niet meer" not in pagina  # the agreements match the data

    formulier_pagina = pagina.click(href=url(traject))
    assert formulier(formulier_pagina)["uren_per_week"].value == "24"
    response = verzenden(
        formulier_pagina,
        uren_per_week="20",
        geplande_einddatum="2027-10-31",
        **{plaatsing_veld(plaatsingen(traject)[1].pk, "einddatum"): "2027-10-31"},
        reden="Typefout: het leerbedrijf had 20 uur afgesproken tot eind oktober.",
        status=302,
    )
    assert response["Location"] == traject.get_absolute_url()

    traject.refresh_from_db()
    assert traject.uren_per_week == 20
    assert traject.geplande_einddatum == datetime.date(2027, 10, 31)
    assert plaatsingen(traject)[1].einddatum == datetime.date(2027, 10, 31)
    correctie = TrajectCorrectie.objects.get(traject=traject)
    assert correctie.door == consulent
    assert "20 uur" in correctie.reden
    assert {(r.veld, r.oud, r.nieuw) for r in correctie.regels.all()} == {
        (CorrectieVeld.UREN_PER_WEEK, "24", "20"),
        (CorrectieVeld.GEPLANDE_EINDDATUM, "30-09-2027", "31-10-2027"),
        (CorrectieVeld.PLAATSING_EINDDATUM, "30-09-2027", "31-10-2027"),
    }
    gebeurtenis = Gebeurtenis.objects.filter(kandidaat=traject.kandidaat).latest("pk")
    assert gebeurtenis.titel.startswith("Traject gecorrigeerd: ")
    assert "uren per week" in gebeurtenis.titel
    assert "Uren per week: 24 → 20" in gebeurtenis.toelichting
    assert "20 uur" in gebeurtenis.toelichting

    pagina = response.follow()
    assert "De correctie is opgeslagen." in pagina
    # After saving and on the page itself: which agreements need a new version.
    drie = ["Plaatsingsovereenkomst", "Praktijkovereenkomst", "Opleidingsovereenkomst"]
    melding = pagina.html.select_one(".messages .alert-warning").text
    assert "Deze overeenkomsten kloppen niet meer met het traject" in melding
    assert ", ".join(drie) in melding
    paneel = pagina.html.select_one("#overeenkomsten .alert-warning")
    assert "hebben een nieuwe versie nodig" in paneel.text
    assert sorted(li.text for li in paneel.select("li")) == sorted(drie)
    geschiedenis = pagina.html.find(id="kop-correcties").parent
    assert "Uren per week" in geschiedenis.text
    assert "31-10-2027" in geschiedenis.text
    assert "20 uur" in geschiedenis.text

    # The candidate's timeline shows it.
    assert gebeurtenis.titel in app.get(
        traject.kandidaat.get_absolute_url(), user=consulent
    )

    # Making the new versions (the existing button) clears the notice.
    overeenkomsten_genereren(traject=traject, door=consulent)
    assert "hebben een nieuwe versie nodig" not in app.get(
        traject.get_absolute_url(), user=consulent
    )


def test_mbo_medewerker_of_the_school_corrects_werkprocessen(app, mbo_medewerker):
    consulent = medewerker_met_rol(Rol.CONSULENT)
    traject = traject_met_route(consulent, mbo_instelling=mbo_medewerker.organisatie)
    pagina = app.get(traject.get_absolute_url(), user=mbo_medewerker)
    form = formulier(pagina.click(href=url(traject)))
    vakjes = [
        form.get("werkprocessen", index=i)
        for i in range(len(form.fields["werkprocessen"]))
    ]
    assert len(vakjes) > 1
    assert all(v.checked for v in vakjes)
    weg = vakjes[-1]._value
    vakjes[-1].checked = False
    invullen(form, reden="Dit werkproces kan het leerbedrijf niet bieden.")
    form.submit(status=302)

    assert str(weg) not in {
        str(pk) for pk in traject.werkprocessen.values_list("pk", flat=True)
    }
    regel = TrajectCorrectie.objects.get(traject=traject).regels.get()
    assert regel.veld == CorrectieVeld.WERKPROCESSEN
    assert len(regel.oud.split(", ")) == len(vakjes)
    assert len(regel.nieuw.split(", ")) == len(vakjes) - 1
    # The consulent hears about it; the mbo-medewerker who corrected does not.
    melding = Melding.objects.get(oorzaak__startswith="traject_correctie:")
    assert melding.ontvanger == consulent
    assert "werkprocessen" in melding.tekst


def test_funding_correction_is_kept_and_needs_no_new_agreement(app, consulent):
    traject = traject_met_route(consulent)
    financiering = FinancieringFactory(traject=traject)
    pagina = app.get(url(traject), user=consulent)
    response = verzenden(
        pagina,
        **{f"financiering_{financiering.pk}_bedrag_mbo": "1250.00"},
        reden="Bedrag volgens de beschikking.",
        status=302,
    )
    financiering.refresh_from_db()
    assert financiering.bedrag_mbo == Decimal("1250.00")
    regel = TrajectCorrectie.objects.get().regels.get()
    assert (regel.veld, regel.oud, regel.nieuw) == (
        CorrectieVeld.FINANCIERING_BEDRAG_MBO,
        "€ 1500,00",
        "€ 1250,00",
    )
    # The agreements do not show the funding: they stay valid.
    assert "kloppen niet meer" not in response.follow()


def test_reason_is_required_and_nothing_is_saved(app, consulent):
    traject = traject_met_route(consulent)
    response = verzenden(
        app.get(url(traject), user=consulent),
        uren_per_week="16",
        reden="  ",
        status=200,
    )
    assert "reden" in response.context["form"].errors
    assert "Schrijf op waarom je het traject corrigeert." in response
    traject.refresh_from_db()
    assert traject.uren_per_week == 24
    assert not TrajectCorrectie.objects.exists()


@pytest.mark.parametrize(
    ("veld", "waarde", "fout_bij"),
    [
        ("geplande_einddatum", "2026-12-31", "geplande_einddatum"),
        ("plaatsing_1_einddatum", "2027-01-01", "plaatsing_1_einddatum"),
    ],
)
def test_end_before_start_is_refused_and_nothing_is_saved(
    app, consulent, veld, waarde, fout_bij
):
    traject = traject_met_route(consulent)
    werkfit = plaatsingen(traject)[0]
    veld = veld.replace("_1_", f"_{werkfit.pk}_")
    fout_bij = fout_bij.replace("_1_", f"_{werkfit.pk}_")
    response = verzenden(
        app.get(url(traject), user=consulent),
        uren_per_week="16",  # a valid change next to the bad one is not kept either
        **{veld: waarde},
        reden="Typefout.",
        status=200,
    )
    assert (
        "De einddatum moet na de startdatum liggen."
        in (response.context["form"].errors[fout_bij])
    )
    assert "De einddatum moet na de startdatum liggen." in response
    traject.refresh_from_db()
    assert (traject.uren_per_week, traject.geplande_einddatum) == (24, EIND)
    assert plaatsingen(traject)[0].einddatum == WISSEL
    assert not TrajectCorrectie.objects.exists()


def test_overlapping_placements_need_the_explicit_checkbox(app, consulent):
    traject = traject_met_route(consulent)
    werkfit, praktijk = plaatsingen(traject)
    later = "2027-04-30"
    response = verzenden(
        app.get(url(traject), user=consulent),
        **{plaatsing_veld(werkfit.pk, "einddatum"): later},
        reden="Werkfit duurt een maand langer.",
        status=200,
    )
    fouten = response.context["form"].errors[plaatsing_veld(praktijk.pk, "startdatum")]
    assert "overlapt met de plaatsing bij Werkfit Hengelo" in fouten[0]
    assert "De overlap is bedoeld" in response
    assert plaatsingen(traject)[0].einddatum == WISSEL
    assert not TrajectCorrectie.objects.exists()

    # The form comes back with the user's input; ticking the box saves it.
    response = verzenden(response, overlap_bedoeld=True, status=302)
    assert plaatsingen(traject)[0].einddatum == datetime.date(2027, 4, 30)
    assert TrajectCorrectie.objects.get().regels.get().nieuw == "30-04-2027"


def test_no_change_gives_a_friendly_message_and_no_history(app, consulent):
    traject = traject_met_route(consulent)
    tijdlijn = Gebeurtenis.objects.count()
    response = verzenden(
        app.get(url(traject), user=consulent), reden="Even kijken.", status=200
    )
    assert "Je hebt niets veranderd. Er is dus niets opgeslagen." in response
    assert not TrajectCorrectie.objects.exists()
    assert Gebeurtenis.objects.count() == tijdlijn


def test_a_correction_made_meanwhile_is_not_overwritten(app, consulent):
    traject = traject_met_route(consulent)
    mijn_pagina = app.get(url(traject), user=consulent)
    # A colleague saves a correction while this page is open.
    traject_corrigeren(
        traject=traject,
        door=medewerker_met_rol(Rol.CONSULENT, organisatie=consulent.organisatie),
        invoer=CorrectieInvoer(uren_per_week=32),
        reden="Meer uren afgesproken.",
    )
    response = verzenden(
        mijn_pagina, geplande_einddatum="2027-08-31", reden="Eerder klaar.", status=200
    )
    assert "Iemand anders heeft deze gegevens net gewijzigd" in response
    traject.refresh_from_db()
    assert (traject.uren_per_week, traject.geplande_einddatum) == (32, EIND)
    assert TrajectCorrectie.objects.count() == 1


@pytest.mark.parametrize("rol", [Rol.JOBCOACH, Rol.REGIOCOORDINATOR])
def test_other_roles_see_no_button_and_get_403(app, consulent, rol):
    traject = traject_met_route(consulent)
    gebruiker = medewerker_met_rol(rol, organisatie=consulent.organisatie)
    assert "Traject corrigeren" not in app.get(
        traject.get_absolute_url(), user=gebruiker
    )
    app.get(url(traject), user=gebruiker, status=403)
    posten(
        app,
        url(traject),
        {"uren_per_week": "8", "reden": "x", "versie": traject.versie},
        user=gebruiker,
        status=403,
    )
    traject.refresh_from_db()
    assert traject.uren_per_week == 24


def test_praktijkopleider_of_the_placement_gets_403(app, consulent, praktijkopleider):
    traject = traject_met_route(consulent)
    plaatsing = plaatsingen(traject)[1]
    plaatsing.praktijkopleider.account = praktijkopleider
    plaatsing.praktijkopleider.save()
    assert "Traject corrigeren" not in app.get(
        traject.get_absolute_url(), user=praktijkopleider
    )
    app.get(url(traject), user=praktijkopleider, status=403)


def test_another_region_or_school_gets_404(app, consulent, mbo_medewerker):
    traject = traject_met_route(
        consulent
    )  # another mbo-instelling than mbo_medewerker's
    elders = medewerker_met_rol(
        Rol.CONSULENT, organisatie=OrganisatieFactory(uwv=True, regios=[regio("AM01")])
    )
    for gebruiker in (elders, mbo_medewerker):
        app.get(url(traject), user=gebruiker, status=404)
        posten(
            app,
            url(traject),
            {"uren_per_week": "8", "reden": "x", "versie": traject.versie},
            user=gebruiker,
            status=404,
        )
    traject.refresh_from_db()
    assert traject.uren_per_week == 24
    assert not TrajectCorrectie.objects.exists()


def test_a_finished_traject_cannot_be_corrected(app, consulent):
    traject = traject_met_route(consulent, overeenkomsten=False, afgesloten=True)
    pagina = app.get(traject.get_absolute_url(), user=consulent)
    assert "Traject corrigeren" not in pagina
    response = app.get(url(traject), user=consulent, status=302)
    assert response["Location"] == traject.get_absolute_url()
    assert "kun je niet meer corrigeren" in response.follow()
    posten(
        app,
        url(traject),
        {"uren_per_week": "8", "reden": "x", "versie": traject.versie},
        user=consulent,
        status=302,
    )
    assert Traject.objects.get(pk=traject.pk).uren_per_week == 24
    assert not TrajectCorrectie.objects.exists()
