"""The candidate's own pages run as many SQL queries with many meetings,
observations, verklaringen and audit entries as with few (issue #16)."""

import datetime

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

import pytest

from core.csv_export import toegang_vastleggen
from organisaties.constants import Rol
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol
from tests.factories.verklaringen import goedgekeurd_traject, traject_met_opleider
from tests.factories.voortgang import GesprekActieFactory, VoortgangsgesprekFactory
from tests.mijn.test_paginas import inloggen
from tests.queries import queries, zelfde_aantal
from verklaringen.constants import Niveau, ObservatieSoort
from verklaringen.selectors import gedragsvoorbeelden_voor
from verklaringen.services import (
    eindbeoordeling_vastleggen,
    observatie_vastleggen,
    verklaring_uitreiken,
)
from voortgang.constants import GesprekPartij
from voortgang.models import GesprekOndertekening

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


@pytest.fixture(autouse=True)
def schone_cache():
    cache.clear()  # the rate limit of the way in counts in the cache
    yield
    cache.clear()


def gesprekken(traject, aantal, *, vanaf=0):
    for i in range(aantal):
        g = VoortgangsgesprekFactory(
            traject=traject, datum=VANDAAG - datetime.timedelta(weeks=vanaf + i)
        )
        GesprekActieFactory(gesprek=g)
        opleider = traject.plaatsingen.first().praktijkopleider.account
        GesprekActieFactory(gesprek=g, eigenaar=opleider)
        GesprekOndertekening.objects.create(
            gesprek=g,
            partij=GesprekPartij.KANDIDAAT,
            door=traject.consulent,
            op_papier=True,
            getekend_op=g.datum,
            vastgelegd_op=timezone.now(),
        )


def test_my_overview_with_more_meetings_and_placements(app):
    traject, _opleider = traject_met_opleider()
    gesprekken(traject, 2)
    inloggen(app, traject.kandidaat)
    url = reverse("mijn:overzicht")
    weinig = queries(lambda: app.get(url))
    gesprekken(traject, 3, vanaf=2)
    traject_met_opleider(
        kandidaat=traject.kandidaat,
        lopend=False,
        afgesloten=True,
        startdatum=VANDAAG - datetime.timedelta(days=800),
    )
    veel = queries(lambda: app.get(url))
    zelfde_aantal(weinig, veel)


def observeren(traject, opleider, dagen_geleden, niveau):
    voorbeelden = gedragsvoorbeelden_voor(traject)
    scores = {
        gv.pk: (niveau, "Interne notitie")
        for lijst in voorbeelden.values()
        for gv in lijst[:2]
    }
    observatie_vastleggen(
        traject=traject,
        door=opleider,
        datum=VANDAAG - datetime.timedelta(days=dagen_geleden),
        soort=ObservatieSoort.NULMETING
        if not traject.observaties.exists()
        else ObservatieSoort.TUSSENRESULTAAT,
        scores=scores,
    )


def test_what_i_can_with_more_observations_and_judgements(app):
    traject, opleider = traject_met_opleider()
    observeren(traject, opleider, 30, Niveau.NOG_NIET)
    inloggen(app, traject.kandidaat)
    url = reverse("mijn:wat_ik_kan")
    weinig = queries(lambda: app.get(url))
    for dagen, niveau in (
        (20, Niveau.MET_HULP),
        (10, Niveau.MET_HULP),
        (1, Niveau.ZELFSTANDIG),
    ):
        observeren(traject, opleider, dagen, niveau)
    for wp in traject.werkprocessen.all():
        eindbeoordeling_vastleggen(
            traject=traject, werkproces=wp, door=opleider, beheerst=True, datum=VANDAAG
        )
    veel = queries(lambda: app.get(url))
    assert "Dit kun je zelf" in app.get(url).text
    zelfde_aantal(weinig, veel)


def uitgereikt_voor(kandidaat=None):
    extra = {"kandidaat": kandidaat} if kandidaat else {}
    traject, _opleider, mbo = goedgekeurd_traject(**extra)
    return verklaring_uitreiken(
        traject=traject, door=mbo, plaats="Deventer", verificatie_basis="http://t"
    )


def test_my_verklaringen_with_more_verklaringen(app):
    eerste = uitgereikt_voor()
    kandidaat = eerste.traject.kandidaat
    eerste = [eerste, uitgereikt_voor(kandidaat)]
    inloggen(app, kandidaat)
    url = reverse("mijn:verklaringen")
    weinig = queries(lambda: app.get(url))
    nieuw = [uitgereikt_voor(kandidaat) for _ in range(3)]
    veel = queries(lambda: app.get(url))
    tekst = app.get(url).text
    assert all(v.verificatie_url in tekst for v in [*eerste, *nieuw])
    zelfde_aantal(weinig, veel)


def test_who_looked_at_my_file_with_more_entries(app):
    traject, opleider = traject_met_opleider()
    kandidaat = traject.kandidaat
    toegang_vastleggen([kandidaat], actor=kandidaat.consulent)
    inloggen(app, kandidaat)
    url = reverse("mijn:privacy")
    weinig = queries(lambda: app.get(url))
    # Staff of other organisations and roles look at the file, the traject and an
    # observation; the portal itself changes something.
    for rol in (Rol.JOBCOACH, Rol.MBO_MEDEWERKER, Rol.REGIOCOORDINATOR):
        medewerker = medewerker_met_rol(rol, organisatie=OrganisatieFactory())
        toegang_vastleggen([kandidaat], actor=medewerker)
        toegang_vastleggen([traject], actor=medewerker)
    observeren(traject, opleider, 3, Niveau.MET_HULP)
    toegang_vastleggen(list(traject.observaties.all()), actor=opleider)
    toegang_vastleggen([kandidaat], actor=None)
    veel = queries(lambda: app.get(url))
    assert app.get(url).html.select_one("#kop-inzage").parent.text.count("(Jobcoach)")
    zelfde_aantal(weinig, veel)
