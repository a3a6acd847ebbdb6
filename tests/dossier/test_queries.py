"""The funding dossier runs as many SQL queries for a traject with many weeks,
corrections, meetings and observations as for one with few (issue #16): its
panel on the traject page, its status, and the worker that collects the parts."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from dossier.inhoud import dossier_inhoud
from dossier.models import Dossieraanvraag
from tests.factories.voortgang import (
    AanwezigheidFactory,
    GesprekActieFactory,
    VoortgangsgesprekFactory,
)
from tests.queries import queries, zelfde_aantal
from verklaringen.constants import ObservatieSoort
from verklaringen.models import Observatie
from voortgang.constants import GesprekPartij
from voortgang.models import AanwezigheidCorrectie, GesprekOndertekening
from voortgang.weken import maandag

from .helpers import volledig_traject

pytestmark = pytest.mark.django_db


def meer_rijen(traject, consulent):
    """Four more confirmed weeks with corrections, three more signed meetings with
    actions, and two more observations."""
    plaatsing = traject.plaatsingen.get()
    eerste = maandag(plaatsing.startdatum)
    for i in range(2, 6):
        a = AanwezigheidFactory(
            plaatsing=plaatsing,
            week=eerste + timedelta(weeks=i),
            bevestigd_door=consulent,
        )
        AanwezigheidCorrectie.objects.create(
            aanwezigheid=a,
            oud_uren=8,
            nieuw_uren=a.gewerkt_uren,
            reden="Na belletje",
            door=consulent,
            op=timezone.now(),
        )
    for i in range(1, 4):
        g = VoortgangsgesprekFactory(
            traject=traject,
            vastgelegd_door=consulent,
            datum=timezone.localdate() - timedelta(days=i),
        )
        GesprekActieFactory(gesprek=g)
        GesprekActieFactory(gesprek=g, eigenaar=consulent)
        GesprekOndertekening.objects.create(
            gesprek=g,
            partij=GesprekPartij.CONSULENT,
            door=consulent,
            getekend_op=g.datum,
            vastgelegd_op=timezone.now(),
        )
    for i in range(1, 3):
        Observatie.objects.create(
            traject=traject,
            datum=timezone.localdate() - timedelta(days=i),
            soort=ObservatieSoort.TUSSENRESULTAAT,
            door=consulent,
        )


def test_the_dossier_parts_with_more_weeks_meetings_and_observations(consulent):
    traject = volledig_traject(consulent)
    weinig = queries(lambda: dossier_inhoud(traject))
    meer_rijen(traject, consulent)
    veel = queries(lambda: dossier_inhoud(traject))
    zelfde_aantal(weinig, veel)


def test_the_traject_page_and_the_status_with_a_dossier_and_more_rows(app, consulent):
    traject = volledig_traject(consulent)
    aanvraag = Dossieraanvraag.objects.create(
        traject=traject, aangevraagd_door=consulent
    )
    status = reverse("dossier:status", args=[aanvraag.pk])
    pagina = queries(lambda: app.get(traject.get_absolute_url(), user=consulent))
    poll = queries(lambda: app.get(status, user=consulent))
    meer_rijen(traject, consulent)
    zelfde_aantal(
        pagina, queries(lambda: app.get(traject.get_absolute_url(), user=consulent))
    )
    zelfde_aantal(poll, queries(lambda: app.get(status, user=consulent)))
