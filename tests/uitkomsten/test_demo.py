"""seed_demo's outcomes: fictional, repeatable, and one late follow-up for Jessica."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from organisaties.models import Medewerker
from tests.portal.vandaag import vandaag_lijst
from uitkomsten.models import Uitkomst, Vervolgmeting

pytestmark = pytest.mark.django_db


def test_seed_demo_gives_ended_trajecten_outcomes_and_jessica_a_late_follow_up(
    client,
):
    call_command("seed_demo", stdout=StringIO())
    aantallen = (Uitkomst.objects.count(), Vervolgmeting.objects.count())
    data = sorted(Vervolgmeting.objects.values_list("pk", "gepland_op", "gemeten_op"))
    call_command("seed_demo", stdout=StringIO())  # safe to repeat

    assert (Uitkomst.objects.count(), Vervolgmeting.objects.count()) == aantallen
    assert (
        sorted(Vervolgmeting.objects.values_list("pk", "gepland_op", "gemeten_op"))
        == data
    )
    assert aantallen[0] >= 3
    assert Vervolgmeting.objects.filter(gemeten_op__isnull=False).exists()
    jessica = Medewerker.objects.get(username="jessica")
    te_laat = Vervolgmeting.objects.filter(
        traject__consulent=jessica,
        gemeten_op__isnull=True,
        gepland_op__lt=timezone.localdate(),
    )
    assert te_laat.count() == 1
    for uitkomst in Uitkomst.objects.select_related("traject"):
        uitkomst.full_clean()
        assert uitkomst.datum >= uitkomst.traject.startdatum

    client.force_login(jessica)
    response = client.get(reverse("home"))
    assert [m.pk for m in vandaag_lijst(response, "te-meten")] == [te_laat.get().pk]
    assert vandaag_lijst(response, "zonder-uitkomst")
