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
"""

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from kandidaten.models import Kandidaat
from leerbedrijven.constants import SOORTEN_ONTWIKKELBEDRIJF
from organisaties.constants import OrganisatieType, Rol
from organisaties.models import Arbeidsmarktregio, Medewerker
from organisaties.services import medewerker_opslaan, organisatie_opslaan
from rapportage import cijfers
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
class Rapport:
    gemeten_op: str
    database: str
    jit: str
    requests: int
    kandidaten: int
    regio: str
    regio_kandidaten: int
    metingen: list[Meting] = field(default_factory=list)

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


class Benchmark:
    def __init__(self, *, requests: int, schrijf: Callable[[str], None], met_jit=False):
        self.requests = max(1, requests)
        self.schrijf = schrijf
        self.met_jit = met_jit
        hosts = [h for h in settings.ALLOWED_HOSTS if h and "*" not in h]
        self.host = hosts[0].lstrip(".") if hosts else "localhost"

    def _client(self, gebruiker: Medewerker) -> Client:
        client = Client(HTTP_HOST=self.host)
        client.force_login(gebruiker)
        return client

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
        return rapport


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
