"""seed_demo's attendance and progress meeting: present, repeatable, and visible to
the demo praktijkopleider."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

import pytest

from tests.portal.vandaag import vandaag_lijst
from voortgang.models import Aanwezigheid, GesprekOndertekening, Voortgangsgesprek

pytestmark = pytest.mark.django_db


def test_seed_demo_gives_a_placed_candidate_weeks_and_a_meeting(client):
    call_command("seed_demo", stdout=StringIO())
    aantallen = (Aanwezigheid.objects.count(), Voortgangsgesprek.objects.count())
    call_command("seed_demo", stdout=StringIO())  # safe to repeat
    assert (
        Aanwezigheid.objects.count(),
        Voortgangsgesprek.objects.count(),
    ) == aantallen
    assert aantallen == (6, 1)
    assert Aanwezigheid.objects.filter(afwezigheid_reden="ziek").count() == 1
    assert set(GesprekOndertekening.objects.values_list("partij", flat=True)) == {
        "consulent",
        "kandidaat",
    }
    opleider = Aanwezigheid.objects.first().bevestigd_door
    client.force_login(opleider)
    response = client.get(reverse("home"))
    assert vandaag_lijst(response, "uren-bevestigen")
