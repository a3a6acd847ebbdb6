"""The beheerder's due list runs as many SQL queries with many candidates due as
with few (issue #16)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from tests.factories.kandidaten import ContactmomentFactory, KandidaatFactory
from tests.factories.trajecten import TrajectFactory
from tests.factories.uitkomsten import UitkomstFactory
from tests.queries import queries, zelfde_aantal

pytestmark = pytest.mark.django_db

URL = reverse("bewaartermijnen:overzicht")
LANG_GELEDEN = timezone.localdate().replace(year=timezone.localdate().year - 2)


def met_traject():
    traject = TrajectFactory(
        afgesloten=True,
        einddatum=LANG_GELEDEN,
        kandidaat__toestemming_op=LANG_GELEDEN - timedelta(days=300),
    )
    UitkomstFactory(traject=traject, datum=LANG_GELEDEN + timedelta(days=5))
    return traject.kandidaat


def zonder_traject():
    kandidaat = KandidaatFactory(toestemming_op=LANG_GELEDEN)
    ContactmomentFactory(kandidaat=kandidaat, datum=LANG_GELEDEN + timedelta(days=9))
    return kandidaat


def test_the_due_list_with_more_candidates(app, beheerder):
    met_traject()
    zonder_traject()
    weinig = queries(lambda: app.get(URL, user=beheerder))
    nieuw = [met_traject() for _ in range(3)] + [zonder_traject() for _ in range(3)]
    veel = queries(lambda: app.get(URL, user=beheerder))
    tekst = app.get(URL, user=beheerder).text
    assert all(f"Nr. {k.pk}" in tekst for k in nieuw)
    zelfde_aantal(weinig, veel)
