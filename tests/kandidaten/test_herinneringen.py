"""The reminder of a candidate's next action (kandidaten/herinneringen.py)."""

from datetime import timedelta

from django.utils import timezone

import pytest

from kandidaten.constants import Fase
from meldingen.models import Melding
from meldingen.tasks import herinneringen_versturen
from tests.factories.kandidaten import ContactmomentFactory, KandidaatFactory

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


def draai(dag: int) -> int:
    """Run the beat task `dag` days from today; the new notifications of this rule."""
    datum = (VANDAAG + timedelta(days=dag)).isoformat()
    return herinneringen_versturen.run(vandaag=datum)["volgende_actie"]


def gepland(kandidaat=None, over=3, **kwargs):
    return ContactmomentFactory(
        kandidaat=kandidaat or KandidaatFactory(),
        volgende_actie="Bellen over de intake",
        volgende_actie_op=VANDAAG + timedelta(days=over),
        **kwargs,
    )


def test_due_action_reminds_consulent_and_recorder_once(consulent, jobcoach):
    moment = gepland(KandidaatFactory(consulent=consulent), door=jobcoach)
    ander = gepland(over=30)  # another candidate, not due yet

    assert draai(2) == 0
    assert draai(3) == 2
    assert draai(3) == 0
    assert draai(4) == 0

    meldingen = Melding.objects.all()
    assert {m.ontvanger for m in meldingen} == {consulent, jobcoach}
    assert all(m.actor is None for m in meldingen)
    assert {m.oorzaak for m in meldingen} == {
        f"volgende_actie:{moment.pk}:{moment.volgende_actie_op.isoformat()}"
    }
    assert "Bellen over de intake" in meldingen[0].tekst
    assert meldingen[0].url == moment.kandidaat.get_absolute_url()
    assert not Melding.objects.filter(ontvanger=ander.kandidaat.consulent).exists()


def test_consulent_who_recorded_it_gets_one_notification(consulent):
    gepland(KandidaatFactory(consulent=consulent), door=consulent, over=0)

    assert draai(0) == 1
    assert Melding.objects.get().ontvanger == consulent


def test_overdue_action_is_reminded_once_when_first_seen(consulent):
    gepland(KandidaatFactory(consulent=consulent), over=-5)

    assert draai(0) == 1
    assert draai(1) == 0


def test_a_later_contact_replaces_the_earlier_plan(consulent):
    kandidaat = KandidaatFactory(consulent=consulent)
    gepland(kandidaat, over=-5, datum=VANDAAG - timedelta(days=10))
    nieuw = gepland(kandidaat, over=10, datum=VANDAAG)

    assert draai(0) == 0
    assert draai(10) == 1
    assert Melding.objects.get().oorzaak.startswith(f"volgende_actie:{nieuw.pk}:")


def test_a_moved_action_is_reminded_again(consulent):
    moment = gepland(KandidaatFactory(consulent=consulent), over=0)
    assert draai(0) == 1

    moment.volgende_actie_op = VANDAAG + timedelta(days=7)
    moment.save()

    assert draai(6) == 0
    assert draai(7) == 1


def test_no_reminder_for_a_closed_candidate(consulent):
    gepland(KandidaatFactory(consulent=consulent, fase=Fase.AFGEROND), over=0)
    assert draai(0) == 0


def test_query_count_is_the_same_for_3_and_30_candidates(
    django_assert_num_queries, monkeypatch
):
    from kandidaten import herinneringen
    from meldingen import services

    verstuurd = []
    # The rule hands its moments to meldingen's `geplande_acties_herinneren`.
    monkeypatch.setattr(
        services, "melding_versturen", lambda **kw: verstuurd.append(kw) or 1
    )
    for _ in range(3):
        gepland(over=0)
    with django_assert_num_queries(1):
        assert herinneringen.volgende_actie(VANDAAG, 0) == 3
    for _ in range(27):
        gepland(over=0)
    with django_assert_num_queries(1):
        assert herinneringen.volgende_actie(VANDAAG, 0) == 30


def test_an_action_done_by_a_later_contact_is_not_reminded(consulent):
    """As on the caseload: a contact on or after the action's date settles it."""
    moment = gepland(KandidaatFactory(consulent=consulent), over=0)
    ContactmomentFactory(kandidaat=moment.kandidaat, datum=VANDAAG)
    assert draai(2) == 0
    vergeten = gepland(KandidaatFactory(consulent=consulent), over=0)
    assert draai(2) == 1
    assert Melding.objects.get().oorzaak.startswith(f"volgende_actie:{vergeten.pk}:")
