from django.core.management import call_command
from django.utils import timezone

import pytest

from core.datums import plus_maanden
from leerbedrijven.models import Contactpersoon, Erkenning, Leerbedrijf
from leerbedrijven.selectors import leerbedrijf_list
from organisaties.models import Medewerker, Organisatie

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_leerbedrijven_once_with_opleider_at_the_bakery():
    call_command("seed_demo", "--zonder-trajecten", stdout=open("/dev/null", "w"))  # noqa: SIM115
    aantallen = (Leerbedrijf.objects.count(), Organisatie.objects.count())
    call_command("seed_demo", "--zonder-trajecten", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert (Leerbedrijf.objects.count(), Organisatie.objects.count()) == aantallen
    assert aantallen[0] == 11
    assert len(set(Leerbedrijf.objects.values_list("status", flat=True))) == 5
    opleider = Medewerker.objects.get(username="opleider")
    peter = Contactpersoon.objects.get(account=opleider)
    assert peter.is_praktijkopleider
    assert peter.leerbedrijf.organisatie == opleider.organisatie
    assert list(leerbedrijf_list(user=opleider)) == [peter.leerbedrijf]
    binnen_twee_maanden = Erkenning.objects.verloopt_binnenkort().filter(
        geldig_tot__lte=plus_maanden(timezone.localdate(), 2)
    )
    assert binnen_twee_maanden.filter(leerbedrijf=peter.leerbedrijf).exists()
    for leerbedrijf in Leerbedrijf.objects.all():
        # the history leads to the current status
        assert leerbedrijf.statuswijzigingen.order_by("-op", "-pk")[0].naar == (
            leerbedrijf.status
        )
