"""The dashboard's figures are cached per population for a few minutes."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("rapportage:dashboard")


@pytest.fixture
def met_cache(settings):
    settings.DASHBOARD_CACHE_SECONDEN = 600
    cache.clear()
    yield
    cache.clear()


def test_second_request_uses_the_cached_figures(
    client, coordinator, gegevens, met_cache
):
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as eerste:
        tekst = client.get(DASHBOARD).text
    with CaptureQueriesContext(connection) as tweede:
        assert client.get(DASHBOARD).text.count("<table") == tekst.count("<table")
    assert len(tweede) < len(eerste) - 10
    assert "Berekend om" in tekst


def test_cache_is_per_population(client, coordinator, consulent, gegevens, met_cache):
    client.force_login(coordinator)
    regio = client.get(DASHBOARD).text.split("Berekend om")[1]
    client.force_login(consulent)
    eigen = client.get(DASHBOARD).text.split("Berekend om")[1]
    assert regio != eigen  # another scope never gets the coordinator's figures
