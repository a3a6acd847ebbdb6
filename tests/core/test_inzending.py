"""A create form is saved once, however often it is sent: a double click, a retry or
two requests at the same moment with the page's one-time token make one row, and
the repeat is sent to the first one's result (core.inzending)."""

import threading
from datetime import timedelta

from django.db import connections
from django.urls import reverse
from django.utils import timezone

import pytest

from core.inzending import AL_VERSTUURD, Inzending
from core.tasks import sessies_opruimen
from kandidaten.models import Contactmoment, Kandidaat
from kennisbank.models import Item
from leerbedrijven.models import Contactmoment as LeerbedrijfContactmoment
from leerbedrijven.models import Leerbedrijf
from organisaties.constants import Rol
from organisaties.models import Netwerkcontact
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.leerbedrijven import LeerbedrijfFactory, werkprocessen
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol
from tests.formulieren import formulier, invullen
from tests.kandidaten.test_views import (
    aanmeld_pagina,
    contactmoment_pagina,
    intake_data,
)
from tests.kennisbank.test_views import _data as kennisbank_data
from tests.kennisbank.test_views import nieuw_item
from tests.leerbedrijven.test_views import _profiel, nieuw_formulier
from tests.organisaties.test_netwerk import nieuw_contact
from tests.trajecten.test_advies import checklist_invullen
from tests.trajecten.test_traject_views import start_data, start_formulier
from tests.verklaringen.test_views import traject_met_opleider
from trajecten.models import Advies, Traject

VANDAAG = timezone.localdate


def gevuld(pagina, data):
    form = invullen(formulier(pagina), **data)
    assert len(form["inzending"].value) >= 20  # the page carries a one-time token
    return form


def intake(app, consulent, coordinator):
    return gevuld(aanmeld_pagina(app, consulent), intake_data()), Kandidaat.objects


def contactmoment_kandidaat(app, consulent, coordinator):
    halima = KandidaatFactory(consulent=consulent)
    data = {
        "datum": VANDAAG().isoformat(),
        "soort": "gesprek",
        "samenvatting": "Intakegesprek",
    }
    pagina = contactmoment_pagina(app, consulent, halima)
    return gevuld(pagina, data), Contactmoment.objects


def contactmoment_leerbedrijf(app, consulent, coordinator):
    leerbedrijf = LeerbedrijfFactory()
    detail = app.get(leerbedrijf.get_absolute_url(), user=consulent)
    pagina = detail.click(
        href=reverse("leerbedrijven:contactmoment_create", args=[leerbedrijf.pk])
    )
    data = {
        "datum": VANDAAG().isoformat(),
        "soort": "telefoon",
        "samenvatting": "Gebeld",
    }
    return gevuld(pagina, data), LeerbedrijfContactmoment.objects


def netwerkcontact(app, consulent, coordinator):
    data = {
        "naam": "Piet SBB",
        "organisatie": coordinator.organisatie.pk,
        "expertise": "sbb",
        "email": "piet@example.org",
    }
    return gevuld(nieuw_contact(app, coordinator), data), Netwerkcontact.objects


def leerbedrijf(app, consulent, coordinator):
    data = {**_profiel(), "werkprocessen": [w.pk for w in werkprocessen()]}
    return gevuld(nieuw_formulier(app, consulent), data), Leerbedrijf.objects


def traject(app, consulent, coordinator):
    halima = KandidaatFactory(consulent=consulent)
    data = start_data()  # before the page, so its choices are offered
    pagina = app.get(
        reverse("trajecten:traject_start", args=[halima.pk]), user=consulent
    )
    form = start_formulier(pagina, data)
    assert form["inzending"].value
    return form, Traject.objects


def kennisbankitem(app, consulent, coordinator):
    return gevuld(nieuw_item(app, coordinator), kennisbank_data()), Item.objects


FORMULIEREN = [
    intake,
    contactmoment_kandidaat,
    contactmoment_leerbedrijf,
    netwerkcontact,
    leerbedrijf,
    traject,
    kennisbankitem,
]


@pytest.mark.django_db
@pytest.mark.parametrize("maak", FORMULIEREN, ids=lambda f: f.__name__)
def test_the_same_form_sent_twice_saves_once(app, consulent, coordinator, maak):
    form, rijen = maak(app, consulent, coordinator)

    eerste = form.submit(status=302)
    tweede = form.submit(status=302)

    assert rijen.count() == 1
    assert tweede["Location"] == eerste["Location"]
    assert str(AL_VERSTUURD) in tweede.follow().text
    assert Inzending.objects.get().resultaat_url == eerste["Location"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("maak", FORMULIEREN, ids=lambda f: f.__name__)
def test_two_simultaneous_sends_save_once(app, consulent, coordinator, maak):
    form, rijen = maak(app, consulent, coordinator)
    start = threading.Barrier(2)
    antwoorden = []

    def verstuur():
        start.wait()
        try:
            antwoorden.append(form.submit())
        finally:
            connections.close_all()

    draden = [threading.Thread(target=verstuur) for _i in range(2)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()

    assert [a.status_int for a in antwoorden] == [302, 302]
    assert antwoorden[0]["Location"] == antwoorden[1]["Location"]
    assert rijen.count() == 1


@pytest.mark.django_db
def test_a_form_with_errors_keeps_its_token_free(app, consulent, coordinator):
    form, rijen = netwerkcontact(app, consulent, coordinator)
    invullen(form, naam="")

    fout = form.submit(status=200)
    assert "naam" in fout.context["form"].errors
    assert not Inzending.objects.exists()

    invullen(form, naam="Piet SBB").submit(status=302)  # corrected, same token
    assert rijen.get().naam == "Piet SBB"


@pytest.mark.django_db
def test_a_post_without_token_is_saved_as_before(app, consulent, coordinator):
    """A page opened before tokens existed, or a hand-made request, still saves;
    it only lacks the double-submit protection."""
    form, rijen = netwerkcontact(app, consulent, coordinator)
    form["inzending"].force_value("")

    form.submit(status=302)
    form.submit(status=302)

    assert rijen.count() == 2
    assert not Inzending.objects.exists()


@pytest.mark.django_db
def test_the_token_of_another_user_is_refused(app, consulent, coordinator):
    form, rijen = contactmoment_kandidaat(app, consulent, coordinator)
    Inzending.objects.create(
        token=form["inzending"].value, medewerker=coordinator, resultaat_url="/x/"
    )

    form.submit(status=400)

    assert not rijen.exists()


@pytest.mark.django_db
def test_tokens_older_than_a_day_are_cleaned_up(consulent):
    oud = Inzending.objects.create(token="o" * 32, medewerker=consulent)
    Inzending.objects.filter(pk=oud.pk).update(
        aangemaakt=timezone.now() - timedelta(days=1, minutes=1)
    )
    nieuw = Inzending.objects.create(token="n" * 32, medewerker=consulent)

    sessies_opruimen.run()

    assert list(Inzending.objects.all()) == [nieuw]


@pytest.mark.django_db
def test_the_advice_checklist_saves_one_version_and_may_recompute(app, consulent):
    """'Bekijk het voorstel' saves nothing, so it never uses up the token; a second
    'Advies vastleggen' does not make a second version of the advice."""
    mbo = medewerker_met_rol(
        Rol.MBO_MEDEWERKER, organisatie=OrganisatieFactory(mbo=True)
    )
    kandidaat = KandidaatFactory(consulent=consulent)
    url = reverse("trajecten:advies_create", args=[kandidaat.pk])
    pagina = app.get(kandidaat.get_absolute_url(), user=consulent).click(href=url)
    form = checklist_invullen(pagina, mbo)
    form.submit("actie", value="berekenen", status=200)
    bekijk = form.submit("actie", value="berekenen", status=200)
    assert not Inzending.objects.exists()

    form = invullen(formulier(bekijk), motivatie="Past goed.")
    eerste = form.submit("actie", value="vastleggen", status=302)
    tweede = form.submit("actie", value="vastleggen", status=302)

    advies = Advies.objects.get()
    assert advies.versie == 1
    assert eerste["Location"] == tweede["Location"] == advies.get_absolute_url()


@pytest.mark.django_db
def test_a_pop_goal_is_saved_once_and_a_refused_one_keeps_its_token(app):
    """The POP form on the progress page redirects back also on an error: that
    attempt saved nothing, so the same token may still save the corrected form."""
    traject, opleider = traject_met_opleider()
    werkproces = traject.werkprocessen.order_by("code").first()
    voortgang = app.get(
        reverse("verklaringen:voortgang", args=[traject.pk]), user=opleider
    )
    form = formulier(
        voortgang,
        actie=reverse("verklaringen:ontwikkeldoel_create", args=[traject.pk]),
    )
    invullen(form, werkproces=str(werkproces.pk), doel="")
    form.submit(status=302)
    assert not traject.ontwikkeldoelen.exists()

    invullen(form, doel="Zelf beginnen.")
    form.submit(status=302)
    tweede = form.submit(status=302).follow()

    assert traject.ontwikkeldoelen.get().doel == "Zelf beginnen."
    assert str(AL_VERSTUURD) in tweede.text
