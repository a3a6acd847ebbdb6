"""The process pages link to the kennisbank: advice → instruments, funding → schemes,
leerbedrijf → practice examples of its sector."""

from django.urls import reverse

import pytest

from kennisbank.constants import Soort
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.kennisbank import ItemFactory
from tests.factories.leerbedrijven import LeerbedrijfFactory
from tests.factories.trajecten import TrajectFactory

pytestmark = pytest.mark.django_db


def test_process_pages_link_to_the_right_kind_of_item(client, consulent):
    ItemFactory(titel="Het mbo-certificaat uitgelegd", soort=Soort.INSTRUMENT)
    ItemFactory(titel="Crisisregeling praktijkleren", regeling=True)
    ItemFactory(
        titel="Praktijkvoorbeeld horeca", soort=Soort.PRAKTIJKVOORBEELD, sector="horeca"
    )
    client.force_login(consulent)

    advies = client.get(
        reverse(
            "trajecten:advies_create", args=[KandidaatFactory(consulent=consulent).pk]
        )
    ).content.decode()
    traject = client.get(
        TrajectFactory(kandidaat__consulent=consulent).get_absolute_url()
    ).content.decode()
    leerbedrijf = client.get(
        LeerbedrijfFactory(sector="horeca").get_absolute_url()
    ).content.decode()

    assert "Het mbo-certificaat uitgelegd" in advies
    assert "Crisisregeling praktijkleren" not in advies
    assert "Crisisregeling praktijkleren" in traject
    assert "Praktijkvoorbeeld horeca" in leerbedrijf
