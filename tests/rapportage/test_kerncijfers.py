"""The headline figures and the index of sections at the top of the dashboard."""

from datetime import timedelta

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from tests.factories.kandidaten import KandidaatFactory
from tests.factories.trajecten import TrajectFactory
from tests.rapportage.gegevens import verklaring_maken, vervolgmeting_maken
from uitkomsten.constants import Situatie

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("rapportage:dashboard")
VANDAAG = timezone.localdate()
LANG_GELEDEN = VANDAAG - timedelta(days=400)


def kerncijfers(pagina) -> dict[str, str]:
    """{sleutel: shown figure} of the headline cards."""
    return {
        kaart["data-kerncijfer"]: kaart.find(class_="kerncijfer-waarde").get_text(
            strip=True
        )
        for kaart in pagina.html.select("[data-kerncijfer]")
    }


def gegevens_maken(consulent, *, lopend=6, verklaringen=2, werk=5):
    for _ in range(lopend):  # intake today: this quarter's inflow too
        TrajectFactory(kandidaat=KandidaatFactory(consulent=consulent), lopend=True)
    for _ in range(verklaringen):
        traject = TrajectFactory(
            kandidaat=KandidaatFactory(
                consulent=consulent, toestemming_op=LANG_GELEDEN
            ),
            verklaring_uitgereikt=True,
        )
        verklaring_maken(traject, op=VANDAAG, werkprocessen=[])
    # A revoked verklaring and one of another year do not count.
    for ingetrokken, op in ((True, VANDAAG), (False, LANG_GELEDEN)):
        traject = TrajectFactory(
            kandidaat=KandidaatFactory(
                consulent=consulent, toestemming_op=LANG_GELEDEN
            ),
            verklaring_uitgereikt=True,
            startdatum=LANG_GELEDEN - timedelta(days=100),
        )
        verklaring_maken(traject, op=op, werkprocessen=[], ingetrokken=ingetrokken)
    for _ in range(werk):
        traject = TrajectFactory(
            kandidaat=KandidaatFactory(
                consulent=consulent, toestemming_op=LANG_GELEDEN
            ),
            afgesloten=True,
        )
        vervolgmeting_maken(traject, 6, Situatie.WERK)


def test_headline_figures_at_the_top_with_small_numbers_suppressed(
    app, coordinator, consulent
):
    gegevens_maken(consulent)

    pagina = app.get(DASHBOARD, user=coordinator)

    assert kerncijfers(pagina) == {
        "instroom_kwartaal": "6",
        "lopend": "6",
        "verklaringen_jaar": "<5",  # 2 persons
        "werk_6": "5",
    }
    # The headlines come before the filter, the explanation and the tables.
    tekst = pagina.text
    assert tekst.index("Instroom dit kwartaal") < tekst.index(
        "Hoe lees je deze cijfers"
    )
    assert tekst.index("Werk na 6 maanden") < tekst.index("<table")


def test_the_index_links_to_every_section_heading(app, coordinator, consulent):
    gegevens_maken(consulent, lopend=1, verklaringen=0, werk=0)

    pagina = app.get(DASHBOARD, user=coordinator)

    inhoud = pagina.html.find("nav", attrs={"aria-label": "Inhoud van deze pagina"})
    links = inhoud.find_all("a")
    assert [a.get_text(strip=True) for a in links] == [
        "Van aanmelding tot werk",
        "Instroom",
        "Uitkomsten en uitval",
        "Resultaten",
        "Trends",
    ]
    for link in links:
        doel = pagina.html.find(id=link["href"].removeprefix("#"))
        assert doel is not None, link["href"]
        assert doel.name == "h2"
        assert doel.get_text(strip=True) == link.get_text(strip=True)


def test_headline_query_count_does_not_grow_with_the_rows(app, coordinator, consulent):
    gegevens_maken(consulent, lopend=1, verklaringen=1, werk=1)
    app.get(DASHBOARD, user=coordinator)  # warm up the session
    with CaptureQueriesContext(connection) as weinig:
        app.get(DASHBOARD, user=coordinator)
    gegevens_maken(consulent, lopend=6, verklaringen=6, werk=6)
    with CaptureQueriesContext(connection) as veel:
        pagina = app.get(DASHBOARD, user=coordinator)
    assert kerncijfers(pagina)["verklaringen_jaar"] == "7"
    assert len(veel) == len(weinig)


def test_headline_figures_are_cached_with_the_rest(
    app, coordinator, consulent, settings
):
    settings.DASHBOARD_CACHE_SECONDEN = 600
    cache.clear()
    try:
        gegevens_maken(consulent, lopend=5, verklaringen=0, werk=0)
        assert kerncijfers(app.get(DASHBOARD, user=coordinator))["lopend"] == "5"
        gegevens_maken(consulent, lopend=1, verklaringen=0, werk=0)
        # Within the cache period the page still shows the figures it computed.
        assert kerncijfers(app.get(DASHBOARD, user=coordinator))["lopend"] == "5"
    finally:
        cache.clear()
