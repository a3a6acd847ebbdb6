import json
import os
import subprocess
import sys

from django.conf import settings as django_settings

import pytest

from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.django_db


def test_health_is_ok_when_the_database_answers(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "status": "ok"}


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
    assert response.json() == {"database": "ok", "broker": "error", "status": "error"}


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
