"""Settings of the processes the scale-out test starts (tests/portal/test_schaal.py):
the production settings, with two changes that share or separate nothing.

- Static files without the manifest: the image builds it with collectstatic (45 s
  here, every run); the pages are the same.
- The suite's fast password hasher, so that the factories' accounts can log in.
"""

from plpv_portal.settings.production import *  # noqa: F403
from plpv_portal.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
