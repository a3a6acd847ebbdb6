"""The 'geen observatie' reminder, run through the beat task on time-travelled days."""

from datetime import timedelta

from django.utils import timezone

import pytest

from meldingen.models import Melding
from meldingen.tasks import herinneringen_versturen
from tests.factories.verklaringen import ObservatieFactory, traject_met_opleider
from verklaringen import herinneringen

pytestmark = pytest.mark.django_db
VANDAAG = timezone.localdate()


def draai(dag: int) -> int:
    datum = (VANDAAG + timedelta(days=dag)).isoformat()
    return herinneringen_versturen.run(vandaag=datum)["geen_observatie"]


def test_reminds_opleider_and_consulent_once_per_gap():
    traject, opleider = traject_met_opleider(startdatum=VANDAAG)
    assert draai(20) == 0
    assert draai(21) == 2  # the praktijkopleider and the consulent
    assert draai(22) == 0  # once per gap
    ontvangers = set(
        Melding.objects.filter(oorzaak__startswith="geen_observatie:").values_list(
            "ontvanger", flat=True
        )
    )
    assert ontvangers == {opleider.pk, traject.consulent_id}

    # A new observation starts a new gap; 21 days after it the reminder comes again.
    ObservatieFactory(
        traject=traject, datum=VANDAAG + timedelta(days=30), door=opleider
    )
    assert draai(50) == 0
    assert draai(51) == 2


def test_not_for_trajecten_that_are_not_lopend():
    traject_met_opleider(lopend=False, getekend=True, startdatum=VANDAAG)
    assert draai(60) == 0


def test_query_count_does_not_grow(django_assert_num_queries, monkeypatch):
    verstuurd = []
    monkeypatch.setattr(
        herinneringen, "melding_versturen", lambda **kw: verstuurd.append(kw) or 1
    )
    dag = VANDAAG + timedelta(days=30)
    for _ in range(2):
        traject_met_opleider(startdatum=VANDAAG)
    with django_assert_num_queries(2):
        assert herinneringen.geen_observatie(dag, 21) == 2
    for _ in range(6):
        traject_met_opleider(startdatum=VANDAAG)
    with django_assert_num_queries(2):
        assert herinneringen.geen_observatie(dag, 21) == 8
