"""seed_demo's attendance and progress meeting: present, repeatable, and visible to
the demo praktijkopleider."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from tests.portal.vandaag import vandaag_lijst
from voortgang.models import (
    Aanwezigheid,
    AanwezigheidCorrectie,
    GesprekActie,
    GesprekOndertekening,
    Gespreksritme,
    Voortgangsgesprek,
)
from voortgang.selectors import gesprek_weken, volgend_gesprek

pytestmark = pytest.mark.django_db


def test_seed_demo_gives_a_placed_candidate_weeks_and_a_meeting(client):
    modellen = (
        Aanwezigheid,
        AanwezigheidCorrectie,
        Voortgangsgesprek,
        GesprekActie,
        GesprekOndertekening,
        Gespreksritme,
    )
    call_command("seed_demo", stdout=StringIO())
    aantallen = [m.objects.count() for m in modellen]
    correctie_op = AanwezigheidCorrectie.objects.get().aanwezigheid.updated_at
    call_command("seed_demo", stdout=StringIO())  # safe to repeat
    assert [m.objects.count() for m in modellen] == aantallen
    assert aantallen == [6, 1, 1, 2, 2, 1]
    assert Aanwezigheid.objects.filter(afwezigheid_reden="ziek").count() == 1
    # One week corrected afterwards, with its reason and the old hours kept.
    correctie = AanwezigheidCorrectie.objects.select_related("aanwezigheid").get()
    assert correctie.reden.startswith("Verkeerd ingevuld")
    assert correctie.oud_uren - correctie.nieuw_uren == 4
    assert correctie.aanwezigheid.gewerkt_uren == correctie.nieuw_uren
    assert correctie.aanwezigheid.versie == 2
    assert correctie.aanwezigheid.updated_at == correctie_op  # not corrected again
    # The last two weeks are open: nothing confirmed after the week before last.
    vandaag = timezone.localdate()
    assert not Aanwezigheid.objects.filter(
        week__gt=vandaag - timedelta(weeks=2)
    ).exists()
    # The next meeting is planned: four weeks after the one held, in the future,
    # with an action for the praktijkopleider due on that day.
    gesprek = Voortgangsgesprek.objects.get()
    volgende = volgend_gesprek(
        gesprek.traject, laatste=gesprek.datum, weken=gesprek_weken(gesprek.traject)
    )
    assert gesprek_weken(gesprek.traject) == 4
    assert volgende > vandaag
    actie = gesprek.acties.get(uiterlijk_op=volgende)
    assert actie.eigenaar == Aanwezigheid.objects.first().bevestigd_door
    assert set(GesprekOndertekening.objects.values_list("partij", flat=True)) == {
        "consulent",
        "kandidaat",
    }
    opleider = Aanwezigheid.objects.first().bevestigd_door
    client.force_login(opleider)
    response = client.get(reverse("home"))
    assert vandaag_lijst(response, "uren-bevestigen")
