"""The reminder of a leerbedrijf's next action (leerbedrijven/herinneringen.py) and
the list of due employer actions on the home page."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from meldingen.models import Herinnering, Melding
from meldingen.tasks import herinneringen_versturen
from tests.factories.leerbedrijven import ContactmomentFactory, LeerbedrijfFactory

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


def draai(dag: int) -> int:
    """Run the beat task `dag` days from today; the new notifications of this rule."""
    datum = (VANDAAG + timedelta(days=dag)).isoformat()
    return herinneringen_versturen.run(vandaag=datum)["leerbedrijf_actie"]


def gepland(door, leerbedrijf=None, over=3, **kwargs):
    return ContactmomentFactory(
        leerbedrijf=leerbedrijf or LeerbedrijfFactory(),
        door=door,
        volgende_actie="Offerte sturen",
        volgende_actie_op=VANDAAG + timedelta(days=over),
        **kwargs,
    )


def test_the_rule_has_a_settings_row_for_the_beheerder():
    instelling = Herinnering.objects.get(code="leerbedrijf_actie")
    assert (instelling.dagen, instelling.actief) == (0, True)


def test_due_action_reminds_the_owner_once_on_the_due_date(consulent, jobcoach):
    moment = gepland(consulent)
    ander = gepland(jobcoach, over=30)  # another leerbedrijf, not due yet

    assert draai(2) == 0
    assert draai(3) == 1
    assert draai(3) == 0
    assert draai(4) == 0

    melding = Melding.objects.get()
    assert melding.ontvanger == consulent
    assert melding.oorzaak == (
        f"leerbedrijf_actie:{moment.pk}:{moment.volgende_actie_op.isoformat()}"
    )
    assert "Offerte sturen" in melding.tekst
    assert melding.url == moment.leerbedrijf.get_absolute_url()
    assert not Melding.objects.filter(ontvanger=ander.door).exists()


def test_the_beheerders_period_reminds_earlier(consulent):
    Herinnering.objects.filter(code="leerbedrijf_actie").update(dagen=2)
    gepland(consulent, over=3)

    assert draai(0) == 0
    assert draai(1) == 1


def test_a_later_contact_replaces_the_plan_and_a_stopped_leerbedrijf_has_none(
    consulent,
):
    leerbedrijf = LeerbedrijfFactory()
    gepland(consulent, leerbedrijf, over=-5, datum=VANDAAG - timedelta(days=10))
    nieuw = gepland(consulent, leerbedrijf, over=10, datum=VANDAAG)
    gepland(consulent, LeerbedrijfFactory(gestopt=True), over=-1)

    assert draai(0) == 0
    assert draai(10) == 1
    assert Melding.objects.get().oorzaak.startswith(f"leerbedrijf_actie:{nieuw.pk}:")


def test_home_lists_the_owners_due_employer_actions(app, consulent, jobcoach):
    leerbedrijf = LeerbedrijfFactory(organisatie__naam="Bakkerij Bolk")
    gepland(consulent, leerbedrijf, over=-2)
    gepland(consulent, LeerbedrijfFactory(organisatie__naam="Later BV"), over=5)
    gepland(jobcoach, LeerbedrijfFactory(organisatie__naam="Van een ander"), over=0)

    pagina = app.get(reverse("home"), user=consulent)

    sectie = pagina.html.find(id="kop-leerbedrijf-acties").find_parent("section")
    assert "Bakkerij Bolk: Offerte sturen" in sectie.text
    assert "Later BV" not in sectie.text
    assert "Van een ander" not in sectie.text
    assert sectie.find("a")["href"] == leerbedrijf.get_absolute_url()


def test_home_has_no_employer_actions_section_without_due_actions(app, consulent):
    gepland(consulent, over=1)

    pagina = app.get(reverse("home"), user=consulent)

    assert "Acties bij leerbedrijven" not in pagina.text
