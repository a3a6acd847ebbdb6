import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop running in the main thread; Django's ORM
# would otherwise refuse to work in the tests that run after the first browser test.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from organisaties.constants import Rol  # noqa: E402
from tests.factories.organisaties import (  # noqa: E402
    MedewerkerFactory,
    OrganisatieFactory,
    medewerker_met_rol,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


# --- a quick exit ---
_SESSIE = []


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    _SESSIE.append(session)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """End the process without the interpreter's final garbage collection. After the
    whole suite that collection walks millions of objects and took over seven minutes
    (after 1,595 tests, the suite itself 23 minutes), changing nothing: by now every
    result is reported, every fixture torn down and every plugin closed. The exit
    status is pytest's own. PLPV_TESTS_GEWOON_AFSLUITEN=1 keeps the normal exit."""
    if _SESSIE and not os.environ.get("PLPV_TESTS_GEWOON_AFSLUITEN"):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(int(_SESSIE[-1].exitstatus))


# --- roles: one user per role in one gemeente in Twente ---
@pytest.fixture
def gemeente(db):
    return OrganisatieFactory(naam="Gemeente Testdorp")


@pytest.fixture
def consulent(gemeente):
    return medewerker_met_rol(Rol.CONSULENT, organisatie=gemeente, first_name="Jessica")


@pytest.fixture
def jobcoach(gemeente):
    return medewerker_met_rol(Rol.JOBCOACH, organisatie=gemeente)


@pytest.fixture
def praktijkopleider(db):
    return medewerker_met_rol(
        Rol.PRAKTIJKOPLEIDER, organisatie=OrganisatieFactory(leerbedrijf=True)
    )


@pytest.fixture
def mbo_medewerker(db):
    return medewerker_met_rol(
        Rol.MBO_MEDEWERKER, organisatie=OrganisatieFactory(mbo=True)
    )


@pytest.fixture
def coordinator(db):
    return medewerker_met_rol(Rol.REGIOCOORDINATOR)


@pytest.fixture
def beheerder(db):
    return medewerker_met_rol(Rol.FUNCTIONEEL_BEHEERDER)


@pytest.fixture
def superuser(db):
    return MedewerkerFactory(superuser=True)


# --- a real Celery worker process against the real Redis of `make test` ---
@pytest.fixture(scope="session")
def celery_worker_proc(django_db_setup, django_db_blocker, tmp_path_factory):
    """Start one worker for the session, on the test database (data must be committed)."""
    from django.conf import settings
    from django.db import connection

    if not settings.CELERY_BROKER_URL:
        pytest.fail("Worker tests need CELERY_BROKER_URL (run them with `make test`).")
    db = connection.settings_dict
    mail_dir = tmp_path_factory.mktemp("worker-mail")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "plpv_portal.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "WORKER_EMAIL_FILE_PATH": str(mail_dir),
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "plpv_portal",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"pytest-{os.getpid()}@%h",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    proc.mail_dir = mail_dir
    yield proc
    proc.send_signal(signal.SIGTERM)
    try:
        proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()


@pytest.fixture
def celery_worker(celery_worker_proc, transactional_db):
    """Tasks in this test go through Redis to the real worker, not in-process."""
    from celery._state import _set_task_join_will_block

    from plpv_portal.celery import app

    # Celery's eager `apply_async` saves and restores a process-wide "inside a task"
    # flag without a lock: tests that issue from several threads at once can leave it
    # set, and then `result.get()` here refuses ("Never call result.get() within a
    # task"). This test process is never inside a task.
    _set_task_join_will_block(False)
    app.conf.task_always_eager = False
    yield celery_worker_proc
    app.conf.task_always_eager = True


# --- Playwright with Debian's Chromium (no browser download here) ---
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A desktop screen. The menu is one row from 992 px (what does not fit is under
    "Meer"); smaller screens get the menu button, which the phone tests use."""
    return {**browser_context_args, "viewport": {"width": 1440, "height": 900}}


# --- view tests submit the form the page renders, with the CSRF check on ---
@pytest.fixture
def app(django_app):
    """django-webtest's app (CSRF checks on); log in with `app.set_user(user)` or
    `app.get(url, user=user)`. Helpers for forms: tests/formulieren.py."""
    return django_app


@pytest.fixture
def weinig_contexten(monkeypatch):
    """For tests that open hundreds of pages (the crawls): keep only the first few
    template contexts of a response (the page's own, where its forms are).
    django-webtest copies the context of every template rendered, a crispy field
    each: thousands of copies per page, most of a crawl's time."""
    import copy

    from django.test.utils import ContextList

    import django_webtest

    def bewaren(store, signal, sender, template, context, **kwargs):
        store.setdefault("templates", []).append(template)
        contexten = store.setdefault("context", ContextList())
        if len(contexten) < 5:
            contexten.append(copy.copy(context))

    monkeypatch.setattr(django_webtest, "store_rendered_templates", bewaren)
