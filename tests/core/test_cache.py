"""Redis away: the pages that read the cache answer from the database instead of 500
(`core.cache.VeiligeRedisCache`)."""

import logging
import os

from django.core.cache import cache
from django.urls import reverse

import pytest

from core.models import UitgaandeTaak
from tests.core.test_uitgaand import broker_weg, gesloten_poort
from tests.factories.organisaties import MedewerkerFactory
from tests.formulieren import verzenden
from tests.verklaringen.test_verklaring_views import uitgereikt

pytestmark = pytest.mark.django_db


def redis_cache(url: str) -> dict:
    return {
        "default": {
            "BACKEND": "core.cache.VeiligeRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def cache_weg(settings):
    """The cache is Redis on a port where nothing listens."""
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{gesloten_poort()}/0")
    settings.DASHBOARD_CACHE_SECONDEN = 600


def test_verification_page_answers_without_the_cache(app, cache_weg, caplog):
    v, _opleider, _mbo = uitgereikt()
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        pagina = app.get(reverse("verificatie", args=[v.code]))
        # An unknown code is still a plain 404; its count is lost, not an error.
        app.get("/verificatie/onbekend0000000000000/", status=404)
    assert v.nummer in pagina.text
    assert "Cache unavailable" in caplog.text


def test_dashboard_is_computed_from_the_database_without_the_cache(
    app, coordinator, cache_weg
):
    pagina = app.get(reverse("rapportage:dashboard"), user=coordinator)
    assert "Berekend om" in pagina.text


def test_password_reset_is_sent_later_when_cache_and_broker_are_away(app, cache_weg):
    MedewerkerFactory(username="anna", email="anna@example.org")
    pagina = app.get(reverse("password_reset"))
    with broker_weg():
        response = verzenden(pagina, email="anna@example.org", status=302)
    assert response["Location"] == reverse("password_reset_done")
    rij = UitgaandeTaak.objects.get()
    assert rij.kwargs["aan"] == ["anna@example.org"]


def test_the_cache_works_as_usual_when_redis_is_there(settings):
    broker = os.environ.get("CELERY_BROKER_URL", "")
    if not broker.startswith("redis://"):
        pytest.skip("needs the Redis of scripts/test-stack.sh")
    settings.CACHES = redis_cache(broker.rsplit("/", 1)[0] + "/3")
    cache.clear()
    assert cache.add("k", 0, 60)
    assert cache.incr("k") == 1
    assert cache.get("k") == 1
    cache.set("d", "html", 60)
    assert cache.get("d") == "html"
    cache.clear()
