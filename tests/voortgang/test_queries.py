"""The voortgang pages run as many SQL queries with many weeks, meetings, actions
and corrections as with few (issue #16: the house rule on query counts)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from organisaties.constants import Rol
from tests.factories.organisaties import medewerker_met_rol
from tests.factories.voortgang import (
    AanwezigheidFactory,
    GesprekActieFactory,
    VoortgangsgesprekFactory,
    lopende_plaatsing,
)
from tests.queries import queries, zelfde_aantal
from voortgang.constants import GesprekPartij
from voortgang.models import AanwezigheidCorrectie, GesprekOndertekening
from voortgang.weken import maandag

pytestmark = pytest.mark.django_db

DEZE_WEEK = maandag(timezone.localdate())


def weken_bevestigen(plaatsing, aantal, *, door=None):
    """Confirm the placement's first `aantal` weeks, each with a correction."""
    eerste = maandag(plaatsing.startdatum)
    for i in range(aantal):
        a = AanwezigheidFactory(plaatsing=plaatsing, week=eerste + timedelta(weeks=i))
        correctie(a, door or plaatsing.praktijkopleider.account)


def correctie(aanwezigheid, door):
    AanwezigheidCorrectie.objects.create(
        aanwezigheid=aanwezigheid,
        oud_uren=8,
        nieuw_uren=aanwezigheid.gewerkt_uren,
        reden="Na belletje met het bedrijf",
        door=door,
        op=timezone.now(),
    )


def gesprekken(traject, aantal, *, acties=2, vanaf=0):
    """`aantal` meetings, each with actions and the consulent's and the
    praktijkopleider's signatures."""
    opleider = traject.plaatsingen.first().praktijkopleider.account
    for i in range(aantal):
        g = VoortgangsgesprekFactory(
            traject=traject, datum=timezone.localdate() - timedelta(weeks=vanaf + i)
        )
        for _ in range(acties):
            GesprekActieFactory(gesprek=g, eigenaar=opleider)
        for partij, door in (
            (GesprekPartij.CONSULENT, traject.consulent),
            (GesprekPartij.PRAKTIJKOPLEIDER, opleider),
        ):
            GesprekOndertekening.objects.create(
                gesprek=g,
                partij=partij,
                door=door,
                getekend_op=g.datum,
                vastgelegd_op=timezone.now(),
            )


def test_the_opleider_week_list_with_more_placements_and_weeks(app, praktijkopleider):
    url = reverse("voortgang:uren")
    for _ in range(2):
        lopende_plaatsing(opleider=praktijkopleider, weken=2)
    weinig = queries(lambda: app.get(url, user=praktijkopleider))
    for _ in range(3):
        p = lopende_plaatsing(opleider=praktijkopleider, weken=6)
        weken_bevestigen(p, 2)
    veel = queries(lambda: app.get(url, user=praktijkopleider))
    assert len(app.get(url, user=praktijkopleider).html.select("form")) > 4
    zelfde_aantal(weinig, veel)


@pytest.mark.parametrize("wie", ["opleider", "consulent"])
def test_the_weeks_of_a_placement_with_more_weeks(app, consulent, wie):
    plaatsing = lopende_plaatsing(consulent=consulent, weken=8)
    user = consulent if wie == "consulent" else plaatsing.praktijkopleider.account
    url = reverse("voortgang:plaatsing", args=[plaatsing.pk])
    weken_bevestigen(plaatsing, 2)
    weinig = queries(lambda: app.get(url, user=user))
    eerste = maandag(plaatsing.startdatum)
    for i in range(2, 6):
        a = AanwezigheidFactory(plaatsing=plaatsing, week=eerste + timedelta(weeks=i))
        correctie(a, consulent)
    veel = queries(lambda: app.get(url, user=user))
    zelfde_aantal(weinig, veel)


def test_a_week_with_more_corrections(app, consulent):
    plaatsing = lopende_plaatsing(consulent=consulent, weken=3)
    a = AanwezigheidFactory(plaatsing=plaatsing, week=maandag(plaatsing.startdatum))
    url = reverse("voortgang:week", args=[plaatsing.pk, a.week.isoformat()])
    correctie(a, consulent)
    correctie(a, consulent)
    weinig = queries(lambda: app.get(url, user=consulent))
    for door in (plaatsing.praktijkopleider.account, consulent, consulent):
        correctie(a, door)
    veel = queries(lambda: app.get(url, user=consulent))
    assert app.get(url, user=consulent).text.count("Waarom:") == 5
    zelfde_aantal(weinig, veel)


@pytest.mark.parametrize("wie", ["opleider", "consulent"])
def test_a_meeting_with_more_actions_and_signatures(app, consulent, wie):
    plaatsing = lopende_plaatsing(consulent=consulent, weken=4)
    traject = plaatsing.traject
    opleider = plaatsing.praktijkopleider.account
    user = consulent if wie == "consulent" else opleider
    gesprek = VoortgangsgesprekFactory(traject=traject)
    GesprekActieFactory(gesprek=gesprek)
    GesprekActieFactory(gesprek=gesprek, eigenaar=opleider)
    url = gesprek.get_absolute_url()
    weinig = queries(lambda: app.get(url, user=user))
    for eigenaar in (opleider, consulent, opleider, traject.jobcoach or consulent):
        GesprekActieFactory(gesprek=gesprek, eigenaar=eigenaar)
    for partij, door in (
        (GesprekPartij.CONSULENT, consulent),
        (GesprekPartij.PRAKTIJKOPLEIDER, opleider),
    ):
        GesprekOndertekening.objects.create(
            gesprek=gesprek,
            partij=partij,
            door=door,
            getekend_op=gesprek.datum,
            vastgelegd_op=timezone.now(),
        )
    veel = queries(lambda: app.get(url, user=user))
    assert app.get(url, user=user).text.count('id="actie-') == 6
    zelfde_aantal(weinig, veel)


def test_the_new_meeting_form_with_more_placements(app, consulent):
    plaatsing = lopende_plaatsing(consulent=consulent, weken=4)
    traject = plaatsing.traject
    url = reverse("voortgang:gesprek_nieuw", args=[traject.pk])
    weinig = queries(lambda: app.get(url, user=consulent))
    for _ in range(3):
        lopende_plaatsing(consulent=consulent, traject=traject, weken=4)
    veel = queries(lambda: app.get(url, user=consulent))
    zelfde_aantal(weinig, veel)


@pytest.mark.parametrize("wie", ["consulent", "opleider", "mbo"])
def test_the_traject_panel_totals_against_plan_with_more_weeks_and_meetings(
    app, consulent, wie
):
    plaatsing = lopende_plaatsing(consulent=consulent, weken=8)
    traject = plaatsing.traject
    user = {
        "consulent": consulent,
        "opleider": plaatsing.praktijkopleider.account,
        "mbo": medewerker_met_rol(
            Rol.MBO_MEDEWERKER, organisatie=traject.mbo_instelling
        ),
    }[wie]
    url = traject.get_absolute_url()
    weken_bevestigen(plaatsing, 2)
    gesprekken(traject, 2)
    weinig = queries(lambda: app.get(url, user=user))
    # More weeks, meetings with actions, and a second placement with its weeks.
    tweede = lopende_plaatsing(consulent=consulent, traject=traject, weken=8)
    weken_bevestigen(tweede, 4, door=consulent)
    eerste = maandag(plaatsing.startdatum)
    for i in range(2, 6):
        AanwezigheidFactory(plaatsing=plaatsing, week=eerste + timedelta(weeks=i))
    gesprekken(traject, 4, acties=3, vanaf=2)
    veel = queries(lambda: app.get(url, user=user))
    assert "Aanwezigheid en voortgangsgesprekken" in app.get(url, user=user)
    zelfde_aantal(weinig, veel)


def test_the_home_page_with_more_open_actions_and_weeks_to_confirm(
    app, consulent, praktijkopleider
):
    """Vandaag: the consulent's and the praktijkopleider's open actions from
    meetings, and the opleider's weeks to confirm."""
    home = reverse("home")

    def werk(aantal):
        for _ in range(aantal):
            p = lopende_plaatsing(opleider=praktijkopleider, consulent=consulent)
            g = VoortgangsgesprekFactory(traject=p.traject)
            GesprekActieFactory(gesprek=g, eigenaar=consulent)
            GesprekActieFactory(gesprek=g, eigenaar=praktijkopleider)

    werk(2)
    weinig = {
        u: queries(lambda u=u: app.get(home, user=u))
        for u in (consulent, praktijkopleider)
    }
    werk(3)
    for u in (consulent, praktijkopleider):
        veel = queries(lambda u=u: app.get(home, user=u))
        assert app.get(home, user=u).text.count("Rooster afstemmen") == 5
        zelfde_aantal(weinig[u], veel)
