"""The WSGI application that `manage.py benchmark --doorvoer` serves with gunicorn:
the portal with the benchmark's URLconf (plpv_portal.benchmark.urlpatterns: the
portal's URLs plus the bare views), never used in production."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plpv_portal.settings.production")

application = get_wsgi_application()
settings.ROOT_URLCONF = "plpv_portal.benchmark"
