"""Every POST form the portal renders carries the CSRF token.

A form without `csrfmiddlewaretoken` can never be saved (Django answers 403), and
Django's test client does not notice: it skips the CSRF check. Four forms were broken
this way (`{% include "partials/form_card.html" ... only %}` dropped the token). This
test logs in as each demo role, walks the portal from the home page and from every
URL pattern without arguments, following the same-origin links on the pages it
reaches (so patterns with arguments get the pks of objects that user can see), and
checks every `<form method="post">` on every HTML page. GET only: it never submits
a form, never logs out and skips downloads.
"""

from collections import Counter, deque
from html.parser import HTMLParser
from io import StringIO
from unittest import mock
from urllib.parse import urljoin, urlsplit

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

import pytest

from organisaties.models import Medewerker
from tests.factories.verklaringen import OntwikkeldoelFactory
from trajecten.models import Traject

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("weinig_contexten")]

# Per role: form pages that must be among the pages crawled. The four whose token
# went missing where the demo lets that role reach them (uitkomst and nameting: the
# demo's outcomes are Jessica's; the POP goal: the praktijkopleider; the company's
# own gedragsvoorbeeld: praktijkopleider, mbo and beheer), and pages of the other
# templates that include form_card.html. `None` is a visitor who is not logged in.
UITKOMST = {"uitkomsten:uitkomst_vastleggen", "uitkomsten:vervolgmeting_vastleggen"}
BEGELEIDING = {
    "verklaringen:gedragsvoorbeeld_create",
    "verklaringen:gedragsvoorbeeld_update",
    "verklaringen:werkopdracht_create",
}
LEERBEDRIJF = {
    "leerbedrijven:leerbedrijf_create",
    "leerbedrijven:leerbedrijf_update",
    "leerbedrijven:erkenning_update",
    "leerbedrijven:contactmoment_create",
}
VERWACHT = {
    "jessica": UITKOMST
    | LEERBEDRIJF
    | {
        "kandidaten:kandidaat_update",
        "kandidaten:contactmoment_create",
        "trajecten:advies_create",
        "trajecten:traject_start",
        "verklaringen:observatie",
        "password_change",
    },
    "hans": LEERBEDRIJF | {"kandidaten:kandidaat_update", "trajecten:advies_create"},
    "opleider": BEGELEIDING
    | {
        "verklaringen:ontwikkeldoel_update",
        "verklaringen:voortgang",
        "verklaringen:observatie",
    },
    "mbo": BEGELEIDING | {"verklaringen:voortgang"},
    "coordinator": LEERBEDRIJF
    | {"organisaties:netwerk_create", "organisaties:netwerk_update"},
    "beheer": BEGELEIDING | LEERBEDRIJF | {"organisaties:netwerk_update"},
    None: {"login", "password_reset"},
}
MINIMUM_PAGINAS = 15  # a logged-in role; a visitor sees the login pages only

# Never requested: logging out, the admin (Django's own forms), pages that change
# something on GET (opening a melding marks it read) and downloads.
OVERSLAAN_NAMEN = {"logout", "health", "meldingen:openen"}
OVERSLAAN_DELEN = ("pdf", "bestand", "sjabloon", "export")
# Pages per URL pattern: one, to stay fast; a few of the pages whose forms depend on
# the traject's state (the demo has a traject in every state).
PER_PATROON = 1
PER_PATROON_TOESTAND = {"trajecten:traject_detail": 3, "verklaringen:voortgang": 3}
MAX_PAGINAS = 200
HOST = "testserver"
TOKEN = "csrfmiddlewaretoken"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The full demo data, loaded once for this module and rolled back after it (the
    tests run in savepoints inside this transaction); the cache the pages filled is
    emptied too, so no later test reads the demo's figures."""
    with django_db_blocker.unblock(), transaction.atomic():
        # The agreements' PDFs are not what this test reads: skip the rendering.
        with mock.patch("weasyprint.HTML.write_pdf", return_value=b"%PDF-1.4\n"):
            call_command("seed_demo", stdout=StringIO())
        # The demo's POP goals are on running trajecten of another company: give the
        # demo praktijkopleider one on each traject of his, so he can adjust a goal on
        # whichever progress page the crawl reaches first (his home page links the
        # observed ones).
        opleider = Medewerker.objects.get(username="opleider")
        for traject in Traject.objects.zichtbaar_voor(opleider).order_by("pk"):
            OntwikkeldoelFactory(traject=traject)
        yield
        transaction.set_rollback(True)
    cache.clear()


def patronen_zonder_argumenten(resolver=None, prefix="", namespace=None):
    """The paths of every URL pattern without arguments (the admin excluded)."""
    resolver = resolver or get_resolver()
    for patroon in resolver.url_patterns:
        if isinstance(patroon, URLResolver):
            ns = patroon.namespace or namespace
            if ns == "admin" or patroon.pattern.converters:
                continue
            yield from patronen_zonder_argumenten(
                patroon, prefix + str(patroon.pattern), ns
            )
        elif isinstance(patroon, URLPattern) and not patroon.pattern.converters:
            yield "/" + prefix + str(patroon.pattern)


def overslaan(naam: str) -> bool:
    return (
        naam in OVERSLAAN_NAMEN
        or naam.startswith("admin:")
        or any(deel in naam for deel in OVERSLAAN_DELEN)
    )


class Pagina(HTMLParser):
    """What the crawl needs from a page: its link targets (`<a href>` and htmx GET
    panels) and the actions of its POST forms that lack the CSRF token."""

    def __init__(self, html: str):
        super().__init__()
        self.doelen, self.zonder_token = [], []
        self._form = None  # (action, has token) of the open POST form
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.doelen.append(attrs["href"])
        if attrs.get("hx-get"):
            self.doelen.append(attrs["hx-get"])
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self._form = [attrs.get("action") or "(this page)", False]
        elif tag == "input" and self._form and attrs.get("name") == TOKEN:
            self._form[1] = True

    def handle_endtag(self, tag):
        if tag == "form" and self._form:
            if not self._form[1]:
                self.zonder_token.append(self._form[0])
            self._form = None


def paden(doelen, url: str):
    """The same-origin paths among the link targets (query and fragment dropped)."""
    for doel in doelen:
        if doel.startswith(("mailto:", "tel:", "javascript:", "#")):
            continue
        delen = urlsplit(urljoin(f"http://{HOST}{url}", doel))
        if delen.netloc == HOST and delen.scheme in ("http", "https"):
            yield delen.path


def kruipen(app, gebruiker):
    """Walk the portal as `gebruiker`: returns how many HTML pages it saw per URL
    name and the POST forms without token as (page, action).

    Breadth first, a pattern not seen yet before another page of a known pattern,
    and at most PER_PATROON pages per pattern: every reachable pattern in little
    time."""
    if gebruiker:
        app.set_user(gebruiker)
    nieuw, meer = deque(), deque()  # a pattern not seen yet / seen already
    gezien, per_patroon = set(), Counter()
    paginas, fouten = Counter(), []

    def toevoegen(url):
        if url in gezien:
            return
        gezien.add(url)
        try:
            naam = resolve(url).view_name
        except Resolver404:
            return
        if not overslaan(naam):
            (meer if per_patroon[naam] else nieuw).append((url, naam))

    for url in ["/", *patronen_zonder_argumenten()]:
        toevoegen(url)
    while (nieuw or meer) and paginas.total() < MAX_PAGINAS:
        url, naam = (nieuw or meer).popleft()
        if per_patroon[naam] >= PER_PATROON_TOESTAND.get(naam, PER_PATROON):
            continue
        per_patroon[naam] += 1
        pagina = app.get(url, expect_errors=True)
        if pagina.status_int != 200 or pagina.content_type != "text/html":
            continue
        paginas[naam] += 1
        gelezen = Pagina(pagina.text)
        fouten += [(url, actie) for actie in gelezen.zonder_token]
        for link in paden(gelezen.doelen, url):
            toevoegen(link)
    return paginas, fouten


@pytest.mark.parametrize("username", list(VERWACHT), ids=str)
def test_every_post_form_the_role_can_reach_carries_the_csrf_token(demo, app, username):
    gebruiker = username and Medewerker.objects.get(username=username)
    paginas, fouten = kruipen(app, gebruiker)

    assert not fouten, f"POST forms without csrfmiddlewaretoken: {fouten}"
    assert paginas.total() >= (MINIMUM_PAGINAS if gebruiker else 3), paginas
    assert VERWACHT[username] <= set(paginas), (
        f"not reached: {VERWACHT[username] - set(paginas)}; reached: {sorted(paginas)}"
    )
