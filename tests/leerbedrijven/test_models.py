import datetime

from django.utils import timezone

import pytest

from core.datums import plus_maanden
from tests.factories.leerbedrijven import ErkenningFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("datum", "maanden", "verwacht"),
    [
        (datetime.date(2025, 1, 31), 1, datetime.date(2025, 2, 28)),
        (datetime.date(2024, 11, 15), 3, datetime.date(2025, 2, 15)),
        (datetime.date(2024, 12, 31), 2, datetime.date(2025, 2, 28)),
    ],
)
def test_plus_maanden(datum, maanden, verwacht):
    assert plus_maanden(datum, maanden) == verwacht


@pytest.mark.parametrize(
    ("dagen", "maanden", "verwacht"),
    [(30, 3, True), (200, 3, False), (200, 12, True), (-1, 3, False)],
)
def test_erkenning_verloopt_binnenkort_follows_setting(
    settings, dagen, maanden, verwacht
):
    settings.ERKENNING_WAARSCHUWING_MAANDEN = maanden
    erkenning = ErkenningFactory(
        erkend=True,
        erkend_op=datetime.date(2020, 1, 1),
        geldig_tot=timezone.localdate() + datetime.timedelta(days=dagen),
    )
    assert erkenning.verloopt_binnenkort is verwacht


def test_aangevraagde_erkenning_never_warns():
    erkenning = ErkenningFactory(
        geldig_tot=timezone.localdate() + datetime.timedelta(days=5)
    )
    assert not erkenning.verloopt_binnenkort
