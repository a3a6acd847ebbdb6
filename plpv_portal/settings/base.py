"""Settings shared by every environment; environment variables decide the values.

dev.py, test.py and production.py override a handful of lines each.
"""

from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# --- CORE ---
SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Whether `seed_demo` may create the demo logins (password "plpv-demo").
DEMO_DATA_ALLOWED = env.bool("DEMO_DATA_ALLOWED", default=False)

INSTALLED_APPS = [
    "plpv_portal.apps.PlpvAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "django_celery_beat",
    "axes",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "core",
    "meldingen",
    "organisaties",
    "sso",
    "kwalificaties",
    "kennisbank",
    "samenwerking",
    "kandidaten",
    "leerbedrijven",
    "trajecten",
    "verklaringen",
    "voortgang",
    "uitkomsten",
    "bewaartermijnen",
    "dossier",
    "mijn",
    "rapportage",
    "tweestaps",
    "api",
    # seed_demo: composes the demo data of every app, so it sits above them all.
    "plpv_portal.demo",
]

MIDDLEWARE = [
    # First: a request id (X-Request-ID) for every line logged while handling it.
    "core.logboek.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise (static files keep their own policy), before everything else
    # so that it sees the final response.
    "core.middleware.GeenCacheVoorIngelogdMiddleware",
    # Django's, but a session save failing after the view committed is no error page.
    "core.middleware.SessieMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): the session passed the second step (tweestaps).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # After the login check: a user who still owes the second step goes there first.
    "tweestaps.middleware.TweedeStapMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # After the login check: the dashboards read from the replica (core/replica.py).
    "core.replica.ReplicaMiddleware",
    # Last, so that a lockout sees the outcome of the login view.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "plpv_portal.urls"
WSGI_APPLICATION = "plpv_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "plpv_portal.context_processors.navigatie",
            ],
        },
    },
]

# --- DATABASE ---
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles the portal's short queries for longer than they run
    # (the team view: 1.6 s with it, 0.13 s without at 100,000 candidates).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
# Optional read replica (a streaming standby of the primary): the dashboards and their
# exports read from it (core/replica.py); writes and everything else use "default".
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {
        **env.db("DATABASE_REPLICA_URL"),
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
        "OPTIONS": DATABASES["default"].get("OPTIONS", {}),
        # Tests: the replica streams the primary's test database, none of its own.
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["core.replica.ReplicaRouter"]
DATABASE_REPLICA_ROUTES = env.list(
    "DATABASE_REPLICA_ROUTES",
    default=["rapportage:dashboard", "rapportage:vergelijking"],
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- AUTH ---
AUTH_USER_MODEL = "organisaties.Medewerker"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "organisaties.backends.MedewerkerBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after SESSION_IDLE_MINUTES without a request (the cookie is renewed
# on every request) and when the browser closes.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_MINUTES", default=30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- LOGIN THROTTLING (django-axes) ---
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The client's address as the trusted proxy saw it (CLIENT_IP_HEADER), not the proxy's
# own: otherwise every failure counts for one address and anyone can lock any account.
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_ip"

# --- SECOND LOGIN STEP (tweestaps, django-otp) ---
# The default for each role when its setting row is made (after migrate): required
# for every role that can open a candidate. The beheerder changes it per role in
# the admin ("Tweede stap per rol"); the test settings start with it off.
TWEEDE_STAP_STANDAARD_VERPLICHT = env.bool(
    "TWEEDE_STAP_STANDAARD_VERPLICHT", default=True
)
# This many wrong codes lock the second step for this many seconds.
TWEEDE_STAP_MAX_FOUTEN = env.int("TWEEDE_STAP_MAX_FOUTEN", default=5)
TWEEDE_STAP_BLOKKADE_SECONDEN = env.int("TWEEDE_STAP_BLOKKADE_SECONDEN", default=900)
OTP_TOTP_ISSUER = "PLPV-portaal"
# The portal's own lockout above replaces django-otp's growing delays per device.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# --- I18N ---
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- STATIC AND MEDIA ---
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- FORMS ---
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- E-MAIL ---
EMAIL_BACKEND = env(
    "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="PLPV-portaal <noreply@plpv.local>"
)

# --- SECURITY ---
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "plpv_portal.views.csrf_failure"
# No inline scripts or styles and nothing from another host: every page loads
# only the portal's own static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# --- AUDIT TRAIL ---
AUDITLOG_INCLUDE_ALL_MODELS = False

# --- CELERY ---
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or None)
# Without a broker the embedded default runs tasks in-process.
CELERY_TASK_ALWAYS_EAGER = env.bool(
    "CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=180)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = timedelta(days=1)
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A broker that is down answers a web request within seconds, not after minutes of
# retries: publishing goes through the outbox (core.uitgaand), which tries
# once; what did not go is published by the beat task `uitgaande-taken-versturen`.
CELERY_BROKER_CONNECTION_TIMEOUT = env.float(
    "CELERY_BROKER_CONNECTION_TIMEOUT", default=2
)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": CELERY_BROKER_CONNECTION_TIMEOUT,
    # A message a worker took but did not acknowledge (acks_late; the worker was
    # killed) goes back to the queue after this many seconds. Longer than a task may
    # run (CELERY_TASK_TIME_LIMIT) and than a retry's countdown, or a running task
    # would be delivered twice. Dead workers' PDFs do not wait for it: the PDF restart
    # tasks below queue them again within a minute.
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=300),
}
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = CELERY_BROKER_CONNECTION_TIMEOUT
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BEAT_SCHEDULE = {
    "sessies-opruimen": {
        "task": "core.tasks.sessies_opruimen",
        "schedule": timedelta(hours=6),
    },
    # Tasks whose change committed while the broker was away (the outbox).
    "uitgaande-taken-versturen": {
        "task": "core.tasks.uitgaande_taken_versturen",
        "schedule": timedelta(seconds=30),
    },
    # PDFs whose worker died (or that could not start): queued again within a minute
    # (core.pdf.HERSTART_NA and HERSTART_INTERVAL).
    "overeenkomst-pdfs-herstarten": {
        "task": "trajecten.tasks.overeenkomst_pdfs_herstarten",
        "schedule": timedelta(seconds=20),
    },
    "verklaring-pdfs-herstarten": {
        "task": "verklaringen.tasks.verklaring_pdfs_herstarten",
        "schedule": timedelta(seconds=20),
    },
    "mbo-verklaring-pdfs-herstarten": {
        "task": "verklaringen.tasks.mbo_verklaring_pdfs_herstarten",
        "schedule": timedelta(seconds=20),
    },
    # Daily at 07:00 (CELERY_TIMEZONE), before the working day starts.
    "herinneringen-versturen": {
        "task": "meldingen.tasks.herinneringen_versturen",
        "schedule": crontab(hour=7, minute=0),
    },
    # Daily at 07:30, after the reminders: one e-mail per person listing the titles of
    # the notifications they chose to get in the daily digest.
    "meldingen-dagelijks-overzicht": {
        "task": "meldingen.tasks.dagelijks_overzicht_versturen",
        "schedule": crontab(hour=7, minute=30),
    },
    # Daily at 02:00: anonymise candidates whose retention period ended; delete old
    # audit entries, notifications and sessions (bewaartermijnen).
    "bewaartermijnen-toepassen": {
        "task": "bewaartermijnen.tasks.bewaartermijnen_toepassen",
        "schedule": crontab(hour=2, minute=0),
    },
    # The dashboards' fact tables again from the live tables: repairs drift from bulk
    # writes or lost updates. Nightly, and once at the start of `make run`.
    # Daily at 02:30: funding dossiers (ZIPs) older than dossier.services.BEWAARDAGEN.
    "dossiers-opruimen": {
        "task": "dossier.tasks.dossiers_opruimen",
        "schedule": crontab(hour=2, minute=30),
    },
    "dashboardfeiten-herbouwen": {
        "task": "rapportage.tasks.feiten_herbouwen",
        "schedule": crontab(hour=2, minute=15),
    },
}

# --- PLPV ---
# The public verification page refuses an IP address after this many unknown codes
# within this many seconds.
VERIFICATIE_LIMIET = (
    env.int("VERIFICATIE_MAX_POGINGEN", default=10),
    env.int("VERIFICATIE_VENSTER_SECONDEN", default=900),
)
# At most this many password reset mails per client address and per e-mail address
# within this many seconds; more requests get the same answer but no mail.
WACHTWOORD_RESET_LIMIET = (
    env.int("WACHTWOORD_RESET_MAX", default=3),
    env.int("WACHTWOORD_RESET_VENSTER_SECONDEN", default=3600),
)
# The candidate's own pages (/mijn/): a one-time link by e-mail works this many
# hours, a printed code this many days; either is burned after this many wrong dates
# of birth. A candidate's session ends after this many minutes without a request. An
# address that tries this many wrong links, codes or dates of birth within this many
# seconds is refused for a while.
MIJN_LINK_GELDIG_UREN = env.int("MIJN_LINK_GELDIG_UREN", default=72)
MIJN_CODE_GELDIG_DAGEN = env.int("MIJN_CODE_GELDIG_DAGEN", default=7)
MIJN_MAX_FOUTE_GEBOORTEDATUM = env.int("MIJN_MAX_FOUTE_GEBOORTEDATUM", default=3)
MIJN_SESSIE_MINUTEN = env.int("MIJN_SESSIE_MINUTEN", default=30)
MIJN_LIMIET = (
    env.int("MIJN_MAX_POGINGEN", default=10),
    env.int("MIJN_VENSTER_SECONDEN", default=900),
)
# The portal's public address (scheme and host) for links that leave the portal,
# such as the QR code on a praktijkverklaring. Empty: the address of the request.
PORTAL_URL = env("PORTAL_URL", default="")
# /health/ reports the worker "stil" when it ran no scheduled task for this long.
WORKER_STIL_SECONDEN = env.int("WORKER_STIL_SECONDEN", default=300)
# security.txt's Contact (RFC 9116): a mailto: or https: address for vulnerability
# reports. Production refuses to start without it; the default is for development.
SECURITY_CONTACT = env("SECURITY_CONTACT", default="mailto:security@plpv.local")
# How long the dashboards' figures are kept before they are computed again.
DASHBOARD_CACHE_SECONDEN = env.int("DASHBOARD_CACHE_SECONDEN", default=600)
# How long the caseload's consulent filter keeps its choices per region (emptied
# sooner when a medewerker, a role or an organisation's regions change).
CONSULENT_KEUZES_CACHE_SECONDEN = env.int(
    "CONSULENT_KEUZES_CACHE_SECONDEN", default=600
)
# Where the client's address is: empty for REMOTE_ADDR (no proxy), or a header such as
# HTTP_X_FORWARDED_FOR whose last entry the trusted proxy in front appended.
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER", default="")
# A cache shared by all web processes (the rate limit counts there): Redis in
# production (CACHE_URL), memory in development and tests.
CACHES = {
    "default": (
        {
            # RedisCache that logs and falls back when Redis is away, instead of
            # turning every page that reads the cache into an error page.
            "BACKEND": "core.cache.VeiligeRedisCache",
            "LOCATION": env("CACHE_URL"),
            "OPTIONS": {
                "socket_connect_timeout": env.float("CACHE_TIMEOUT", default=1),
                "socket_timeout": env.float("CACHE_TIMEOUT", default=1),
            },
        }
        if env("CACHE_URL", default="")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# BSN is off by default (data minimisation). A region that needs it turns it on and
# gives a Fernet key (`python -c "from cryptography.fernet import Fernet;
# print(Fernet.generate_key().decode())"`); the BSN is then stored encrypted.
KANDIDAAT_BSN_AAN = env.bool("KANDIDAAT_BSN_AAN", default=False)
BSN_SLEUTEL = env("BSN_SLEUTEL", default="")
# Single sign-on per organisation (sso/): the Fernet key(s) that encrypt the
# organisations' OpenID Connect client secrets (one key, or several separated by
# commas for a rotation, as BSN_SLEUTEL). Without it no koppeling can be saved.
SSO_SLEUTEL = env("SSO_SLEUTEL", default="")
# The Fernet key(s) that encrypt the private keys which sign the praktijkverklaringen
# as verifiable credentials (verklaringen/credential.py; commas for a rotation, as
# BSN_SLEUTEL). Empty: a key derived from SECRET_KEY.
CREDENTIAL_SLEUTEL = env("CREDENTIAL_SLEUTEL", default="")
# A provider's address must be https (off only in the tests, for the local provider).
SSO_ALLEEN_HTTPS = env.bool("SSO_ALLEEN_HTTPS", default=True)
# A network contact not checked for this many months is marked as out of date.
NETWERK_CONTROLE_MAANDEN = env.int("NETWERK_CONTROLE_MAANDEN", default=6)
# An erkenning whose geldig_tot falls within this many months shows a warning.
ERKENNING_WAARSCHUWING_MAANDEN = env.int("ERKENNING_WAARSCHUWING_MAANDEN", default=3)
# A kennisbank item not checked for this many months shows a warning.
KENNISBANK_CONTROLE_MAANDEN = env.int("KENNISBANK_CONTROLE_MAANDEN", default=12)
# Follow-up measurements are planned this many months after a traject's outcome.
VERVOLGMETING_MAANDEN = env.list("VERVOLGMETING_MAANDEN", cast=int, default=[6, 12])

# The largest SBB kwalificatiedossier XML the catalog import reads (MB).
CATALOGUS_XML_MAX_MB = env.int("CATALOGUS_XML_MAX_MB", default=20)

# --- API (/api/v1/, see README "API") ---
# Requests per API client (token) or user (session), counted in the shared cache.
API_LIMIET = env("API_LIMIET", default="600/min")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authenticatie.ApiClientAuthentication",
        "api.authenticatie.SessieAuthenticatie",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.beleid.RolRecht"],
    "DEFAULT_THROTTLE_CLASSES": ["api.beleid.ApiLimiet"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "api.beleid.Paginering",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.problemen.problem_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "PLPV-portaal API",
    "DESCRIPTION": (
        "Lezen en schrijven in het PLPV-portaal vanuit de eigen systemen van de "
        "regio. Je ziet en mag precies wat de medewerker (of de medewerker van de "
        "API-koppeling) in het portaal ziet en mag. Fouten zijn problem+json "
        "(RFC 9457)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.api_version_header",
        "api.schema.kort_is_gesloten",
        "api.schema.idempotency_key_header",
    ],
    "CONTACT": {"name": "Functioneel beheer PLPV-portaal", "url": "/privacy/"},
    "LICENSE": {"name": "EUPL-1.2"},
    "ENUM_NAME_OVERRIDES": {
        "LeerbedrijfStatusEnum": "leerbedrijven.constants.LeerbedrijfStatus",
        "TrajectStatusEnum": "trajecten.constants.TrajectStatus",
        "LeerbedrijfSoortEnum": "leerbedrijven.constants.LeerbedrijfSoort",
        "ContactSoortEnum": "kandidaten.constants.ContactSoort",
    },
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVERS": [{"url": "/api/v1", "description": "Dit portaal"}],
    # 3.1: a field that may be null is `oneOf [schema, null]`; in 3.0 `nullable` next
    # to a `$ref` does not apply to it (tests/api/test_schema_client.py found it).
    "OAS_VERSION": "3.1.0",
}

# --- LOGGING ---
# Every line carries the request id, user id and Celery task id (core.logboek). Text
# for development; LOG_FORMAT=json (the default in production) writes one JSON object
# per line to stdout. Never log names or BSNs: log ids.
LOG_FORMAT = env("LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "core.logboek.ContextFilter"}},
    "formatters": {
        "text": {
            "format": "%(asctime)s %(levelname)s %(name)s "
            "[%(request_id)s %(user_id)s %(task_id)s] %(message)s"
        },
        "json": {"()": "core.logboek.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["context"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
