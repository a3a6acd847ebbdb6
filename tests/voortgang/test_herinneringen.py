"""The reminder rules of voortgang, run through the beat task on time-travelled
days: unconfirmed weeks and overdue progress meetings, each reminded once."""

from datetime import timedelta

from django.utils import timezone

import pytest

from meldingen.models import Melding
from meldingen.tasks import herinneringen_versturen
from tests.factories.trajecten import TrajectFactory
from tests.factories.voortgang import (
    AanwezigheidFactory,
    VoortgangsgesprekFactory,
    lopende_plaatsing,
)
from voortgang.models import Gespreksritme, VoortgangInstellingen
from voortgang.weken import maandag

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
DEZE_WEEK = maandag(VANDAAG)


def draai(regel: str, dag: int = 0) -> int:
    datum = (VANDAAG + timedelta(days=dag)).isoformat()
    return herinneringen_versturen.run(vandaag=datum)[regel]


def meldingen(regel: str):
    return Melding.objects.filter(oorzaak__startswith=f"{regel}:")


def test_unconfirmed_week_reminds_opleider_and_consulent_once(consulent):
    plaatsing = lopende_plaatsing(consulent=consulent, weken=3)
    # Confirmed weeks are no reason; the oldest open one is.
    AanwezigheidFactory(plaatsing=plaatsing, week=DEZE_WEEK - timedelta(weeks=3))
    assert draai("aanwezigheid_open") == 2
    ontvangers = {m.ontvanger for m in meldingen("aanwezigheid_open")}
    assert ontvangers == {consulent, plaatsing.praktijkopleider.account}
    oudste = (DEZE_WEEK - timedelta(weeks=2)).isoformat()
    assert meldingen("aanwezigheid_open").first().oorzaak.endswith(oudste)
    assert draai("aanwezigheid_open", 1) == 0


def test_a_recent_or_confirmed_week_is_no_reminder(consulent):
    plaatsing = lopende_plaatsing(consulent=consulent, weken=1)
    # Last week ended less than 7 days ago on Monday; on Tuesday-Sunday, too.
    assert draai("aanwezigheid_open", -(VANDAAG.weekday())) == 0
    AanwezigheidFactory(plaatsing=plaatsing, week=DEZE_WEEK - timedelta(weeks=1))
    assert draai("aanwezigheid_open", 14 - VANDAAG.weekday()) == 2  # this week now
    # A traject that is not running is not reminded.
    lopende_plaatsing(traject=TrajectFactory(afgesloten=True), weken=4)
    assert draai("aanwezigheid_open", 14 - VANDAAG.weekday()) == 0


def test_overdue_meeting_reminds_the_consulent_once_per_due_date(consulent):
    plaatsing = lopende_plaatsing(consulent=consulent, weken=8)
    traject = plaatsing.traject
    # Default rhythm 6 weeks after the start, plus 7 days.
    assert draai("voortgangsgesprek_te_laat", -14) == 0
    assert draai("voortgangsgesprek_te_laat") == 1
    assert meldingen("voortgangsgesprek_te_laat").get().ontvanger == consulent
    assert draai("voortgangsgesprek_te_laat", 1) == 0
    # A meeting moves the due date; the traject's own rhythm counts.
    VoortgangsgesprekFactory(traject=traject, datum=VANDAAG - timedelta(weeks=2))
    assert draai("voortgangsgesprek_te_laat", 7) == 0
    Gespreksritme.objects.create(traject=traject, weken=1)
    assert draai("voortgangsgesprek_te_laat", 0) == 1


def test_the_beheerder_setting_is_the_default_rhythm(consulent):
    lopende_plaatsing(consulent=consulent, weken=4)
    assert draai("voortgangsgesprek_te_laat") == 0
    VoortgangInstellingen.objects.filter(pk=1).update(gesprek_weken=2)
    assert draai("voortgangsgesprek_te_laat") == 1
