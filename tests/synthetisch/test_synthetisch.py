"""generate_synthetic: a small dataset that is complete, consistent and repeatable."""

from collections import defaultdict
from io import StringIO

from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Min
from django.test import override_settings
from django.utils import timezone

import pytest

from kandidaten.models import Contactmoment, Gebeurtenis, Kandidaat
from kennisbank.models import Item
from leerbedrijven.models import (
    Contactpersoon,
    Erkenning,
    Leerbaan,
    Leerbedrijf,
    LeerbedrijfStatuswijziging,
    Vestiging,
)
from organisaties.models import (
    Arbeidsmarktregio,
    Medewerker,
    Netwerkcontact,
    Organisatie,
)
from trajecten.constants import TrajectStatus
from trajecten.models import (
    Advies,
    AdviesAntwoord,
    Financiering,
    Ondertekening,
    Overeenkomst,
    OvereenkomstVersie,
    Plaatsing,
    Traject,
    TrajectStatuswijziging,
)
from trajecten.services.traject import KANDIDAAT_FASE
from uitkomsten.models import Uitkomst, Vervolgmeting
from verklaringen.models import (
    Borging,
    Eindbeoordeling,
    Nummerreeks,
    Observatie,
    ObservatieScore,
    Ontwikkeldoel,
    Praktijkverklaring,
)

ALLE_MODELLEN = [
    Organisatie,
    Medewerker,
    Netwerkcontact,
    Item,
    Leerbedrijf,
    LeerbedrijfStatuswijziging,
    Vestiging,
    Contactpersoon,
    Erkenning,
    Leerbaan,
    Kandidaat,
    Contactmoment,
    Gebeurtenis,
    Advies,
    AdviesAntwoord,
    Traject,
    TrajectStatuswijziging,
    Plaatsing,
    Financiering,
    Overeenkomst,
    OvereenkomstVersie,
    Ondertekening,
    Observatie,
    ObservatieScore,
    Ontwikkeldoel,
    Eindbeoordeling,
    Borging,
    Praktijkverklaring,
    Nummerreeks,
    Uitkomst,
    Vervolgmeting,
]


def genereren(*args: str) -> str:
    uit = StringIO()
    call_command("generate_synthetic", *args, stdout=uit)
    return uit.getvalue()


@pytest.fixture
def dataset(db):
    return genereren("--kandidaten", "300", "--seed", "7")


def test_generate_synthetic_fills_every_model_over_all_regions(dataset):
    assert Kandidaat.objects.count() == 300
    for model in ALLE_MODELLEN:
        assert model.objects.exists(), model.__name__
    per_regio = Kandidaat.objects.values("regio").annotate(n=Count("pk"))
    assert len(per_regio) == Arbeidsmarktregio.objects.count() == 35
    assert len(set(Traject.objects.values_list("status", flat=True))) >= 6
    assert "Klaar in" in dataset


def test_generate_synthetic_numbers_verklaringen_without_gaps(dataset):
    per_reeks = defaultdict(list)
    for mbo, jaar, volgnummer in Praktijkverklaring.objects.values_list(
        "mbo_instelling", "jaar", "volgnummer"
    ):
        per_reeks[(mbo, jaar)].append(volgnummer)
    assert per_reeks
    laatste = {
        (r.mbo_instelling_id, r.jaar): r.laatste for r in Nummerreeks.objects.all()
    }
    assert laatste == {reeks: len(nummers) for reeks, nummers in per_reeks.items()}
    for nummers in per_reeks.values():
        assert sorted(nummers) == list(range(1, len(nummers) + 1))
    codes = list(Praktijkverklaring.objects.values_list("code", flat=True))
    assert len(set(codes)) == len(codes)
    assert min(len(c) for c in codes) >= 20


def test_generate_synthetic_keeps_phase_status_and_dates_consistent(dataset):
    vandaag = timezone.localdate()
    for traject in Traject.objects.select_related("kandidaat"):
        assert traject.kandidaat.fase == KANDIDAAT_FASE[traject.status]
        stappen = list(traject.statuswijzigingen.order_by("op", "pk"))
        assert stappen[0].van == ""
        assert stappen[-1].naar == traject.status
        assert all(a.naar == b.van for a, b in zip(stappen, stappen[1:], strict=False))
        assert traject.plaatsingen.exists()
        if traject.status in (TrajectStatus.AFGESLOTEN, TrajectStatus.UITGEVALLEN):
            assert traject.einddatum <= vandaag
    assert not Observatie.objects.filter(datum__gt=vandaag).exists()
    assert not Contactmoment.objects.filter(datum__gt=vandaag).exists()
    for uitkomst in Uitkomst.objects.select_related("traject"):
        assert uitkomst.datum >= uitkomst.traject.einddatum
    # A verklaring only for an approved assessment, naming mastered werkprocessen.
    for verklaring in Praktijkverklaring.objects.select_related("traject"):
        assert verklaring.traject.borgingen.filter(status="goedgekeurd").exists()
        assert set(verklaring.werkprocessen.values_list("pk", flat=True)) <= set(
            verklaring.traject.eindbeoordelingen.filter(beheerst=True).values_list(
                "werkproces", flat=True
            )
        )
    # Every candidate is referred by an organisation working in their region.
    for kandidaat in Kandidaat.objects.select_related("organisatie"):
        assert kandidaat.organisatie.regios.filter(pk=kandidaat.regio_id).exists()
    eerste = Kandidaat.objects.aggregate(Min("toestemming_op"))["toestemming_op__min"]
    assert eerste < vandaag.replace(year=vandaag.year - 2)


def test_generate_synthetic_same_seed_gives_same_data(db):
    def vingerafdruk(seed: str) -> list:
        with transaction.atomic():
            genereren("--kandidaten", "60", "--regios", "2", "--seed", seed)
            uit = [
                list(
                    Kandidaat.objects.order_by("pk").values_list(
                        "voornaam", "achternaam", "geboortedatum", "fase", "bron"
                    )
                ),
                list(
                    Traject.objects.order_by("pk").values_list(
                        "status", "startdatum", "einddatum"
                    )
                ),
            ]
            transaction.set_rollback(True)
        return uit

    assert vingerafdruk("5") == vingerafdruk("5")
    assert vingerafdruk("5") != vingerafdruk("6")


def test_generate_synthetic_regios_takes_the_largest_regions(db):
    genereren("--kandidaten", "40", "--regios", "3")
    codes = set(Kandidaat.objects.values_list("regio__code", flat=True))
    assert codes == {"AM22", "AM18", "AM21"}  # Rijnmond, Groot Amsterdam, Haaglanden


@override_settings(DEMO_DATA_ALLOWED=False)
def test_generate_synthetic_refuses_under_production_settings(db):
    with pytest.raises(CommandError, match="weigert"):
        genereren("--kandidaten", "10")
    assert not Kandidaat.objects.exists()
    assert not Organisatie.objects.exists()


def test_generate_synthetic_refuses_to_run_twice(dataset):
    with pytest.raises(CommandError, match="al synthetische data"):
        genereren("--kandidaten", "10")
    assert Kandidaat.objects.count() == 300


def test_generate_synthetic_rejects_impossible_sizes(db):
    with pytest.raises(CommandError):
        genereren("--kandidaten", "0")
    with pytest.raises(CommandError):
        genereren("--kandidaten", "10", "--regios", "36")
