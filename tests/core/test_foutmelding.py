"""Error tracking: off without a DSN; with one, events reach the service without
personal data (checked on what a real Sentry client sends to a receiving server)."""

import gzip
import http.server
import os
import subprocess
import sys
import threading

import pytest

from core.foutmelding import schoon_event
from tests.conftest import PROJECT_ROOT
from tests.portal.test_settings import PRODUCTIE, django_run


def test_scrubbing_keeps_the_error_and_drops_personal_data():
    event = {
        "request": {
            "method": "POST",
            "url": "https://plpv.example.nl/kandidaten/?zoek=Jansen",
            "data": {"achternaam": "Jansen"},
            "cookies": {"sessionid": "geheim"},
            "headers": {"Cookie": "sessionid=geheim"},
            "query_string": "zoek=Jansen",
            "env": {"REMOTE_ADDR": "10.0.0.1"},
        },
        "user": {"id": 7, "email": "jan@example.nl", "ip_address": "10.0.0.1"},
        "exception": {
            "values": [
                {
                    "type": "ValueError",
                    "value": "BSN 123456782 ongeldig",
                    "stacktrace": {"frames": [{"function": "f", "vars": {"n": "x"}}]},
                }
            ]
        },
        "extra": {"naam": "Jansen"},
        "breadcrumbs": {"values": [{"message": "123456782", "data": {"a": 1}}]},
    }

    schoon = schoon_event(event)

    assert schoon["request"] == {
        "method": "POST",
        "url": "https://plpv.example.nl/kandidaten/",
    }
    assert schoon["user"] == {"id": 7}
    uitzondering = schoon["exception"]["values"][0]
    assert uitzondering["type"] == "ValueError"
    assert uitzondering["value"] == "BSN ********* ongeldig"
    assert "vars" not in uitzondering["stacktrace"]["frames"][0]
    assert "extra" not in schoon
    assert schoon["breadcrumbs"]["values"] == [{"message": "*********"}]


class _Ontvanger(http.server.BaseHTTPRequestHandler):
    ontvangen: list[bytes] = []

    def do_POST(self):
        inhoud = self.rfile.read(int(self.headers["Content-Length"]))
        codering = self.headers.get("Content-Encoding")
        if codering == "gzip":
            inhoud = gzip.decompress(inhoud)
        elif codering == "br":
            inhoud = pytest.importorskip("brotli").decompress(inhoud)
        self.ontvangen.append(inhoud)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


_FOUT = """
import logging, sentry_sdk
def verwerk(achternaam, bsn):
    raise ValueError(f"kandidaat {bsn} kon niet worden opgeslagen")
sentry_sdk.get_isolation_scope().set_user(
    {"id": 7, "email": "jan@example.nl", "username": "jjansen"}
)
try:
    verwerk("Jansen", "123456782")
except ValueError:
    sentry_sdk.capture_exception()
logging.getLogger("plpv.test").error("opslaan mislukt voor %s", "123456782")
sentry_sdk.flush(5)
print("verstuurd")
"""


@pytest.fixture
def ontvanger():
    _Ontvanger.ontvangen = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Ontvanger)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


def test_production_sends_errors_without_personal_data(ontvanger):
    dsn = f"http://publiekesleutel@127.0.0.1:{ontvanger.server_port}/1"

    result = django_run(_FOUT, **PRODUCTIE, SENTRY_DSN=dsn)

    assert result.returncode == 0, result.stderr
    verstuurd = b"".join(_Ontvanger.ontvangen).decode()
    assert "ValueError" in verstuurd
    assert "verwerk" in verstuurd  # the stack's function names stay
    for persoonlijk in ("Jansen", "123456782", "jan@example.nl", "jjansen"):
        assert persoonlijk not in verstuurd


def test_without_a_dsn_nothing_is_sent(ontvanger):
    env = {k: v for k, v in os.environ.items() if k != "SENTRY_DSN"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); import sentry_sdk;"
            "print(sentry_sdk.get_client().is_active())",
        ],
        cwd=PROJECT_ROOT,
        env={**env, **PRODUCTIE},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.strip() == "False"
