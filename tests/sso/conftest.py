"""A real OpenID Connect provider (tests/oidc/provider.mjs, npm oidc-provider) for
the SSO tests, started once per session on a free loopback port.

Its node_modules are installed once (`npm ci`) into a cache folder keyed by the
package-lock's hash (PLPV_OIDC_CACHE, default ~/.cache/plpv-oidc-provider), never
into the checkout. Without node and npm the tests are skipped, saying why.
"""

import hashlib
import os
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from cryptography.fernet import Fernet

from organisaties.constants import Rol
from sso import services
from sso.models import SsoKoppeling
from tests.factories.organisaties import medewerker_met_rol

BRON = Path(__file__).resolve().parent.parent / "oidc"
TERUG = "http://testserver/inloggen/sso/terug/"
NA_UITLOGGEN = "http://testserver/inloggen/"
CLIENT_ID = "plpv-test"
CLIENT_SECRET = "plpv-test-geheim"


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _provider_map() -> Path:
    """A folder with the provider script and its installed node_modules."""
    lock = (BRON / "package-lock.json").read_bytes()
    basis = Path(
        os.environ.get("PLPV_OIDC_CACHE", Path.home() / ".cache" / "plpv-oidc-provider")
    )
    map_ = basis / hashlib.sha256(lock).hexdigest()[:16]
    if not (map_ / "node_modules" / "oidc-provider").is_dir():
        map_.mkdir(parents=True, exist_ok=True)
        for naam in ["package.json", "package-lock.json"]:
            shutil.copy(BRON / naam, map_ / naam)
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=map_,
            check=True,
            timeout=600,
        )
    shutil.copy(BRON / "provider.mjs", map_ / "provider.mjs")
    return map_


@contextmanager
def provider_starten(terug: str = TERUG, na_uitloggen: str = NA_UITLOGGEN):
    """Run the provider (client redirect URIs `terug` and `na_uitloggen`); yields its
    issuer address."""
    if not shutil.which("node") or not shutil.which("npm"):
        pytest.skip(
            "node and npm are not installed: the SSO tests need a real provider"
        )
    map_ = _provider_map()
    poort = _vrije_poort()
    issuer = f"http://127.0.0.1:{poort}"
    proces = subprocess.Popen(
        ["node", "provider.mjs", str(poort), terug, na_uitloggen],
        cwd=map_,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        for _ in range(600):
            try:
                if requests.get(
                    f"{issuer}/.well-known/openid-configuration", timeout=1
                ).ok:
                    break
            except requests.ConnectionError:
                pass
            if proces.poll() is not None:
                pytest.fail(f"the OIDC provider stopped: {proces.stdout.read()}")
            time.sleep(0.1)
        else:
            pytest.fail("the OIDC provider did not start within 60 seconds")
        yield issuer
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proces.kill()


@pytest.fixture(scope="session")
def oidc_provider():
    """The issuer address of a running provider for the webtest app (testserver)."""
    with provider_starten() as issuer:
        yield issuer


@pytest.fixture
def sso_instellingen(settings):
    settings.SSO_SLEUTEL = Fernet.generate_key().decode()
    settings.SSO_ALLEEN_HTTPS = False  # the local provider speaks http
    return settings


@pytest.fixture
def koppeling(gemeente, oidc_provider, sso_instellingen):
    return services.koppeling_opslaan(
        koppeling=SsoKoppeling(
            organisatie=gemeente, issuer=oidc_provider, client_id=CLIENT_ID
        ),
        client_secret=CLIENT_SECRET,
    )


@pytest.fixture
def anna(gemeente):
    """A consulent of the gemeente; the provider's account "anna" has her e-mail."""
    return medewerker_met_rol(
        Rol.CONSULENT,
        organisatie=gemeente,
        username="anna",
        email="Anna@Gemeente.test",
        first_name="Anna",
        last_name="de Vries",
    )
