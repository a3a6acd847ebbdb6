"""The embedded default: SQLite, tasks in-process, demo data allowed."""

from .base import *  # noqa: F403
from .base import LOGGING, env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
DEMO_DATA_ALLOWED = True
# Without a broker there is no Celery beat: `manage.py run_embedded` (make run) runs
# the beat schedule in the web process (core/planner.py).
EMBEDDED_SCHEDULER = True
# runserver already logs every request; the portal's own request line is for production.
LOGGING["loggers"]["plpv.verzoek"] = {"level": "WARNING"}
