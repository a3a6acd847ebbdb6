"""`manage.py benchmark`: how fast the dashboards and the main list pages answer.

Each page is requested through the Django test client as a suitable user: the
regiocoördinator of the region with the most candidates (lists and the regional
dashboard), a functioneel beheerder over every region (the comparison) and the
consulent with the largest caseload (their own caseload). Per page: the number of
SQL queries (first request), the time of the first request, and the median and p95
of the next N. Each dashboard is compared with hand-written SQL that computes the
same main figures for the same candidates (`SQL_DASHBOARD`, `SQL_VERGELIJKING`),
timed in the same run; the ratio (of the median with an empty cache, since the
dashboards cache their figures) shows what the ORM, the suppression and the
template add. Missing benchmark users are created (without a usable password).

The lists are also held against a baseline: a bare Django view (defined here, served
only by the benchmark's own URLconf, never by the portal's) that renders 50 rows of
the same table in the same page frame with no scope, filters or annotations. The
ratio is the bare view's median time over the list's (1.0: the list costs nothing
extra; the target is 0.5 or more), timed in interleaved rounds so that machine
noise hits both alike. `doorvoer` does the same over HTTP: gunicorn on loopback with
production-like settings, loaded by a small thread pool (`belasten`), requests per
second side by side.
"""

import contextlib
import http.client
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.db.models import Count
from django.http import HttpResponse
from django.template import engines
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import NoReverseMatch, include, path, reverse
from django.utils import timezone

from kandidaten.models import Kandidaat
from leerbedrijven.constants import SOORTEN_ONTWIKKELBEDRIJF
from organisaties.constants import OrganisatieType, Rol
from organisaties.models import Arbeidsmarktregio, Medewerker
from organisaties.services import medewerker_opslaan, organisatie_opslaan
from rapportage import cijfers
from trajecten.models import Traject
from uitkomsten.constants import WERK_SITUATIES, WERK_UITKOMSTEN

COORDINATOR = "benchmark-coordinator"
BEHEERDER = "benchmark-beheerder"


@dataclass(frozen=True)
class Pagina:
    naam: str  # URL name
    gebruiker: str  # "coordinator", "beheerder" or "consulent"
    query: str = ""  # query string, e.g. "?q=subsidie"
    label: str = ""


# The main list pages, as the coordinator of the biggest region sees them.
LIJSTEN = [
    Pagina("home", "coordinator"),
    Pagina("home", "consulent", label="consulent"),
    Pagina("kandidaten:kandidaat_list", "coordinator"),
    Pagina("kandidaten:kandidaat_list", "consulent", label="caseload"),
    Pagina("kandidaten:team", "coordinator"),
    Pagina("trajecten:traject_list", "coordinator"),
    Pagina("verklaringen:verklaring_list", "coordinator"),
    Pagina("leerbedrijven:leerbedrijf_list", "coordinator"),
    Pagina("organisaties:organisatie_list", "coordinator"),
    Pagina("organisaties:medewerker_list", "coordinator"),
    Pagina("organisaties:netwerk", "coordinator"),
    Pagina("kennisbank:item_list", "coordinator"),
    Pagina(
        "kennisbank:item_list",
        "coordinator",
        query="?q=subsidie+praktijkleren",
        label="zoeken",
    ),
]
DASHBOARDS = [
    Pagina("rapportage:dashboard", "coordinator"),
    Pagina("rapportage:vergelijking", "beheerder"),
]


# --- the hand-written SQL -----------------------------------------------------------
# The same figures as rapportage/cijfers.py for the candidates of
# %(regios)s (all periods, no filter): persons, not rows, wherever a candidate can
# have more than one traject.

# Per candidate in scope the facts the funnel counts, each a yes/no over all their
# trajecten (a candidate counts once, whatever the number of trajecten).
TRECHTER = """
WITH feiten AS (
  SELECT t.kandidaat_id,
    bool_or(t.status = ANY(%(gestart)s) OR EXISTS (
      SELECT 1 FROM trajecten_trajectstatuswijziging w
      WHERE w.traject_id = t.id AND w.naar = 'lopend')) AS lopend,
    bool_or(EXISTS (
      SELECT 1 FROM verklaringen_praktijkverklaring v
      WHERE v.traject_id = t.id AND v.ingetrokken_op IS NULL)) AS verklaring,
    bool_or(u.soort = ANY(%(werk)s)) AS werk,
    bool_or(t.status = 'uitgevallen') AS uitgevallen,
    bool_or(u.id IS NOT NULL) AS met_uitkomst,
    bool_or(m6.id IS NOT NULL) AS werk_6,
    bool_or(m12.id IS NOT NULL) AS werk_12
  FROM trajecten_traject t
  JOIN kandidaten_kandidaat kt ON kt.id = t.kandidaat_id
  LEFT JOIN uitkomsten_uitkomst u ON u.traject_id = t.id
  LEFT JOIN uitkomsten_vervolgmeting m6 ON m6.traject_id = t.id
    AND m6.maanden = 6 AND m6.situatie = ANY(%(werk_situaties)s)
  LEFT JOIN uitkomsten_vervolgmeting m12 ON m12.traject_id = t.id
    AND m12.maanden = 12 AND m12.situatie = ANY(%(werk_situaties)s)
  WHERE kt.regio_id = ANY(%(regios)s)
  GROUP BY t.kandidaat_id
)
SELECT {groep}
  count(*) AS aangemeld,
  count(*) FILTER (WHERE EXISTS (
    SELECT 1 FROM trajecten_advies a WHERE a.kandidaat_id = k.id)) AS advies,
  count(f.kandidaat_id) AS geplaatst,
  count(*) FILTER (WHERE f.lopend) AS lopend,
  count(*) FILTER (WHERE f.verklaring) AS verklaring,
  count(*) FILTER (WHERE f.werk) AS werk,
  count(*) FILTER (WHERE f.uitgevallen) AS uitgevallen,
  count(*) FILTER (WHERE f.met_uitkomst) AS met_uitkomst,
  count(*) FILTER (WHERE f.werk_6) AS werk_6,
  count(*) FILTER (WHERE f.werk_12) AS werk_12
FROM kandidaten_kandidaat k
LEFT JOIN feiten f ON f.kandidaat_id = k.id
WHERE k.regio_id = ANY(%(regios)s)
{group_by}
"""

INSTROOM = """
SELECT bron, uitkering, startkwalificatie, count(*),
  count(*) FILTER (WHERE arbeidsbeperking), count(*) FILTER (WHERE statushouder),
  count(*) FILTER (WHERE laaggeletterd),
  count(*) FILTER (WHERE voortijdig_schoolverlater), count(*) FILTER (WHERE pro_vso)
FROM kandidaten_kandidaat
WHERE regio_id = ANY(%(regios)s)
GROUP BY bron, uitkering, startkwalificatie
"""

UITKOMSTEN = """
SELECT u.soort, count(DISTINCT t.kandidaat_id)
FROM trajecten_traject t
JOIN kandidaten_kandidaat k ON k.id = t.kandidaat_id
JOIN uitkomsten_uitkomst u ON u.traject_id = t.id
WHERE k.regio_id = ANY(%(regios)s)
GROUP BY u.soort
"""

UITVAL = """
SELECT t.uitval_reden, count(DISTINCT t.kandidaat_id)
FROM trajecten_traject t
JOIN kandidaten_kandidaat k ON k.id = t.kandidaat_id
WHERE k.regio_id = ANY(%(regios)s) AND t.status = 'uitgevallen'
GROUP BY t.uitval_reden
"""

# Per traject of the region: the facts every result table counts.
_TRAJECTEN = """
WITH tr AS (
  SELECT t.id, t.kandidaat_id, t.kwalificatie_id, t.mbo_instelling_id,
    k.organisatie_id, t.status = 'uitgevallen' AS uitgevallen,
    EXISTS (SELECT 1 FROM verklaringen_praktijkverklaring v
            WHERE v.traject_id = t.id AND v.ingetrokken_op IS NULL) AS verklaring,
    EXISTS (SELECT 1 FROM uitkomsten_uitkomst u
            WHERE u.traject_id = t.id AND u.soort = ANY(%(werk)s)) AS werk
  FROM trajecten_traject t
  JOIN kandidaten_kandidaat k ON k.id = t.kandidaat_id
  WHERE k.regio_id = ANY(%(regios)s)
)
"""
_RESULTATEN = """
  count(DISTINCT tr.kandidaat_id) AS geplaatst,
  count(DISTINCT tr.kandidaat_id) FILTER (WHERE tr.verklaring) AS verklaring,
  count(DISTINCT tr.kandidaat_id) FILTER (WHERE tr.werk) AS werk,
  count(DISTINCT tr.kandidaat_id) FILTER (WHERE tr.uitgevallen) AS uitgevallen
"""
RESULTATEN_PLAATSING = f"""{_TRAJECTEN}
SELECT CASE WHEN p.id IS NULL THEN 'geen'
            WHEN lb.soort = ANY(%(ontwikkel)s) THEN 'ontwikkelbedrijf'
            ELSE 'regulier' END AS soort,
       lb.sector, {_RESULTATEN}
FROM tr
LEFT JOIN trajecten_plaatsing p ON p.traject_id = tr.id
LEFT JOIN leerbedrijven_leerbedrijf lb ON lb.id = p.leerbedrijf_id
GROUP BY GROUPING SETS ((1), (lb.sector))
"""
RESULTATEN_KWALIFICATIE = f"""{_TRAJECTEN}
SELECT kw.id, kw.naam, {_RESULTATEN}
FROM tr JOIN kwalificaties_kwalificatie kw ON kw.id = tr.kwalificatie_id
GROUP BY kw.id, kw.naam
"""
RESULTATEN_MBO = f"""{_TRAJECTEN}
SELECT o.id, o.naam, {_RESULTATEN}
FROM tr JOIN organisaties_organisatie o ON o.id = tr.mbo_instelling_id
GROUP BY o.id, o.naam
"""
RESULTATEN_VERWIJZER = f"""{_TRAJECTEN}
SELECT o.id, o.naam, {_RESULTATEN}
FROM tr JOIN organisaties_organisatie o ON o.id = tr.organisatie_id
GROUP BY o.id, o.naam
"""
AANGEMELD_PER_VERWIJZER = """
SELECT o.id, o.naam, count(*)
FROM kandidaten_kandidaat k JOIN organisaties_organisatie o ON o.id = k.organisatie_id
WHERE k.regio_id = ANY(%(regios)s)
GROUP BY o.id, o.naam
"""
WERKPROCESSEN_GEKOZEN = """
SELECT tw.werkproces_id, count(DISTINCT t.kandidaat_id)
FROM trajecten_traject_werkprocessen tw
JOIN trajecten_traject t ON t.id = tw.traject_id
JOIN kandidaten_kandidaat k ON k.id = t.kandidaat_id
WHERE k.regio_id = ANY(%(regios)s)
GROUP BY tw.werkproces_id
"""
WERKPROCESSEN_VERKLAARD = """
SELECT vw.werkproces_id, count(DISTINCT t.kandidaat_id)
FROM verklaringen_praktijkverklaring_werkprocessen vw
JOIN verklaringen_praktijkverklaring v ON v.id = vw.praktijkverklaring_id
JOIN trajecten_traject t ON t.id = v.traject_id
JOIN kandidaten_kandidaat k ON k.id = t.kandidaat_id
WHERE k.regio_id = ANY(%(regios)s) AND v.ingetrokken_op IS NULL
GROUP BY vw.werkproces_id
"""
KWARTALEN = """
SELECT 'instroom', date_trunc('quarter', k.toestemming_op), count(*)
FROM kandidaten_kandidaat k WHERE k.regio_id = ANY(%(regios)s) GROUP BY 2
UNION ALL
SELECT 'plaatsingen', date_trunc('quarter', t.startdatum), count(DISTINCT t.kandidaat_id)
FROM trajecten_traject t JOIN kandidaten_kandidaat k ON k.id = t.kandidaat_id
WHERE k.regio_id = ANY(%(regios)s) GROUP BY 2
UNION ALL
SELECT 'verklaringen', date_trunc('quarter', v.uitgereikt_op),
       count(DISTINCT t.kandidaat_id)
FROM verklaringen_praktijkverklaring v
JOIN trajecten_traject t ON t.id = v.traject_id
JOIN kandidaten_kandidaat k ON k.id = t.kandidaat_id
WHERE k.regio_id = ANY(%(regios)s) AND v.ingetrokken_op IS NULL GROUP BY 2
"""
# Median days from intake to the first advice, traject start and valid verklaring.
DOORLOOPTIJDEN = """
SELECT {groep}
  percentile_cont(0.5) WITHIN GROUP (ORDER BY advies - intake), count(advies),
  percentile_cont(0.5) WITHIN GROUP (ORDER BY plaatsing - intake), count(plaatsing),
  percentile_cont(0.5) WITHIN GROUP (ORDER BY verklaring - intake), count(verklaring)
FROM (
  SELECT k.id, k.regio_id, k.toestemming_op AS intake,
    min((a.created_at AT TIME ZONE %(tz)s)::date) AS advies
  FROM kandidaten_kandidaat k
  LEFT JOIN trajecten_advies a ON a.kandidaat_id = k.id
  WHERE k.regio_id = ANY(%(regios)s)
  GROUP BY k.id
) k
LEFT JOIN (
  SELECT t.kandidaat_id, min(t.startdatum) AS plaatsing,
    min(v.uitgereikt_op) FILTER (WHERE v.ingetrokken_op IS NULL) AS verklaring
  FROM trajecten_traject t
  JOIN kandidaten_kandidaat kt ON kt.id = t.kandidaat_id
  LEFT JOIN verklaringen_praktijkverklaring v ON v.traject_id = t.id
  WHERE kt.regio_id = ANY(%(regios)s)
  GROUP BY t.kandidaat_id
) t ON t.kandidaat_id = k.id
{group_by}
"""

SQL_DASHBOARD = {
    "trechter": TRECHTER.format(groep="", group_by=""),
    "instroom": INSTROOM,
    "uitkomsten": UITKOMSTEN,
    "uitval": UITVAL,
    "resultaten_plaatsing": RESULTATEN_PLAATSING,
    "resultaten_kwalificatie": RESULTATEN_KWALIFICATIE,
    "resultaten_mbo": RESULTATEN_MBO,
    "resultaten_verwijzer": RESULTATEN_VERWIJZER,
    "aangemeld_per_verwijzer": AANGEMELD_PER_VERWIJZER,
    "werkprocessen_gekozen": WERKPROCESSEN_GEKOZEN,
    "werkprocessen_verklaard": WERKPROCESSEN_VERKLAARD,
    "kwartalen": KWARTALEN,
    "doorlooptijden": DOORLOOPTIJDEN.format(groep="", group_by=""),
}
SQL_VERGELIJKING = {
    "trechter_per_regio": TRECHTER.format(
        groep="k.regio_id,", group_by="GROUP BY k.regio_id"
    ),
    # Per region and the total in one pass, as the comparison page shows both.
    "doorlooptijden_per_regio": DOORLOOPTIJDEN.format(
        groep="k.regio_id,", group_by="GROUP BY GROUPING SETS ((k.regio_id), ())"
    ),
}


def sql_parameters(regio_ids: list[int]) -> dict:
    return {
        "regios": list(regio_ids),
        "gestart": [str(s) for s in cijfers.GESTART],
        "werk": [str(s) for s in WERK_UITKOMSTEN],
        "werk_situaties": [str(s) for s in WERK_SITUATIES],
        "ontwikkel": sorted(SOORTEN_ONTWIKKELBEDRIJF),
        "tz": settings.TIME_ZONE,
    }


def sql_uitvoeren(queries: dict[str, str], regio_ids: list[int]) -> dict[str, list]:
    """Run the hand-written queries; returns their rows by name (PostgreSQL only)."""
    parameters = sql_parameters(regio_ids)
    uit = {}
    with connection.cursor() as cursor:
        for naam, sql in queries.items():
            cursor.execute(sql, parameters)
            uit[naam] = cursor.fetchall()
    return uit


# --- the baseline: a bare view per list -----------------------------------------------
# The same table as the list page, 50 rows, in the same page frame (base.html, so the
# menu and the bell cost the same on both sides), but with no scope, no filters, no
# annotations and no pagination count: what Django itself needs to render the rows.

KAAL_RIJEN = 50

_KAAL_KANDIDATEN = """{% extends "base.html" %}
{% block title %}Kandidaten{% endblock title %}
{% block content %}
<h1 class="h2">Kandidaten</h1>
<table class="table table-hover align-middle">
<thead><tr><th scope="col">Naam</th><th scope="col">Fase</th><th scope="col">Traject</th>
<th scope="col">Leerbedrijf</th><th scope="col">Consulent</th>
<th scope="col">Laatste contact</th><th scope="col">Volgende actie</th>
<th scope="col">Signalen</th></tr></thead>
<tbody>{% for kandidaat in rijen %}
<tr><td><a href="{{ kandidaat.get_absolute_url }}">{{ kandidaat.voornaam }} {{ kandidaat.achternaam }}</a></td>
<td>{{ kandidaat.get_fase_display }}</td><td>—</td><td>—</td>
<td>{{ kandidaat.consulent }}</td><td>{{ kandidaat.toestemming_op|date:"j-n-Y" }}</td>
<td>—</td><td>—</td></tr>{% endfor %}
</tbody></table>
{% endblock content %}"""

_KAAL_TRAJECTEN = """{% extends "base.html" %}
{% block title %}Trajecten{% endblock title %}
{% block content %}
<h1 class="h2">Trajecten</h1>
<table class="table table-hover align-middle">
<thead><tr><th scope="col">Kandidaat</th><th scope="col">Kwalificatie</th>
<th scope="col">Leerbedrijf</th><th scope="col">Status</th>
<th scope="col">Periode</th></tr></thead>
<tbody>{% for t in rijen %}
<tr><td><a href="{{ t.get_absolute_url }}">{{ t.kandidaat }}</a></td>
<td>{{ t.kwalificatie.naam }}</td>
<td>{% for p in t.plaatsingen.all %}{{ p.leerbedrijf }}{% if not forloop.last %} → {% endif %}{% endfor %}</td>
<td>{{ t.get_status_display }}</td>
<td>{{ t.startdatum|date:"j-n-Y" }} – {{ t.geplande_einddatum|date:"j-n-Y" }}</td></tr>{% endfor %}
</tbody></table>
{% endblock content %}"""


def _kaal(sjabloon: str, rijen: Callable[[], object]):
    @login_required
    def view(request):
        template = engines["django"].from_string(sjabloon)
        return HttpResponse(template.render({"rijen": rijen()}, request))

    return view


kale_kandidaten = _kaal(
    _KAAL_KANDIDATEN,
    lambda: Kandidaat.objects.select_related("consulent").order_by("pk")[:KAAL_RIJEN],
)
kale_trajecten = _kaal(
    _KAAL_TRAJECTEN,
    lambda: (
        Traject.objects.select_related("kandidaat", "kwalificatie")
        .prefetch_related("plaatsingen__leerbedrijf__organisatie")
        .order_by("pk")[:KAAL_RIJEN]
    ),
)

KAAL_PREFIX = "__benchmark/kaal/"
# The benchmark's own URLconf: the portal's URLs plus the bare views. Used only while
# the benchmark runs (in process: override_settings; gunicorn: plpv_portal.benchmark_wsgi).
urlpatterns = [
    path(
        f"{KAAL_PREFIX}kandidaten/", kale_kandidaten, name="benchmark_kaal_kandidaten"
    ),
    path(f"{KAAL_PREFIX}trajecten/", kale_trajecten, name="benchmark_kaal_trajecten"),
    path("", include("plpv_portal.urls")),
]


@dataclass(frozen=True)
class Vergelijking:
    pagina: Pagina
    kaal: str  # URL name of the bare view in this module's urlpatterns


# Each list against the bare view of its table.
VERGELIJKINGEN = [
    Vergelijking(Pagina("kandidaten:kandidaat_list", "coordinator"), "kandidaten"),
    Vergelijking(
        Pagina("kandidaten:kandidaat_list", "consulent", label="caseload"), "kandidaten"
    ),
    Vergelijking(Pagina("trajecten:traject_list", "coordinator"), "trajecten"),
]


# --- measuring ---------------------------------------------------------------------


@dataclass
class Meting:
    pagina: str
    url: str | None
    gebruiker: str
    status: int | None = None
    queries: int | None = None
    eerste_ms: float | None = None
    mediaan_ms: float | None = None
    p95_ms: float | None = None
    # Dashboards: the median with an empty cache before every request (what the first
    # visitor after a change waits); the ratio to raw SQL is taken from this.
    koud_mediaan_ms: float | None = None
    sql_ms: float | None = None
    verhouding: float | None = None
    opmerking: str = ""


@dataclass
class Verhouding:
    """One list against its bare view: median ms in process and, with --doorvoer,
    requests per second over HTTP. Ratios: bare/list time, list/bare throughput."""

    pagina: str
    gebruiker: str
    url: str | None
    kaal_url: str
    mediaan_ms: float | None = None
    kaal_mediaan_ms: float | None = None
    verhouding: float | None = None
    per_seconde: float | None = None
    kaal_per_seconde: float | None = None
    doorvoer_verhouding: float | None = None
    opmerking: str = ""


@dataclass
class Rapport:
    gemeten_op: str
    database: str
    jit: str
    requests: int
    kandidaten: int
    regio: str
    regio_kandidaten: int
    metingen: list[Meting] = field(default_factory=list)
    verhoudingen: list["Verhouding"] = field(default_factory=list)

    def als_dict(self) -> dict:
        return asdict(self)


def p95(tijden: list[float]) -> float:
    """The 95th percentile by nearest rank (with few requests: the slowest but one)."""
    geordend = sorted(tijden)
    return geordend[max(0, math.ceil(0.95 * len(geordend)) - 1)]


def _ms(seconden: float) -> float:
    return round(seconden * 1000, 1)


def grootste_regio() -> tuple[Arbeidsmarktregio | None, int]:
    rij = (
        Kandidaat.objects.values("regio")
        .annotate(n=Count("pk"))
        .order_by("-n", "regio")
        .first()
    )
    if rij is None:
        return None, 0
    return Arbeidsmarktregio.objects.get(pk=rij["regio"]), rij["n"]


def gebruikers_klaarzetten(regio: Arbeidsmarktregio | None) -> dict[str, Medewerker]:
    """The coordinator of `regio` and a beheerder over every region with candidates
    (both created or moved when needed), and the consulent with the largest caseload
    in `regio`. No usable passwords: the benchmark logs them in with force_login."""
    uit: dict[str, Medewerker] = {}
    if regio is None:
        return uit
    loket = organisatie_opslaan(
        naam="Benchmark regiocoördinatie",
        type=OrganisatieType.LEERWERKLOKET,
        regios=[regio],
    )
    uit["coordinator"] = medewerker_opslaan(
        username=COORDINATOR,
        organisatie=loket,
        rollen=[Rol.REGIOCOORDINATOR],
        first_name="Benchmark",
        last_name="Coördinator",
    )
    beheer = organisatie_opslaan(
        naam="Benchmark beheer",
        type=OrganisatieType.OVERIG,
        regios=Arbeidsmarktregio.objects.filter(kandidaten__isnull=False).distinct(),
    )
    uit["beheerder"] = medewerker_opslaan(
        username=BEHEERDER,
        organisatie=beheer,
        rollen=[Rol.FUNCTIONEEL_BEHEERDER],
        first_name="Benchmark",
        last_name="Beheerder",
    )
    consulent = (
        Kandidaat.objects.filter(regio=regio)
        .values("consulent")
        .annotate(n=Count("pk"))
        .order_by("-n", "consulent")
        .first()
    )
    if consulent:
        uit["consulent"] = Medewerker.objects.get(pk=consulent["consulent"])
    return uit


@dataclass(frozen=True)
class Doorvoer:
    """The load of `--doorvoer`: per URL and round `requests` GETs, `gelijktijdig` at
    a time, against gunicorn with `workers` sync workers."""

    rondes: int = 3
    requests: int = 100
    gelijktijdig: int = 4
    workers: int = 2


class Benchmark:
    def __init__(
        self,
        *,
        requests: int,
        schrijf: Callable[[str], None],
        met_jit=False,
        rondes: int | None = None,
        doorvoer: Doorvoer | None = None,
    ):
        self.requests = max(1, requests)
        self.schrijf = schrijf
        self.met_jit = met_jit
        # Rounds of the in-process comparison with the bare views.
        self.rondes = max(1, rondes if rondes is not None else self.requests)
        self.doorvoer = doorvoer
        hosts = [h for h in settings.ALLOWED_HOSTS if h and "*" not in h]
        self.host = hosts[0].lstrip(".") if hosts else "localhost"

    def _client(self, gebruiker: Medewerker) -> Client:
        return ingelogde_client(gebruiker, Client(HTTP_HOST=self.host))

    def pagina_meten(
        self, pagina: Pagina, gebruikers: dict, *, koud: bool = False
    ) -> Meting:
        naam = pagina.naam + (f" ({pagina.label})" if pagina.label else "")
        gebruiker = gebruikers.get(pagina.gebruiker)
        try:
            url = reverse(pagina.naam) + pagina.query
        except NoReverseMatch:
            return Meting(
                naam, None, pagina.gebruiker, opmerking="URL bestaat (nog) niet"
            )
        if gebruiker is None:
            return Meting(naam, url, pagina.gebruiker, opmerking="geen gebruiker")
        client = self._client(gebruiker)
        with CaptureQueriesContext(connection) as vastgelegd:
            begin = time.perf_counter()
            antwoord = client.get(url)
            eerste = time.perf_counter() - begin
        meting = Meting(
            naam,
            url,
            gebruiker.username,
            status=antwoord.status_code,
            queries=len(vastgelegd.captured_queries),
            eerste_ms=_ms(eerste),
        )
        if antwoord.status_code != 200:
            meting.opmerking = f"antwoord {antwoord.status_code}"
            return meting
        tijden = []
        for _ in range(self.requests):
            begin = time.perf_counter()
            client.get(url)
            tijden.append(time.perf_counter() - begin)
        meting.mediaan_ms = _ms(statistics.median(tijden))
        meting.p95_ms = _ms(p95(tijden))
        if koud:
            tijden = []
            for _ in range(self.requests):
                cache.clear()
                begin = time.perf_counter()
                client.get(url)
                tijden.append(time.perf_counter() - begin)
            meting.koud_mediaan_ms = _ms(statistics.median(tijden))
        return meting

    def sql_meten(self, queries: dict[str, str], regio_ids: list[int]) -> float:
        """Median time of one run of all `queries` (after one warm-up run)."""
        sql_uitvoeren(queries, regio_ids)
        tijden = []
        for _ in range(self.requests):
            begin = time.perf_counter()
            sql_uitvoeren(queries, regio_ids)
            tijden.append(time.perf_counter() - begin)
        return statistics.median(tijden)

    def _jit(self) -> str:
        """PostgreSQL's JIT setting for this run. The portal turns JIT off (settings);
        `met_jit` turns it on again for the session, which the test client's
        requests share (one thread, one connection), to compare."""
        if connection.vendor != "postgresql":
            return ""
        with connection.cursor() as cursor:
            if self.met_jit:
                cursor.execute("SET jit = on")
            cursor.execute("SHOW jit")
            return cursor.fetchone()[0]

    def uitvoeren(self) -> Rapport:
        jit = self._jit()
        regio, in_regio = grootste_regio()
        gebruikers = gebruikers_klaarzetten(regio)
        rapport = Rapport(
            gemeten_op=timezone.now().isoformat(timespec="seconds"),
            database=connection.vendor,
            jit=jit,
            requests=self.requests,
            kandidaten=Kandidaat.objects.count(),
            regio=regio.naam if regio else "",
            regio_kandidaten=in_regio,
        )
        alle_regios = list(
            Arbeidsmarktregio.objects.filter(kandidaten__isnull=False)
            .distinct()
            .values_list("pk", flat=True)
        )
        sql_per_dashboard = {
            "rapportage:dashboard": (SQL_DASHBOARD, [regio.pk] if regio else []),
            "rapportage:vergelijking": (SQL_VERGELIJKING, alle_regios),
        }
        for pagina in DASHBOARDS + LIJSTEN:
            self.schrijf(f"  {pagina.naam} {pagina.label}".rstrip() + " ...")
            dashboard = pagina in DASHBOARDS
            meting = self.pagina_meten(pagina, gebruikers, koud=dashboard)
            if dashboard and meting.mediaan_ms is not None:
                if connection.vendor == "postgresql":
                    queries, regio_ids = sql_per_dashboard[pagina.naam]
                    meting.sql_ms = _ms(self.sql_meten(queries, regio_ids))
                    meting.verhouding = round(meting.koud_mediaan_ms / meting.sql_ms, 2)
                else:
                    meting.opmerking = "ruwe SQL alleen op PostgreSQL"
            rapport.metingen.append(meting)
        self.schrijf("  lijsten tegen de kale view ...")
        rapport.verhoudingen = self.verhoudingen_meten(gebruikers)
        if self.doorvoer:
            self.schrijf("  doorvoer via gunicorn ...")
            doorvoer_meten(
                rapport.verhoudingen, gebruikers, self.doorvoer, self.schrijf
            )
        return rapport

    def verhoudingen_meten(self, gebruikers: dict) -> list[Verhouding]:
        """Each list of VERGELIJKINGEN against its bare view, in process through the
        test client (the whole middleware stack on both sides): one warm-up request
        each, then `rondes` rounds of one request per page, interleaved, so that a
        busy moment of the machine hits every page alike. Ratio: the bare view's
        median over the list's."""
        uit: list[Verhouding] = []
        paren = []
        with override_settings(ROOT_URLCONF=__name__):
            for vergelijking in VERGELIJKINGEN:
                pagina = vergelijking.pagina
                naam = pagina.naam + (f" ({pagina.label})" if pagina.label else "")
                kaal_url = reverse(f"benchmark_kaal_{vergelijking.kaal}")
                gebruiker = gebruikers.get(pagina.gebruiker)
                try:
                    url = reverse(pagina.naam) + pagina.query
                except NoReverseMatch:
                    url = None
                verhouding = Verhouding(
                    naam,
                    getattr(gebruiker, "username", pagina.gebruiker),
                    url,
                    kaal_url,
                )
                uit.append(verhouding)
                if url is None or gebruiker is None:
                    verhouding.opmerking = "URL of gebruiker ontbreekt"
                    continue
                client = self._client(gebruiker)
                statussen = {
                    client.get(url).status_code,
                    client.get(kaal_url).status_code,
                }
                if statussen != {200}:
                    verhouding.opmerking = f"antwoord {sorted(statussen)}"
                    continue
                paren.append((verhouding, client, [], []))
            for _ in range(self.rondes):
                for verhouding, client, lijst, kaal in paren:
                    for adres, tijden in (
                        (verhouding.url, lijst),
                        (verhouding.kaal_url, kaal),
                    ):
                        begin = time.perf_counter()
                        client.get(adres)
                        tijden.append(time.perf_counter() - begin)
        for verhouding, _client, lijst, kaal in paren:
            verhouding.mediaan_ms = _ms(statistics.median(lijst))
            verhouding.kaal_mediaan_ms = _ms(statistics.median(kaal))
            verhouding.verhouding = round(
                statistics.median(kaal) / statistics.median(lijst), 2
            )
        return uit


# --- throughput over HTTP (--doorvoer) ------------------------------------------------


class GunicornFout(RuntimeError):
    """gunicorn could not be started (no free port, no binary, bad settings)."""


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url() -> str:
    """The benchmark's own database as a DATABASE_URL, for the gunicorn process."""
    from urllib.parse import quote

    d = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{d['NAME']}"
    if connection.vendor != "postgresql":
        raise GunicornFout(f"--doorvoer kent {connection.vendor} niet")
    inlog = quote(d.get("USER") or "", safe="")
    if d.get("PASSWORD"):
        inlog += ":" + quote(d["PASSWORD"], safe="")
    host = d.get("HOST") or "localhost"
    poort = f":{d['PORT']}" if d.get("PORT") else ""
    return f"postgres://{inlog}@{host}{poort}/{quote(d['NAME'], safe='')}"


class Gunicorn:
    """gunicorn on loopback, serving plpv_portal.benchmark_wsgi with the production settings
    (DEBUG off) on the benchmark's database; stopped again on leaving the block."""

    def __init__(self, *, workers: int = 2, wachten: float = 60):
        self.workers = workers
        self.wachten = wachten
        self.poort = vrije_poort()
        self.proces: subprocess.Popen | None = None

    def __enter__(self) -> "Gunicorn":
        omgeving = {
            k: v for k, v in os.environ.items() if not k.startswith("SENTRY")
        } | {
            "DJANGO_SETTINGS_MODULE": "plpv_portal.settings.production",
            "SECRET_KEY": settings.SECRET_KEY,  # the sessions made here must verify
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url(),
            "SECURE_SSL_REDIRECT": "False",  # plain HTTP on loopback
        }
        # Production refuses to start without these; on loopback the broker's Redis
        # also serves as the shared cache.
        broker = omgeving.get("CELERY_BROKER_URL") or settings.CELERY_BROKER_URL or ""
        omgeving.setdefault("SECURITY_CONTACT", "mailto:benchmark@localhost")
        omgeving.setdefault("CELERY_BROKER_URL", broker or "memory://")
        omgeving.setdefault(
            "CACHE_URL",
            broker if broker.startswith("redis") else "redis://127.0.0.1:6379/2",
        )
        self.cache_url = omgeving["CACHE_URL"]
        self.statisch = None
        if not (Path(omgeving.get("STATIC_ROOT", "")) / "staticfiles.json").exists():
            # The production storage needs collected files with a manifest.
            self.statisch = tempfile.TemporaryDirectory(prefix="plpv-static-")
            omgeving["STATIC_ROOT"] = self.statisch.name
            subprocess.run(
                [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                cwd=settings.BASE_DIR,
                env=omgeving,
                check=True,
                capture_output=True,
            )
        self.log = open(  # noqa: SIM115  (closed in __exit__)
            os.path.join(
                os.environ.get("TMPDIR", "/tmp"), f"plpv-gunicorn-{self.poort}.log"
            ),
            "w+",
        )
        try:
            self.proces = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "plpv_portal.benchmark_wsgi",
                    "--bind",
                    f"127.0.0.1:{self.poort}",
                    "--workers",
                    str(self.workers),
                    "--chdir",
                    str(settings.BASE_DIR),
                    "--graceful-timeout",
                    "5",
                ],
                env=omgeving,
                stdout=subprocess.DEVNULL,  # the production request log
                stderr=self.log,
            )
        except OSError as exc:
            self.log.close()
            raise GunicornFout(f"gunicorn start niet: {exc}") from exc
        grens = time.monotonic() + self.wachten
        while time.monotonic() < grens:
            if self.proces.poll() is not None:
                break
            try:
                status, _ = _ophalen(self.poort, "/inloggen/", "")
                if status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        staart = self._staart()
        self.__exit__(None, None, None)
        raise GunicornFout(f"gunicorn antwoordt niet: {staart}")

    def cache_bereikbaar(self) -> bool:
        """Whether the shared cache's Redis answers: without it production's cache
        falls back to nothing and every cached answer is computed again."""
        deel = urlsplit(self.cache_url)
        try:
            with socket.create_connection(
                (deel.hostname or "127.0.0.1", deel.port or 6379), timeout=1
            ):
                return True
        except OSError:
            return False

    def _staart(self) -> str:
        self.log.seek(0)
        return self.log.read()[-2000:]

    def __exit__(self, *exc):
        if self.proces and self.proces.poll() is None:
            self.proces.terminate()
            try:
                self.proces.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proces.kill()
                self.proces.wait()
        self.log.close()
        with contextlib.suppress(OSError):
            os.unlink(self.log.name)
        if self.statisch:
            self.statisch.cleanup()


def _ophalen(poort: int, pad: str, cookie: str) -> tuple[int, int]:
    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
    try:
        verbinding.request("GET", pad, headers={"Cookie": cookie} if cookie else {})
        antwoord = verbinding.getresponse()
        return antwoord.status, len(antwoord.read())
    finally:
        verbinding.close()


def belasten(
    poort: int, pad: str, cookie: str, *, requests: int, gelijktijdig: int
) -> tuple[float, int]:
    """A bounded load: `requests` GETs of `pad` with the session `cookie`,
    `gelijktijdig` at a time (a thread each, a new connection per request, as gunicorn's
    sync workers close it). Returns requests per second and the number not 200."""
    begin = time.perf_counter()
    with ThreadPoolExecutor(max_workers=max(1, gelijktijdig)) as pool:
        statussen = list(
            pool.map(lambda _: _ophalen(poort, pad, cookie)[0], range(requests))
        )
    duur = time.perf_counter() - begin
    return requests / duur, sum(1 for s in statussen if s != 200)


def ingelogde_client(gebruiker: Medewerker, client: Client) -> Client:
    """`client` logged in as `gebruiker` past the second login step, as a real user
    who typed their code: a recovery-code device of its own ("benchmark") is the
    session's verified device. Without it every page of a role that must use the
    second step (the production default) would measure a redirect."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    apparaat, _ = StaticDevice.objects.get_or_create(user=gebruiker, name="benchmark")
    client.force_login(gebruiker)
    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
    sessie.save()
    return client


def sessie_cookie(gebruiker: Medewerker) -> str:
    """A logged-in session for `gebruiker` (in the database, which gunicorn shares)."""
    client = ingelogde_client(gebruiker, Client())
    naam = settings.SESSION_COOKIE_NAME
    return f"{naam}={client.cookies[naam].value}"


def doorvoer_meten(
    verhoudingen: list[Verhouding],
    gebruikers: dict,
    doorvoer: Doorvoer,
    schrijf: Callable[[str], None] = lambda _: None,
) -> None:
    """Requests per second of every list in `verhoudingen` and of its bare view, over
    HTTP against gunicorn: `rondes` interleaved rounds of a bounded load per URL (the
    median counts). Fills per_seconde, kaal_per_seconde and doorvoer_verhouding."""
    te_meten = [v for v in verhoudingen if v.url and not v.opmerking]
    if not te_meten:
        return
    gebruiker_van = {g.username: g for g in gebruikers.values()}
    cookies = {v.gebruiker: sessie_cookie(gebruiker_van[v.gebruiker]) for v in te_meten}
    # Each (URL, user) once: the bare view is measured as each list's user.
    doelen = {}
    for v in te_meten:
        doelen[(v.url, v.gebruiker)] = []
        doelen[(v.kaal_url, v.gebruiker)] = []
    with Gunicorn(workers=doorvoer.workers) as server:
        if not server.cache_bereikbaar():
            schrijf(
                f"    let op: geen Redis op {server.cache_url}: gunicorn draait zonder "
                "gedeelde cache (start er een, of zet CACHE_URL)"
            )
        for pad, gebruiker in doelen:  # warm-up (and a check)
            status, _ = _ophalen(server.poort, pad, cookies[gebruiker])
            if status != 200:
                raise GunicornFout(f"{pad} antwoordt {status} via gunicorn")
        for ronde in range(doorvoer.rondes):
            schrijf(f"    ronde {ronde + 1} van {doorvoer.rondes}")
            for (pad, gebruiker), metingen in doelen.items():
                per_seconde, fouten = belasten(
                    server.poort,
                    pad,
                    cookies[gebruiker],
                    requests=doorvoer.requests,
                    gelijktijdig=doorvoer.gelijktijdig,
                )
                if fouten:
                    raise GunicornFout(f"{pad}: {fouten} antwoorden niet 200")
                metingen.append(per_seconde)
    for v in te_meten:
        v.per_seconde = round(statistics.median(doelen[(v.url, v.gebruiker)]), 1)
        v.kaal_per_seconde = round(
            statistics.median(doelen[(v.kaal_url, v.gebruiker)]), 1
        )
        v.doorvoer_verhouding = round(v.per_seconde / v.kaal_per_seconde, 2)


def tabel(rapport: Rapport) -> list[str]:
    """The report as a Markdown table (as in the README)."""

    def getal(waarde, eenheid=""):
        return "–" if waarde is None else f"{waarde:g}{eenheid}"

    regels = [
        f"{rapport.gemeten_op}, {rapport.database} (jit {rapport.jit or '-'}), "
        f"{rapport.kandidaten} kandidaten; "
        f"regio {rapport.regio} ({rapport.regio_kandidaten} kandidaten); "
        f"{rapport.requests} requests per pagina",
        "",
        "| pagina | gebruiker | queries | eerste ms | mediaan ms | p95 ms | "
        "mediaan zonder cache ms | ruwe SQL ms | verhouding |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for m in rapport.metingen:
        opmerking = f" ({m.opmerking})" if m.opmerking else ""
        regels.append(
            f"| {m.pagina}{opmerking} | {m.gebruiker} | {getal(m.queries)} | "
            f"{getal(m.eerste_ms)} | {getal(m.mediaan_ms)} | {getal(m.p95_ms)} | "
            f"{getal(m.koud_mediaan_ms)} | {getal(m.sql_ms)} | "
            f"{getal(m.verhouding, '×')} |"
        )
    return regels


def verhouding_regels(rapport: Rapport) -> list[str]:
    """One line per list: its ratio to the bare view (and the throughput, if measured)."""
    regels = []
    for v in rapport.verhoudingen:
        kop = f"{v.pagina} [{v.gebruiker}]"
        if v.verhouding is None:
            regels.append(f"verhouding {kop}: – ({v.opmerking})")
            continue
        regels.append(
            f"verhouding {kop}: {v.verhouding:.2f} "
            f"(lijst {v.mediaan_ms:g} ms, kaal {v.kaal_mediaan_ms:g} ms; doel >= 0.5)"
        )
        if v.doorvoer_verhouding is not None:
            regels.append(
                f"doorvoer {kop}: lijst {v.per_seconde:g} req/s, "
                f"kaal {v.kaal_per_seconde:g} req/s, verhouding "
                f"{v.doorvoer_verhouding:.2f}"
            )
    return regels


def verhouding_tabel(rapport: Rapport) -> list[str]:
    """The comparison with the bare views as a Markdown table (as in the README)."""

    def getal(waarde):
        return "–" if waarde is None else f"{waarde:g}"

    regels = [
        "| lijst | gebruiker | mediaan ms | kaal ms | verhouding | req/s | "
        "kaal req/s | verhouding doorvoer |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    regels.extend(
        f"| {v.pagina} | {v.gebruiker} | {getal(v.mediaan_ms)} | "
        f"{getal(v.kaal_mediaan_ms)} | {getal(v.verhouding)} | "
        f"{getal(v.per_seconde)} | {getal(v.kaal_per_seconde)} | "
        f"{getal(v.doorvoer_verhouding)} |"
        for v in rapport.verhoudingen
    )
    return regels
