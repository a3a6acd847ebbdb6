"""Production settings: refuse to start half-configured; never accept the demo password."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import PROJECT_ROOT

PRODUCTIE = {
    "DJANGO_SETTINGS_MODULE": "plpv_portal.settings.production",
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "plpv.example.nl",
    "DATABASE_URL": "postgres://plpv@127.0.0.1:1/plpv",
    "SECURITY_CONTACT": "mailto:security@regio.example.nl",
    "CACHE_URL": "redis://127.0.0.1:1/2",
    "CELERY_BROKER_URL": "redis://127.0.0.1:1/0",
}


def django_run(code: str, **env):
    basis = {k: v for k, v in os.environ.items() if k not in PRODUCTIE}
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=PROJECT_ROOT,
        env={**basis, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "ontbreekt",
    [
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "SECURITY_CONTACT",
        "CACHE_URL",
        "CELERY_BROKER_URL",
    ],
)
def test_production_refuses_to_start_without(ontbreekt):
    env = {k: v for k, v in PRODUCTIE.items() if k != ontbreekt}
    result = django_run("print('started')", **env)
    assert result.returncode != 0
    assert f"need the environment variable {ontbreekt}" in result.stderr


def test_production_rejects_the_demo_password_and_refuses_seed_demo():
    result = django_run(
        "from django.contrib.auth.password_validation import validate_password;"
        "validate_password('plpv-demo')",
        **PRODUCTIE,
    )
    assert result.returncode != 0
    assert "openbaar bekend" in result.stderr

    seed = subprocess.run(
        [sys.executable, "manage.py", "seed_demo"],
        cwd=PROJECT_ROOT,
        env={**os.environ, **PRODUCTIE},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert seed.returncode != 0
    assert "refused" in seed.stderr


def test_production_settings_are_secure():
    result = django_run(
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0,"
        " s.X_FRAME_OPTIONS, s.DEMO_DATA_ALLOWED)",
        **PRODUCTIE,
    )
    assert result.stdout.split() == ["False", "True", "True", "True", "DENY", "False"]


def test_production_keeps_nothing_in_one_process():
    """Scale-out: every web process and worker sees the same sessions, login attempts,
    cache (rate limits), locks and files; no scheduler runs inside a web process."""
    result = django_run(
        "import json; from django.conf import settings as s;"
        "print(json.dumps({"
        "'caches': sorted({c['BACKEND'] for c in s.CACHES.values()}),"
        "'sessions': s.SESSION_ENGINE, 'axes': s.AXES_HANDLER,"
        "'planner': getattr(s, 'EMBEDDED_SCHEDULER', False),"
        "'eager': s.CELERY_TASK_ALWAYS_EAGER, 'media': str(s.MEDIA_ROOT),"
        "'opslag': s.STORAGES['default']['BACKEND']}))",
        **PRODUCTIE,
        MEDIA_ROOT="/gedeeld/media",
        CELERY_TASK_ALWAYS_EAGER="true",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "caches": ["core.cache.VeiligeRedisCache"],
        "sessions": "django.contrib.sessions.backends.db",
        "axes": "axes.handlers.database.AxesDatabaseHandler",
        "planner": False,
        "eager": False,
        "media": "/gedeeld/media",
        "opslag": "django.core.files.storage.FileSystemStorage",
    }
