"""Test settings: the suite runs on the real PostgreSQL and Redis that `make test` starts."""

import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, env

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
DEMO_DATA_ALLOWED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The worker process of the worker tests writes its mail to files the test can read.
if env("WORKER_EMAIL_FILE_PATH", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env("WORKER_EMAIL_FILE_PATH")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded and generated files stay out of the checkout; the worker process of the
# worker tests runs on the same machine and uses the same folder.
MEDIA_ROOT = env.path(
    "MEDIA_ROOT", default=str(Path(tempfile.gettempdir()) / "plpv-test-media")
)

# A fresh connection per request keeps the worker and live-server threads simple.
DATABASES["default"]["CONN_MAX_AGE"] = 0
# The tests' data is not committed, so no route reads from a replica the test stack
# may have started; tests/portal/test_replica.py turns it on.
DATABASE_REPLICA_ROUTES = []
if "replica" in DATABASES:
    DATABASES["replica"]["CONN_MAX_AGE"] = 0

if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql" and not env.bool(
    "ALLOW_NON_POSTGRES_TESTS", default=False
):
    raise ImproperlyConfigured(
        "The test suite runs on PostgreSQL: use `make test`, which starts one, or set "
        "DATABASE_URL=postgres://..."
    )

# Tasks run in-process unless a test asks for the real worker (tests/conftest.py).
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)

# Figures are computed on every request in tests (a test changes data between two
# requests); tests/rapportage/test_cache.py turns the cache on.
DASHBOARD_CACHE_SECONDEN = 0
# The same for the consulent filter's choices: tests/kandidaten/test_consulent_keuzes.py
# turns that cache on.
CONSULENT_KEUZES_CACHE_SECONDEN = 0

# The second login step starts off for every role here, so that the many tests that
# log in with `app.get(url, user=...)` or force_login test their own page; the tests
# in tests/tweestaps/ switch it on per role (and check the production default: on).
TWEEDE_STAP_STANDAARD_VERPLICHT = False
