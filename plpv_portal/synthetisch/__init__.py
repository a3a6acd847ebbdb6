"""A national-scale fictional dataset for load tests and the benchmark.

`genereren` fills an installation with organisations, medewerkers, leerbedrijven,
candidates and everything that follows (advice, trajecten, assessment, verklaringen,
outcomes), spread over the arbeidsmarktregio's like a real national rollout. Rows go
in with bulk inserts (COPY on PostgreSQL, bulk_create elsewhere), so no signals fire
and the audit trail stays empty. The same seed gives the same data (except the
verklaringen's public codes, which are always random). Never for production:
`toegestaan()` says where it may run.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from organisaties.models import Medewerker
from rapportage import feiten

from .basis import Omgeving, eigen_tijdstempels
from .beoordeling import Beoordeling
from .kandidaten import Kandidaten
from .netwerk import USERNAME_PREFIX, Netwerk, catalogus_laden, regios_kiezen
from .trajecten import Trajecten

__all__ = [
    "USERNAME_PREFIX",
    "NietToegestaan",
    "Resultaat",
    "al_gegenereerd",
    "genereren",
    "toegestaan",
]


class NietToegestaan(Exception):
    """The settings do not allow synthetic data (production), or it exists already."""


@dataclass
class Resultaat:
    aantallen: dict[str, int]
    seconden: float


def toegestaan() -> bool:
    """Synthetic data is as unsafe as demo data: only where demo data is allowed."""
    return bool(getattr(settings, "DEMO_DATA_ALLOWED", False))


def al_gegenereerd() -> bool:
    return Medewerker.objects.filter(username__startswith=USERNAME_PREFIX).exists()


def genereren(
    *,
    kandidaten: int,
    regios: int | None = None,
    seed: int = 1,
    schrijf: Callable[[str], None] = lambda _: None,
) -> Resultaat:
    """Build the dataset in one transaction; returns the row counts per model."""
    if not toegestaan():
        raise NietToegestaan(
            "generate_synthetic weigert: deze instellingen staan geen demo- of "
            "testdata toe (DEMO_DATA_ALLOWED is uit, zoals in productie). / "
            "Refused: these settings do not allow demo or synthetic data."
        )
    if al_gegenereerd():
        raise NietToegestaan(
            "Er staat al synthetische data in deze database. Begin met een lege "
            "database (bijvoorbeeld `manage.py flush`). / Synthetic data exists "
            "already: start from an empty database."
        )
    begin = time.perf_counter()
    omg = Omgeving(seed=seed, schrijf=schrijf, vandaag=timezone.localdate())
    with feiten.uitgesteld(), transaction.atomic(), eigen_tijdstempels():
        with omg.stap("catalogus en regio's"):
            catalogus = catalogus_laden(omg)
            gekozen = regios_kiezen(omg, kandidaten=kandidaten, aantal_regios=regios)
        netwerk = Netwerk(omg, gekozen, catalogus)
        with omg.stap("organisaties en medewerkers"):
            netwerk.organisaties_maken()
            netwerk.beheer_maken()
            netwerk.medewerkers_maken()
        with omg.stap("leerbedrijven"):
            netwerk.leerbedrijven_maken()
        with omg.stap("netwerk en kennisbank"):
            netwerk.netwerk_maken()
        stap = Kandidaten(omg, gekozen, catalogus)
        with omg.stap(f"kandidaten ({kandidaten})"):
            stap.reizen_plannen()
            stap.kandidaten_maken()
        with omg.stap("contactmomenten en tijdlijn"):
            stap.contacten_maken()
        with omg.stap("adviezen"):
            stap.adviezen_maken()
        trajecten = Trajecten(omg, stap.reizen)
        with omg.stap(f"trajecten ({len(trajecten.reizen)})"):
            trajecten.trajecten_maken()
            trajecten.historie_maken()
            trajecten.plaatsingen_maken()
            trajecten.financiering_maken()
        with omg.stap("overeenkomsten"):
            trajecten.overeenkomsten_maken()
        beoordeling = Beoordeling(omg, stap.reizen, catalogus, gekozen)
        with omg.stap("observaties en scores"):
            beoordeling.observaties_maken()
            beoordeling.doelen_maken()
        with omg.stap("eindbeoordelingen, borging en verklaringen"):
            beoordeling.eindbeoordelingen_maken()
            beoordeling.verklaringen_maken()
        with omg.stap("uitkomsten en vervolgmetingen"):
            beoordeling.uitkomsten_maken(stap.reizen)
    # Bulk inserts send no signals: the dashboards' fact tables all at once (this
    # also ANALYZEs them on PostgreSQL).
    with omg.stap("feiten voor de dashboards"):
        feiten.herbouwen()
    if connection.vendor == "postgresql":
        # Fresh statistics, so that the planner (and the benchmark) sees the new sizes.
        tabellen = ", ".join(connection.ops.quote_name(t) for t in sorted(omg.tabellen))
        with omg.stap("ANALYZE"), connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {tabellen}")
    return Resultaat(omg.aantallen, time.perf_counter() - begin)
