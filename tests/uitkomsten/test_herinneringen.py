"""The reminder rules of outcomes and follow-ups, run on time-travelled days: each
fires once, not before it is due, for the traject's consulent only."""

import datetime

from django.utils import timezone

import pytest

from meldingen.herinneringen import regels
from meldingen.models import Melding
from meldingen.tasks import herinneringen_versturen
from tests.factories.trajecten import TrajectFactory
from tests.factories.uitkomsten import (
    UitkomstFactory,
    VervolgmetingFactory,
    afgelopen_traject,
)
from trajecten.constants import TrajectStatus
from uitkomsten.herinneringen import (
    uitkomst_ontbreekt,
    vervolgmeting_te_laat,
)
from uitkomsten.models import Vervolgmeting
from uitkomsten.services import uitkomst_vastleggen

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


def dag(n: int) -> datetime.date:
    return VANDAAG + datetime.timedelta(days=n)


def test_both_rules_are_registered_and_run_by_the_beat_task():
    codes = {r.code for r in regels()}
    assert {"vervolgmeting_te_laat", "uitkomst_ontbreekt"} <= codes
    uitkomst = herinneringen_versturen.run(vandaag=VANDAAG.isoformat())
    assert uitkomst["vervolgmeting_te_laat"] == 0
    assert uitkomst["uitkomst_ontbreekt"] == 0


def test_vervolgmeting_te_laat_reminds_the_consulent_once_when_due(consulent):
    meting = VervolgmetingFactory(
        gepland_op=VANDAAG, traject__kandidaat__consulent=consulent
    )
    VervolgmetingFactory(gemeten=True, gepland_op=dag(-60))  # measured: never

    assert vervolgmeting_te_laat(dag(13), 14) == 0  # not yet due
    assert vervolgmeting_te_laat(dag(14), 14) == 1
    assert vervolgmeting_te_laat(dag(15), 14) == 0  # once
    melding = Melding.objects.get()
    assert melding.ontvanger == consulent
    assert melding.oorzaak.startswith(f"vervolgmeting_te_laat:{meting.pk}:")
    assert melding.url == meting.traject.get_absolute_url()
    assert str(meting.traject.kandidaat) in melding.tekst
    assert str(meting.traject.kandidaat) not in melding.titel  # the e-mail carries it


def test_vervolgmeting_te_laat_is_silent_once_measured(consulent):
    meting = VervolgmetingFactory(
        gepland_op=dag(-30), traject__kandidaat__consulent=consulent
    )
    Vervolgmeting.objects.filter(pk=meting.pk).update(
        gemeten_op=VANDAAG, situatie="onbekend", door=consulent
    )
    assert vervolgmeting_te_laat(VANDAAG, 14) == 0


def test_a_replanned_follow_up_reminds_again(consulent):
    einde = dag(-400)
    traject = afgelopen_traject(einde=einde, kandidaat__consulent=consulent)
    werk = {"soort": "werk_elders", "contractsoort": "vast", "uren_per_week": 30}
    uitkomst_vastleggen(traject=traject, door=consulent, datum=einde, **werk)
    assert vervolgmeting_te_laat(VANDAAG, 14) == 2  # 6 and 12 months both late
    uitkomst_vastleggen(
        traject=traject, door=consulent, datum=dag(-300), **werk
    )  # corrected: the 6 months' one is late on a new date, the 12 not yet
    assert vervolgmeting_te_laat(VANDAAG, 14) == 1
    assert Melding.objects.filter(ontvanger=consulent).count() == 3


def test_uitkomst_ontbreekt_reminds_once_after_the_period(consulent):
    traject = afgelopen_traject(
        einde=VANDAAG,
        status=TrajectStatus.VERKLARING_UITGEREIKT,
        kandidaat__consulent=consulent,
    )
    TrajectFactory(lopend=True, einddatum=dag(-90))  # running: never
    UitkomstFactory(traject=afgelopen_traject(einde=dag(-90)))  # has one: never

    assert uitkomst_ontbreekt(dag(29), 30) == 0
    assert uitkomst_ontbreekt(dag(30), 30) == 1
    assert uitkomst_ontbreekt(dag(31), 30) == 0
    melding = Melding.objects.get()
    assert (melding.ontvanger, melding.oorzaak) == (
        consulent,
        f"uitkomst_ontbreekt:{traject.pk}",
    )


def test_uitkomst_ontbreekt_for_a_dropped_out_traject(consulent):
    afgelopen_traject(
        einde=dag(-31),
        status=TrajectStatus.UITGEVALLEN,
        kandidaat__consulent=consulent,
    )
    assert uitkomst_ontbreekt(VANDAAG, 30) == 1
