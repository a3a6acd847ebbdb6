"""manage.py benchmark: figures for every page, JSON output, and hand-written SQL
that counts the same as the dashboards."""

import json
import re
import statistics
from collections import Counter
from io import StringIO

from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client, override_settings
from django.utils import timezone

import pytest

from kandidaten.models import Kandidaat
from kennisbank.models import Item
from kennisbank.selectors import item_zoeken
from organisaties.constants import Rol
from organisaties.models import Medewerker
from plpv_portal import benchmark
from plpv_portal.benchmark import DASHBOARDS, LIJSTEN, Benchmark, Pagina
from tweestaps.models import TweedeStapRegel
from tweestaps.services import regels_vergeten
from uitkomsten.constants import WERK_SITUATIES, WERK_UITKOMSTEN

SLEUTELS = {
    "pagina",
    "url",
    "gebruiker",
    "status",
    "queries",
    "eerste_ms",
    "mediaan_ms",
    "p95_ms",
    "koud_mediaan_ms",
    "sql_ms",
    "verhouding",
    "opmerking",
}


@pytest.fixture
def dataset(db):
    call_command(
        "generate_synthetic", "--kandidaten", "250", "--regios", "1", stdout=StringIO()
    )


@pytest.fixture
def tweede_stap_voor_iedereen():
    """As in production: every role must pass the second login step (the cached
    rule forgotten before and after, as a save would)."""
    TweedeStapRegel.objects.update(verplicht=True)
    regels_vergeten()
    yield
    regels_vergeten()


def test_benchmark_writes_every_page_with_query_counts_as_json(
    dataset, tmp_path, tweede_stap_voor_iedereen
):
    # The benchmark measures the pages themselves, not a redirect to the second step.
    pad = tmp_path / "benchmark.json"
    uit = StringIO()
    call_command("benchmark", "--requests", "1", "--json", str(pad), stdout=uit)

    rapport = json.loads(pad.read_text(encoding="utf-8"))
    assert rapport["requests"] == 1
    assert rapport["kandidaten"] == 250
    assert rapport["regio"] == "Rijnmond"
    assert {"gemeten_op", "database", "regio_kandidaten", "metingen"} <= set(rapport)
    assert rapport["jit"] == "off"
    metingen = rapport["metingen"]
    assert len(metingen) == len(DASHBOARDS) + len(LIJSTEN)
    for meting in metingen:
        assert set(meting) == SLEUTELS
        if meting["url"] is None:  # a dashboard that is not there yet
            assert meting["opmerking"]
            continue
        assert meting["status"] == 200, meting
        assert meting["queries"] > 0
        assert meting["mediaan_ms"] > 0
        assert meting["p95_ms"] >= meting["mediaan_ms"]
    for meting in metingen[: len(DASHBOARDS)]:
        if meting["status"] == 200:
            assert meting["sql_ms"] > 0
            assert meting["koud_mediaan_ms"] > 0
            assert meting["verhouding"] > 0
    assert "| pagina |" in uit.getvalue()
    # Every list against its bare view: a ratio in the JSON and a line on screen
    # (shape only: timings on a shared machine prove nothing).
    assert [v["pagina"] for v in rapport["verhoudingen"]] == [
        "kandidaten:kandidaat_list",
        "kandidaten:kandidaat_list (caseload)",
        "trajecten:traject_list",
    ]
    for v in rapport["verhoudingen"]:
        assert v["verhouding"] > 0, v
        assert v["mediaan_ms"] > 0
        assert v["kaal_mediaan_ms"] > 0
        assert v["kaal_url"].startswith("/__benchmark/kaal/")
        assert v["per_seconde"] is None  # no --doorvoer
    regels = re.findall(
        r"^verhouding (\S+(?: \(caseload\))?) \[(\S+)\]: (\d+\.\d\d) "
        r"\(lijst [\d.]+ ms, kaal [\d.]+ ms; doel >= 0.5\)$",
        uit.getvalue(),
        re.MULTILINE,
    )
    assert [r[0] for r in regels] == [v["pagina"] for v in rapport["verhoudingen"]]
    assert "| lijst | gebruiker | mediaan ms | kaal ms | verhouding |" in uit.getvalue()
    # The benchmark logins exist now, with the roles the pages need.
    assert Medewerker.objects.get(username=benchmark.COORDINATOR).heeft_rol(
        Rol.REGIOCOORDINATOR
    )
    assert Medewerker.objects.get(username=benchmark.BEHEERDER).heeft_rol(
        Rol.FUNCTIONEEL_BEHEERDER
    )


def test_benchmark_list_pages_need_the_same_queries_on_every_page(dataset):
    """A list's query count does not grow with the rows: page 1 and page 2 agree."""
    regio, _ = benchmark.grootste_regio()
    gebruikers = benchmark.gebruikers_klaarzetten(regio)
    meter = Benchmark(requests=1, schrijf=lambda _: None)
    for naam in ("kandidaten:kandidaat_list", "trajecten:traject_list"):
        eerste = meter.pagina_meten(Pagina(naam, "coordinator"), gebruikers)
        tweede = meter.pagina_meten(Pagina(naam, "coordinator", "?page=2"), gebruikers)
        assert eerste.status == tweede.status == 200
        assert eerste.queries == tweede.queries


def test_the_bare_views_render_fifty_rows_of_the_same_table(dataset):
    """The baseline renders the rows (not an empty page) and exists only in the
    benchmark's URLconf, never in the portal's."""
    regio, _ = benchmark.grootste_regio()
    gebruikers = benchmark.gebruikers_klaarzetten(regio)
    client = Client()
    client.force_login(gebruikers["coordinator"])
    with override_settings(ROOT_URLCONF="plpv_portal.benchmark"):
        kandidaten = client.get("/__benchmark/kaal/kandidaten/")
        trajecten = client.get("/__benchmark/kaal/trajecten/")
    assert kandidaten.status_code == trajecten.status_code == 200
    assert kandidaten.content.decode().count('href="/kandidaten/') >= 50
    assert trajecten.content.decode().count('href="/trajecten/') >= 50
    assert client.get("/__benchmark/kaal/kandidaten/").status_code == 404


@pytest.mark.doorvoer
@pytest.mark.django_db(transaction=True)
def test_benchmark_doorvoer_serves_with_gunicorn_at_minimal_load(
    tmp_path, tweede_stap_voor_iedereen
):
    """--doorvoer: gunicorn on loopback (production settings) on the test database,
    a minimal bounded load; requests per second per list and bare view, in the JSON
    and on screen. Skipped where gunicorn cannot start or bind."""
    call_command(
        "generate_synthetic", "--kandidaten", "60", "--regios", "1", stdout=StringIO()
    )
    pad = tmp_path / "doorvoer.json"
    uit = StringIO()
    try:
        call_command(
            "benchmark",
            "--requests",
            "1",
            "--doorvoer",
            "--doorvoer-rondes",
            "1",
            "--doorvoer-requests",
            "2",
            "--gelijktijdig",
            "2",
            "--workers",
            "1",
            "--json",
            str(pad),
            stdout=uit,
        )
    except CommandError as exc:
        if "gunicorn" in str(exc):
            pytest.skip(f"gunicorn kon niet starten: {exc}")
        raise
    verhoudingen = json.loads(pad.read_text(encoding="utf-8"))["verhoudingen"]
    assert len(verhoudingen) == 3
    for v in verhoudingen:
        assert v["per_seconde"] > 0, v
        assert v["kaal_per_seconde"] > 0, v
        assert v["doorvoer_verhouding"] > 0
    regels = re.findall(
        r"^doorvoer (\S+(?: \(caseload\))?) \[\S+\]: lijst [\d.]+ req/s, "
        r"kaal [\d.]+ req/s, verhouding \d+\.\d\d$",
        uit.getvalue(),
        re.MULTILINE,
    )
    assert regels == [v["pagina"] for v in verhoudingen]
    assert "geen Redis" not in uit.getvalue()  # the test stack's Redis is the cache


def test_the_throughput_warns_when_the_cache_has_no_redis():
    """Without Redis production's cache answers nothing and every cached answer (the
    consulent choices, the dashboards) is computed on every request: the throughput
    run says so instead of measuring a portal without its cache."""
    from plpv_portal.benchmark import Gunicorn, vrije_poort

    server = Gunicorn()
    server.cache_url = f"redis://127.0.0.1:{vrije_poort()}/0"  # nothing listens
    assert not server.cache_bereikbaar()


def test_benchmark_skips_a_url_that_does_not_exist_yet(db):
    meting = Benchmark(requests=1, schrijf=lambda _: None).pagina_meten(
        Pagina("rapportage:bestaat_niet", "coordinator"), {}
    )
    assert meting.url is None
    assert "bestaat (nog) niet" in meting.opmerking


STAPPEN = [
    "aangemeld",
    "advies",
    "geplaatst",
    "lopend",
    "verklaring",
    "werk",
    "uitgevallen",
    "met_uitkomst",
    "werk_6",
    "werk_12",
]


def _per_kandidaat(kandidaat) -> dict:
    """The dashboard's definitions, counted by hand for one candidate."""
    trajecten = list(kandidaat.trajecten.all())
    uitkomsten = [getattr(t, "uitkomst", None) for t in trajecten]
    metingen = [m for t in trajecten for m in t.vervolgmetingen.all()]
    verklaringen = [
        v for t in trajecten for v in t.verklaringen.all() if v.ingetrokken_op is None
    ]
    gestart = {"lopend", "beoordeeld", "verklaring_uitgereikt", "nazorg", "afgesloten"}
    return {
        "aangemeld": True,
        "advies": kandidaat.adviezen.exists(),
        "geplaatst": bool(trajecten),
        "lopend": any(
            t.status in gestart or t.statuswijzigingen.filter(naar="lopend").exists()
            for t in trajecten
        ),
        "verklaring": bool(verklaringen),
        "werk": any(u and u.soort in WERK_UITKOMSTEN for u in uitkomsten),
        "uitgevallen": any(t.status == "uitgevallen" for t in trajecten),
        "met_uitkomst": any(uitkomsten),
        "soorten": {u.soort for u in uitkomsten if u},
        "werk_6": any(
            m.maanden == 6 and m.situatie in WERK_SITUATIES for m in metingen
        ),
        "werk_12": any(
            m.maanden == 12 and m.situatie in WERK_SITUATIES for m in metingen
        ),
        "dagen": {
            "advies": min(
                (
                    timezone.localtime(a.created_at).date()
                    for a in kandidaat.adviezen.all()
                ),
                default=None,
            ),
            "plaatsing": min((t.startdatum for t in trajecten), default=None),
            "verklaring": min((v.uitgereikt_op for v in verklaringen), default=None),
        },
    }


def test_benchmark_raw_sql_counts_what_the_dashboard_defines(dataset):
    """The hand-written SQL against a count in Python over the same candidates."""
    regio, _ = benchmark.grootste_regio()
    feiten = [
        (k, _per_kandidaat(k))
        for k in Kandidaat.objects.filter(regio=regio).prefetch_related(
            "adviezen", "trajecten__vervolgmetingen", "trajecten__verklaringen"
        )
    ]
    rijen = benchmark.sql_uitvoeren(benchmark.SQL_DASHBOARD, [regio.pk])
    assert list(rijen["trechter"][0]) == [
        sum(f[stap] for _, f in feiten) for stap in STAPPEN
    ]
    verwacht = []
    for stap in ("advies", "plaatsing", "verklaring"):
        dagen = [
            (f["dagen"][stap] - k.toestemming_op).days
            for k, f in feiten
            if f["dagen"][stap] is not None
        ]
        verwacht += [statistics.median(dagen), len(dagen)]
    assert list(rijen["doorlooptijden"][0]) == verwacht
    soorten = Counter(soort for _, f in feiten for soort in f["soorten"])
    assert dict(rijen["uitkomsten"]) == dict(soorten)
    # The comparison: the same figures per region, the lead times also in total.
    vergelijking = benchmark.sql_uitvoeren(benchmark.SQL_VERGELIJKING, [regio.pk])
    assert [list(r[1:]) for r in vergelijking["trechter_per_regio"]] == [
        list(rijen["trechter"][0])
    ]
    assert {
        rij[0]: list(rij[1:]) for rij in vergelijking["doorlooptijden_per_regio"]
    } == {regio.pk: verwacht, None: verwacht}


def test_benchmark_p95_is_the_nearest_rank():
    assert benchmark.p95([5.0]) == 5.0
    assert benchmark.p95([float(i) for i in range(1, 21)]) == 19.0
    assert benchmark.p95([float(i) for i in range(1, 101)]) == 95.0


@override_settings(DEMO_DATA_ALLOWED=False)
def test_benchmark_refuses_under_production_settings(db):
    with pytest.raises(CommandError, match="weigert"):
        call_command("benchmark", "--requests", "1", stdout=StringIO())
    assert not Medewerker.objects.filter(username=benchmark.COORDINATOR).exists()


def test_kennisbank_search_can_use_the_gin_index(dataset):
    qs = item_zoeken(Item.objects.all(), "subsidie praktijkleren")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = qs.explain()
    assert "kennisbank_item_zoek_idx" in plan
    assert qs.exists()
