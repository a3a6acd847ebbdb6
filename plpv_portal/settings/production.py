"""Production settings: everything security-relevant must come from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import AUTH_PASSWORD_VALIDATORS, LOGGING, env

# CACHE_URL and CELERY_BROKER_URL: without them the cache (the rate limits, the
# dashboards' figures, the worker's sign of life) lives in each process's memory and
# tasks run inside the web process, so two web processes would each count their own
# attempts (README, "Scale-out").
for _name in (
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "SECURITY_CONTACT",
    "CACHE_URL",
    "CELERY_BROKER_URL",
):
    if not env(_name, default=""):
        raise ImproperlyConfigured(
            f"Production settings need the environment variable {_name}. "
            "See README.md, section 'Running in production'."
        )

DEBUG = False
DEMO_DATA_ALLOWED = False

# Nothing a request or task needs lives in one process (README, "Scale-out"): sessions
# and login attempts in PostgreSQL, the cache and its counters in Redis (CACHE_URL),
# locks are row locks in PostgreSQL, files on the shared media volume, and the schedule
# runs in the one `beat` container, never in a web process.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
EMBEDDED_SCHEDULER = False
CELERY_TASK_ALWAYS_EAGER = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind the TLS proxy, REMOTE_ADDR is the proxy; the client is the last address the
# proxy appended to X-Forwarded-For (used by the verification page's rate limit).
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER", default="HTTP_X_FORWARDED_FOR")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# /health/ is probed over plain HTTP inside the compose network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# The demo password can never be chosen in production.
AUTH_PASSWORD_VALIDATORS = [
    *AUTH_PASSWORD_VALIDATORS,
    {"NAME": "organisaties.validators.DemoWachtwoordValidator"},
]
EMAIL_BACKEND = env(
    "EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend"
)

# Logs: one JSON object per line on stdout, for the log collector (README, "Logs").
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT
# The worker keeps Django's LOGGING (with the task id) instead of its own format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# Optional error tracking (Sentry or GlitchTip): off unless SENTRY_DSN is set; personal
# data is stripped before an event leaves (core/foutmelding.py, README "Error tracking").
from core.foutmelding import foutmelding_starten  # noqa: E402

foutmelding_starten(
    env("SENTRY_DSN", default=""),
    omgeving=env("SENTRY_ENVIRONMENT", default="production"),
    release=env("SENTRY_RELEASE", default=None),
)
