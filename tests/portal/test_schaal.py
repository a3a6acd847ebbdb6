"""Scale-out: two web processes and two workers share everything a visitor notices.

The test starts what `docker compose up --scale web=2 --scale worker=2` starts, on
this machine: two gunicorn processes on two loopback ports and two Celery workers,
all with the production settings (tests/portal/schaal_instellingen.py), one
PostgreSQL (the test database) and one Redis. The test itself plays the proxy: it
sends every request with the Host, X-Forwarded-Proto and X-Forwarded-For the proxy
sets, to the one process or the other.

- A session made on one web process works on the other, and a form POST carries the
  CSRF token of a page the other process rendered.
- The login rate limit (django-axes, in PostgreSQL) and the verification page's limit
  (a counter in the Redis cache) count the attempts of both processes together.
- PDFs queued twice (the outbox and the restart task both sent them) are made by
  both workers, each PDF once.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
import redis
import requests

from core.pdf import PdfStatus
from meldingen.models import Melding
from tests.conftest import PROJECT_ROOT
from tests.factories.organisaties import MedewerkerFactory
from tests.factories.verklaringen import goedgekeurd_traject
from tests.trajecten.test_traject import gestart
from trajecten.models import OvereenkomstVersie
from trajecten.services import overeenkomsten_genereren
from trajecten.tasks import overeenkomst_pdf_maken
from verklaringen.models import Praktijkverklaring
from verklaringen.services import verklaring_uitreiken
from verklaringen.tasks import verklaring_pdf_maken

pytestmark = pytest.mark.schaal

HOST = "plpv.schaal.test"
WACHTWOORD = "geheim-wachtwoord-123"  # the factories' password
PDF_TAKEN = ("overeenkomst_pdf_maken", "verklaring_pdf_maken")


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Bezoeker:
    """One browser: keeps its cookies (also the Secure ones, which the proxy would
    receive over TLS) and sends what the proxy in front adds."""

    ip: str = "198.51.100.7"
    cookies: dict = field(default_factory=dict)

    def verzoek(self, web: str, methode: str, pad: str, data=None):
        koppen = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.ip,
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        if methode == "POST":
            koppen["Origin"] = f"https://{HOST}"
        antwoord = requests.request(
            methode,
            web + pad,
            data=data,
            headers=koppen,
            allow_redirects=False,
            timeout=30,
        )
        for kop in antwoord.raw.headers.getlist("Set-Cookie"):
            koek = SimpleCookie()
            koek.load(kop)
            for naam, waarde in koek.items():
                if waarde["max-age"] == "0" or not waarde.value:
                    self.cookies.pop(naam, None)
                else:
                    self.cookies[naam] = waarde.value
        return antwoord

    def get(self, web, pad):
        return self.verzoek(web, "GET", pad)

    def post(self, web, pad, data):
        return self.verzoek(web, "POST", pad, data)


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


@dataclass
class Stapel:
    web_a: str
    web_b: str
    werkers: dict  # name -> log file
    media: Path
    broker: str

    def logregels(self, naam: str) -> str:
        return self.werkers[naam].read_text(errors="replace")


def _stoppen(processen):
    # SIGQUIT: gunicorn's and Celery's quick shutdown; the tests are done with them and
    # nothing they hold is needed, so what has not stopped after 5 s is killed.
    for proc in processen:
        if proc.poll() is None:
            proc.send_signal(signal.SIGQUIT)
    eind = time.monotonic() + 5
    for proc in processen:
        try:
            proc.wait(timeout=max(eind - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wachten(voorwaarde, processen, logs, seconden=90):
    eind = time.monotonic() + seconden
    while time.monotonic() < eind:
        if voorwaarde():
            return
        for proc, log in zip(processen, logs, strict=True):
            if proc.poll() is not None:
                pytest.fail(f"{proc.args[2:4]} stopped:\n{log.read_text()[-3000:]}")
        time.sleep(0.2)
    pytest.fail("the web processes and workers did not start in time")


def _web_antwoordt(web: str) -> bool:
    try:
        requests.get(
            f"{web}/.well-known/security.txt",
            headers={"Host": HOST, "X-Forwarded-Proto": "https"},
            timeout=10,
        )
    except requests.RequestException:
        return False
    return True


@pytest.fixture(scope="module")
def stapel_proc(django_db_setup, django_db_blocker, tmp_path_factory):
    """Two web processes and two workers on the test database, one Redis and one media
    folder, for the tests of this module (starting them takes most of the time)."""
    from django.db import connection

    basis_broker = os.environ.get("CELERY_BROKER_URL", "")
    if not basis_broker.startswith("redis://"):
        pytest.fail(
            "The scale-out test needs Redis (run it with scripts/test-stack.sh)."
        )
    redis_basis = basis_broker.rsplit("/", 1)[0]
    # Redis databases of their own: the session's other worker (conftest) listens on
    # the suite's broker and must not take these tasks.
    broker, cache_url = f"{redis_basis}/5", f"{redis_basis}/6"
    for url in (broker, cache_url):
        redis.Redis.from_url(url).flushdb()

    map_ = tmp_path_factory.mktemp("schaal")
    media = map_ / "media"
    media.mkdir()
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.portal.schaal_instellingen",
        "PYTHONUNBUFFERED": "1",
        "SECRET_KEY": "schaal-" + "x" * 50,
        "ALLOWED_HOSTS": HOST,
        "SECURITY_CONTACT": "mailto:security@schaal.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CACHE_URL": cache_url,
        "CELERY_BROKER_URL": broker,
        "MEDIA_ROOT": str(media),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "SENTRY_DSN": "",
        "AXES_FAILURE_LIMIT": "3",
        "VERIFICATIE_MAX_POGINGEN": "3",
        "LOG_LEVEL": "INFO",
    }
    env.pop("CELERY_TASK_ALWAYS_EAGER", None)
    env.pop("DATABASE_REPLICA_URL", None)

    processen, logs = [], []

    def starten(naam, *args):
        log = map_ / f"{naam}.log"
        processen.append(
            subprocess.Popen(
                [sys.executable, "-m", *args],
                cwd=PROJECT_ROOT,
                env=env,
                stdout=log.open("w"),
                stderr=subprocess.STDOUT,
            )
        )
        logs.append(log)
        return log

    webs = []
    for naam in ("web-a", "web-b"):
        poort = vrije_poort()
        starten(naam, "gunicorn", "plpv_portal.wsgi", "--workers", "1",
                "--graceful-timeout", "5", "--bind", f"127.0.0.1:{poort}")  # fmt: skip
        webs.append(f"http://127.0.0.1:{poort}")
    werkers = {}
    for naam in ("werker-1", "werker-2"):
        werkers[naam] = starten(
            naam, "celery", "-A", "plpv_portal", "worker", "--pool=solo",
            "--loglevel=INFO", "--without-gossip", "--without-mingle",
            "--without-heartbeat", "-n", f"{naam}@%h",
        )  # fmt: skip
    try:
        _wachten(
            lambda: (
                all(_web_antwoordt(w) for w in webs)
                and all(" ready." in log.read_text() for log in werkers.values())
            ),
            processen,
            logs,
        )
        yield Stapel(webs[0], webs[1], werkers, media, broker)
    finally:
        _stoppen(processen)


@pytest.fixture
def stapel(stapel_proc, transactional_db, settings, monkeypatch):
    """The test's data is committed (the processes see it), its files go to the shared
    media folder and its tasks (the outbox on commit, `.delay`) to the two workers."""
    from plpv_portal.celery import app

    settings.MEDIA_ROOT = str(stapel_proc.media)
    oud_eager = app.conf.task_always_eager
    monkeypatch.setenv("CELERY_BROKER_URL", stapel_proc.broker)
    app._pool = None
    app.amqp._producer_pool = None
    app.conf.task_always_eager = False
    yield stapel_proc
    app.conf.task_always_eager = oud_eager
    monkeypatch.undo()
    app._pool = None
    app.amqp._producer_pool = None


def test_a_session_made_on_one_web_process_works_on_the_other(stapel, consulent):
    Melding.objects.create(ontvanger=consulent, oorzaak="schaal:1", titel="Schaaltest")
    bezoeker = Bezoeker()

    # The login page comes from A, the login form is posted to B.
    pagina = bezoeker.get(stapel.web_a, "/inloggen/")
    antwoord = bezoeker.post(
        stapel.web_b,
        "/inloggen/",
        {
            "csrfmiddlewaretoken": csrf_token(pagina.text),
            "username": consulent.username,
            "password": WACHTWOORD,
        },
    )
    assert antwoord.status_code == 302, antwoord.text[:2000]
    assert "sessionid" in bezoeker.cookies

    # A knows the session B made; the page A renders has a form B accepts.
    pagina = bezoeker.get(stapel.web_a, "/meldingen/")
    assert pagina.status_code == 200
    assert "Schaaltest" in pagina.text
    antwoord = bezoeker.post(
        stapel.web_b,
        "/meldingen/alles-gelezen/",
        {"csrfmiddlewaretoken": csrf_token(pagina.text), "page": "1"},
    )
    assert antwoord.status_code == 302
    assert Melding.objects.get(oorzaak="schaal:1").gelezen_op is not None
    # The message B stored in the session is shown by A.
    assert (
        "Alle meldingen zijn gelezen." in bezoeker.get(stapel.web_a, "/meldingen/").text
    )

    # Logging out on B ends the session on A too.
    pagina = bezoeker.get(stapel.web_a, "/meldingen/")
    bezoeker.post(
        stapel.web_b, "/uitloggen/", {"csrfmiddlewaretoken": csrf_token(pagina.text)}
    )
    antwoord = bezoeker.get(stapel.web_a, "/meldingen/")
    assert antwoord.status_code == 302
    assert antwoord.headers["Location"].startswith("/inloggen/")


def test_the_rate_limits_count_the_attempts_on_both_web_processes(stapel):
    anna = MedewerkerFactory()
    aanvaller = Bezoeker(ip="203.0.113.66")

    # AXES_FAILURE_LIMIT=3: wrong passwords on A, B, A; the third locks the account
    # for this address, and B refuses even the right password.
    for web in (stapel.web_a, stapel.web_b, stapel.web_a):
        pagina = aanvaller.get(web, "/inloggen/")
        antwoord = aanvaller.post(
            web,
            "/inloggen/",
            {
                "csrfmiddlewaretoken": csrf_token(pagina.text),
                "username": anna.username,
                "password": "fout-wachtwoord",
            },
        )
    assert antwoord.status_code == 429
    pagina = aanvaller.get(stapel.web_b, "/inloggen/")
    antwoord = aanvaller.post(
        stapel.web_b,
        "/inloggen/",
        {
            "csrfmiddlewaretoken": csrf_token(pagina.text),
            "username": anna.username,
            "password": WACHTWOORD,
        },
    )
    assert antwoord.status_code == 429
    assert "Inloggen is even geblokkeerd" in antwoord.text
    assert "sessionid" not in aanvaller.cookies

    # VERIFICATIE_MAX_POGINGEN=3, counted in Redis: three unknown codes spread over A
    # and B, then B refuses the fourth. With a cache per process B would count two.
    raden = Bezoeker(ip="203.0.113.77")
    for web in (stapel.web_a, stapel.web_b, stapel.web_a):
        assert raden.get(web, "/verificatie/" + "x" * 24 + "/").status_code == 404
    antwoord = raden.get(stapel.web_b, "/verificatie/" + "y" * 24 + "/")
    assert antwoord.status_code == 429
    # Another address is not affected.
    assert (
        Bezoeker(ip="203.0.113.78")
        .get(stapel.web_b, "/verificatie/" + "z" * 24 + "/")
        .status_code
        == 404
    )


def _pdf_regels(stapel, naam):
    return [
        regel
        for regel in stapel.logregels(naam).splitlines()
        if "succeeded" in regel and any(taak in regel for taak in PDF_TAKEN)
    ]


def test_two_workers_make_every_pdf_once(stapel, consulent):
    traject = gestart(consulent)
    overeenkomsten_genereren(traject=traject, door=consulent)  # 3 PDFs, queued
    goedgekeurd, _opleider, mbo = goedgekeurd_traject()
    verklaringen = [
        verklaring_uitreiken(
            traject=goedgekeurd,
            door=mbo,
            plaats="Zwolle",
            verificatie_basis="https://x.nl",
        )
    ]
    versies = list(OvereenkomstVersie.objects.filter(overeenkomst__traject=traject))
    assert len(versies) == 3
    # Every PDF is queued a second time, as the restart task does for a PDF that waits:
    # the copies run on either worker, at the same time as the first.
    dubbel = [overeenkomst_pdf_maken.delay(v.pk) for v in versies] + [
        verklaring_pdf_maken.delay(v.pk) for v in verklaringen
    ]
    namen = [r.get(timeout=60) for r in dubbel]

    versies = [OvereenkomstVersie.objects.get(pk=v.pk) for v in versies]
    verklaringen = [Praktijkverklaring.objects.get(pk=v.pk) for v in verklaringen]
    rijen = versies + verklaringen
    assert all(r.pdf_status == PdfStatus.KLAAR for r in rijen)
    assert namen == [r.pdf.name for r in rijen]  # the copy found the PDF made

    # 8 messages, each taken by one worker once, and both workers had some.
    eind = time.monotonic() + 20
    while time.monotonic() < eind:
        per_werker = {naam: _pdf_regels(stapel, naam) for naam in stapel.werkers}
        if sum(len(r) for r in per_werker.values()) >= 8:
            break
        time.sleep(0.3)
    assert sum(len(r) for r in per_werker.values()) == 8
    assert all(per_werker.values()), {n: len(r) for n, r in per_werker.items()}

    # Each PDF exists once on the shared media folder: no second file next to it.
    bestanden = sorted(
        str(p.relative_to(stapel.media)) for p in stapel.media.rglob("*.pdf")
    )
    assert bestanden == sorted(r.pdf.name for r in rijen)
    assert all(r.pdf.size > 1000 for r in rijen)
