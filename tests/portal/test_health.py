import json
import os
import subprocess
import sys
import time

from django.conf import settings as django_settings
from django.core.cache import cache

import pytest

from core.tasks import WORKER_GEZIEN, uitgaande_taken_versturen
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.django_db


def test_health_is_ok_when_the_database_answers(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "status": "ok"}


def test_health_reports_a_working_broker(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = django_settings.CELERY_BROKER_URL
    if not settings.CELERY_BROKER_URL:
        pytest.skip("needs the Redis of `make test`")
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["broker"] == "ok"


def test_health_is_503_when_the_broker_is_unreachable(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get("/health/")
    assert response.status_code == 503
    body = response.json()
    assert (body["database"], body["cache"], body["broker"]) == ("ok", "ok", "error")
    assert body["status"] == "error"


def test_health_is_503_when_the_database_is_unreachable():
    # A separate process whose DATABASE_URL points at a port where nothing listens.
    script = (
        "import django, json; django.setup();"
        "from django.test import Client; r = Client().get('/health/');"
        "print(json.dumps([r.status_code, r.json()]))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "plpv_portal.settings.test",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/plpv",
    }
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    status, body = json.loads(out.stdout.strip().splitlines()[-1])
    assert status == 503
    assert body["database"] == "error"


def test_health_is_503_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.VeiligeRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["cache"] == "error"


@pytest.mark.parametrize(
    ("seconden_geleden", "worker"), [(None, "onbekend"), (10, "ok"), (900, "stil")]
)
def test_health_says_when_a_worker_was_last_seen(
    client, settings, seconden_geleden, worker
):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = django_settings.CELERY_BROKER_URL
    if not settings.CELERY_BROKER_URL:
        pytest.skip("needs the Redis of `make test`")
    cache.delete(WORKER_GEZIEN)
    if seconden_geleden is not None:
        cache.set(WORKER_GEZIEN, time.time() - seconden_geleden)

    response = client.get("/health/")

    # A quiet worker is for the monitoring: the portal still serves its pages.
    assert response.status_code == 200
    assert response.json()["worker"] == worker


def test_the_outbox_task_leaves_the_workers_sign_of_life():
    cache.delete(WORKER_GEZIEN)
    uitgaande_taken_versturen.run()
    assert time.time() - cache.get(WORKER_GEZIEN) < 60
