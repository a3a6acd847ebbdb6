"""The fact tables give every dashboard figure exactly as the live definitions do.

A seeded dataset over three regions with every traject status, placements at both
kinds of leerbedrijf, valid and withdrawn verklaringen (and a traject with two
valid ones), outcomes, follow-ups at 6 and 12 months and a second traject per some
candidates. Every table of the dashboard and of the comparison, the headline
figures and the raw counts are computed from the facts and from the live tables
(`bron="live"`) for many populations and compared.
"""

import datetime
import random

from django.utils import timezone

import pytest

from core.models import UitgaandeTaak
from kandidaten.constants import Bron, Startkwalificatie, Uitkering
from kwalificaties.constants import Sector
from leerbedrijven.constants import LeerbedrijfSoort
from organisaties.constants import Rol
from organisaties.models import Arbeidsmarktregio
from rapportage import cijfers, cijfers_live, feiten, signalen
from rapportage.doorlooptijden import doorlooptijden
from rapportage.models import KandidaatFeit, TrajectFeit, VerklaringFeit
from rapportage.overzicht import Dashboard
from rapportage.populatie import Populatie
from rapportage.vergelijking import Vergelijking
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.leerbedrijven import LeerbedrijfFactory, kwalificatie
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory
from tests.rapportage.gegevens import (
    uitkomst_maken,
    verklaring_maken,
    vervolgmeting_maken,
    werkprocessen_van,
)
from trajecten.constants import AdviesUitkomst, TrajectStatus, UitvalReden
from trajecten.models import Advies, TrajectStatuswijziging
from trajecten.services import traject_status_wijzigen
from uitkomsten.constants import Situatie, UitkomstSoort

pytestmark = pytest.mark.django_db

D = datetime.date
EINDE = {
    TrajectStatus.VERKLARING_UITGEREIKT,
    TrajectStatus.NAZORG,
    TrajectStatus.AFGESLOTEN,
    TrajectStatus.UITGEVALLEN,
}


class Wereld:
    """The seeded dataset: regions, organisations, people, kwalificaties."""

    def __init__(self, seed: int = 7):
        self.rnd = random.Random(seed)
        self.vandaag = timezone.localdate()
        self.regios = list(Arbeidsmarktregio.objects.order_by("code")[:3])
        self.mbo_medewerker = medewerker_met_rol(
            Rol.MBO_MEDEWERKER, organisatie=OrganisatieFactory(mbo=True)
        )
        self.mbos = [OrganisatieFactory(mbo=True, naam=f"Mbo {n}") for n in "AB"]
        self.kwalificaties = [kwalificatie("Entree"), kwalificatie("Gastheer")]
        self.leerbedrijven = [
            LeerbedrijfFactory(soort=soort, sector=sector)
            for soort, sector in [
                (LeerbedrijfSoort.REGULIER, Sector.HORECA),
                (LeerbedrijfSoort.ONTWIKKELBEDRIJF, Sector.GROEN),
                (LeerbedrijfSoort.REGULIER, Sector.GROEN),
                (LeerbedrijfSoort.ONTWIKKELBEDRIJF, Sector.HORECA),
            ]
        ]
        self.organisaties = []
        self.consulenten = []
        for regio in self.regios:
            for n in range(2):
                org = OrganisatieFactory(
                    naam=f"Verwijzer {regio.code}-{n}", regios=[regio]
                )
                self.organisaties.append(org)
                self.consulenten.append(
                    (regio, medewerker_met_rol(Rol.CONSULENT, organisatie=org))
                )
        self.jobcoach = medewerker_met_rol(Rol.JOBCOACH)

    def dag(self, min_dagen: int, max_dagen: int) -> D:
        return self.vandaag - datetime.timedelta(
            days=self.rnd.randint(min_dagen, max_dagen)
        )

    def verklaringsdag(self, traject) -> D:
        """A day in the traject's period, at the latest today."""
        op = traject.startdatum + datetime.timedelta(days=self.rnd.randint(30, 400))
        return max(traject.startdatum, min(op, self.vandaag))

    def maken(self, aantal: int = 60) -> None:
        rnd = self.rnd
        for i in range(aantal):
            regio, consulent = self.consulenten[i % len(self.consulenten)]
            kandidaat = KandidaatFactory(
                regio=regio,
                consulent=consulent,
                jobcoach=self.jobcoach if i % 4 == 0 else None,
                toestemming_op=self.dag(5, 800),
                bron=rnd.choice(Bron.values),
                uitkering=rnd.choice(Uitkering.values),
                startkwalificatie=rnd.choice(
                    [Startkwalificatie.GEEN, Startkwalificatie.VEROUDERD]
                ),
                startkwalificatie_motivatie="Oud diploma.",
                arbeidsbeperking=rnd.random() < 0.3,
                statushouder=rnd.random() < 0.3,
                laaggeletterd=rnd.random() < 0.2,
                voortijdig_schoolverlater=rnd.random() < 0.2,
                pro_vso=rnd.random() < 0.1,
            )
            advies = None
            if rnd.random() < 0.75:
                # Recorded today (advies_maken backdates it with a bulk update,
                # which no signal sees); the intakes vary, so the lead times do.
                advies = Advies.objects.create(
                    kandidaat=kandidaat,
                    versie=1,
                    mbo_medewerker=self.mbo_medewerker,
                    mbo_instelling=self.mbos[0],
                    voorgesteld=AdviesUitkomst.PRAKTIJKVERKLARING,
                    besluit=AdviesUitkomst.PRAKTIJKVERKLARING,
                    motivatie="Past goed.",
                    besloten_door=kandidaat.consulent,
                )
            if rnd.random() < 0.8:
                self.traject(kandidaat, advies if rnd.random() < 0.85 else None)
                if rnd.random() < 0.15:
                    self.traject(kandidaat, None)

    def traject(self, kandidaat, advies) -> None:
        rnd = self.rnd
        status = rnd.choice(TrajectStatus.values)
        extra = {}
        if status in (TrajectStatus.AFGESLOTEN, TrajectStatus.UITGEVALLEN):
            extra["einddatum"] = self.dag(0, 30)
        if status == TrajectStatus.UITGEVALLEN:
            extra["uitval_reden"] = rnd.choice(UitvalReden.values)
        if advies is None:
            extra["zonder_advies_reden"] = "Kon niet wachten."
        kwal = rnd.choice(self.kwalificaties)
        traject = TrajectFactory(
            kandidaat=kandidaat,
            advies=advies,
            kwalificatie=kwal,
            mbo_instelling=rnd.choice(self.mbos),
            startdatum=kandidaat.toestemming_op
            + datetime.timedelta(days=rnd.randint(0, 120)),
            status=status,
            **extra,
        )
        for bedrijf in rnd.sample(self.leerbedrijven, rnd.choice([0, 1, 1, 2])):
            PlaatsingFactory(traject=traject, leerbedrijf=bedrijf)
        if status == TrajectStatus.UITGEVALLEN and rnd.random() < 0.5:
            TrajectStatuswijziging.objects.create(
                traject=traject,
                van=TrajectStatus.OVEREENKOMSTEN_GETEKEND,
                naar=TrajectStatus.LOPEND,
                door=traject.consulent,
            )
        werkprocessen = werkprocessen_van(kwal)
        if status in EINDE - {TrajectStatus.UITGEVALLEN} or rnd.random() < 0.15:
            verklaring_maken(
                traject,
                op=self.verklaringsdag(traject),
                werkprocessen=rnd.sample(werkprocessen, 2),
                ingetrokken=rnd.random() < 0.2,
            )
            if rnd.random() < 0.15:  # a second valid one
                verklaring_maken(
                    traject,
                    op=self.verklaringsdag(traject),
                    werkprocessen=rnd.sample(werkprocessen, 3),
                )
        if status in EINDE:
            soort = (
                UitkomstSoort.UITGEVALLEN
                if status == TrajectStatus.UITGEVALLEN
                else rnd.choice(
                    [s for s in UitkomstSoort.values if s != UitkomstSoort.UITGEVALLEN]
                )
            )
            extra = {}
            if soort == UitkomstSoort.UITGEVALLEN:
                extra["uitval_reden"] = traject.uitval_reden or UitvalReden.ANDERS
            if rnd.random() < 0.85:
                uitkomst_maken(traject, soort, **extra)
            for maanden in (6, 12):
                if rnd.random() < 0.6:
                    vervolgmeting_maken(traject, maanden, rnd.choice(Situatie.values))


@pytest.fixture
def wereld():
    w = Wereld()
    w.maken()
    return w


def populaties(w: Wereld) -> list[Populatie]:
    r1, r2, r3 = (r.pk for r in w.regios)
    org = w.organisaties[0].pk
    entree = w.kwalificaties[0].pk
    van, tot = w.vandaag - datetime.timedelta(days=500), w.vandaag
    return [
        Populatie(),
        Populatie(regio_ids=(r1,)),
        Populatie(regio_ids=(r2,)),
        Populatie(regio_ids=(r1, r3)),
        Populatie(regio_ids=()),
        Populatie(persoon_id=w.consulenten[0][1].pk),
        Populatie(persoon_id=w.jobcoach.pk),
        Populatie(regio_ids=(r1,), van=van, tot=tot),
        Populatie(regio_ids=(r1,), organisatie_id=org),
        Populatie(kwalificatie_id=entree),
        Populatie(regio_ids=(r2,), kwalificatie_id=entree, van=van),
        Populatie(persoon_id=w.jobcoach.pk, kwalificatie_id=w.kwalificaties[1].pk),
    ]


def tabellen(overzicht) -> dict:
    """Every shown table as its columns and exported rows (the suppressed cells)."""
    return {
        sleutel: (tabel.kolommen, tabel.export_rijen())
        for sleutel in sorted(overzicht.SLEUTELS)
        for tabel in [overzicht.tabel(sleutel)]
    }


RUWE_CIJFERS = [
    "trechter",
    "instroom",
    "uitkomsten",
    "uitval",
    "resultaten_per_soort",
    "resultaten_per_sector",
    "resultaten_per_kwalificatie",
    "resultaten_per_mbo",
    "resultaten_per_verwijzer",
    "werkprocessen",
    "per_kwartaal",
]


def _zonder_nullen(per_regio: dict) -> dict:
    return {r: {k: v for k, v in rij.items() if v} for r, rij in per_regio.items()}


def verschillen(w: Wereld, alleen: list[Populatie] | None = None) -> list[str]:
    """Every figure where the facts and the live definitions differ."""
    uit = []
    for pop in populaties(w) if alleen is None else alleen:
        for naam in RUWE_CIJFERS:
            if getattr(cijfers, naam)(pop) != getattr(cijfers_live, naam)(pop):
                uit.append(f"{naam} {pop}")  # noqa: PERF401
        # Per region a missing step is 0 (the comparison page reads .get(k, 0)).
        if _zonder_nullen(cijfers.trechter(pop, per_regio=True)) != _zonder_nullen(
            cijfers_live.trechter(pop, per_regio=True)
        ):
            uit.append(f"trechter per regio {pop}")
        for per_regio in (False, True):
            if doorlooptijden(pop, per_regio=per_regio) != doorlooptijden(
                pop, per_regio=per_regio, bron="live"
            ):
                uit.append(f"doorlooptijden {per_regio} {pop}")  # noqa: PERF401
        if cijfers.kerncijfers(pop, vandaag=w.vandaag) != cijfers_live.kerncijfers(
            pop, vandaag=w.vandaag
        ):
            uit.append(f"kerncijfers {pop}")
        feit, live = Dashboard(pop), Dashboard(pop, bron="live")
        for sleutel, tabel in tabellen(feit).items():
            if tabel != tabellen(live)[sleutel]:
                uit.append(f"tabel {sleutel} {pop}")
        if [(k.sleutel, k.cel) for k in feit.kerncijfers(w.vandaag)] != [
            (k.sleutel, k.cel) for k in live.kerncijfers(w.vandaag)
        ]:
            uit.append(f"kerncijfers-tabel {pop}")
        vergelijking = [Vergelijking(pop, w.regios, bron=b) for b in ("feiten", "live")]
        if tabellen(vergelijking[0]) != tabellen(vergelijking[1]):
            uit.append(f"vergelijking {pop}")
    return uit


def test_the_dataset_reaches_every_stage(wereld):
    """The comparison means something: the live figures are not empty."""
    alles = cijfers_live.trechter(Populatie(), per_regio=True)
    assert len(alles) == 3
    totaal = cijfers_live.trechter(Populatie())[None]
    for stap in [
        "aangemeld",
        "advies",
        "na_advies",
        "zonder_advies",
        "lopend",
        "verklaring",
        "werk",
        "werk_6",
        "werk_12",
        "uitgevallen",
        "met_uitkomst",
    ]:
        assert totaal[stap] > 0, stap
    assert totaal["aangemeld"] > totaal["geplaatst"] > totaal["verklaring"]
    kern = cijfers_live.kerncijfers(Populatie(), vandaag=wereld.vandaag)
    assert kern["lopend"] > 0
    assert kern["verklaringen_jaar"] > 0
    assert VerklaringFeit.objects.values("traject").count() > (
        VerklaringFeit.objects.values("traject").distinct().count()
    )  # a traject with two valid verklaringen


def test_facts_kept_by_the_signals_give_every_figure_of_the_live_tables(wereld):
    # The facts here come from the per-change updates only (see conftest).
    assert verschillen(wereld) == []


def test_a_rebuild_gives_the_same_facts_and_figures(wereld):
    voor = sorted(TrajectFeit.objects.values_list("pk", "status", "verklaring_op"))
    assert feiten.herbouwen() == KandidaatFeit.objects.count() == 60
    assert (
        sorted(TrajectFeit.objects.values_list("pk", "status", "verklaring_op")) == voor
    )
    assert verschillen(wereld) == []


def test_the_comparison_finds_drift_and_the_rebuild_repairs_it(wereld, monkeypatch):
    # A change the signals do not see (a bulk update) makes the facts drift ...
    from trajecten.models import Traject

    Traject.objects.filter(status=TrajectStatus.LOPEND).update(
        status=TrajectStatus.UITGEVALLEN,
        uitval_reden=UitvalReden.PRIVE,
        einddatum=wereld.vandaag,
    )
    enkele = [Populatie(), Populatie(regio_ids=(wereld.regios[0].pk,))]
    fouten = verschillen(wereld, enkele)
    assert f"trechter {Populatie()}" in fouten
    assert any(f.startswith("tabel uitval ") for f in fouten)
    # ... until the periodic rebuild.
    feiten.herbouwen()
    assert verschillen(wereld, enkele) == []


def test_removed_candidates_and_trajecten_lose_their_facts(wereld):
    from kandidaten.models import Kandidaat
    from trajecten.models import Traject

    traject = Traject.objects.filter(verklaringen__isnull=True).first()
    assert TrajectFeit.objects.filter(pk=traject.pk).exists()
    traject.delete()  # the signal updates its candidate's facts
    assert not TrajectFeit.objects.filter(pk=traject.pk).exists()
    # A delete the signals miss: the rebuild drops the rows.
    weg = KandidaatFactory(regio=wereld.regios[0])
    assert KandidaatFeit.objects.filter(pk=weg.pk).exists()
    Kandidaat.objects.filter(pk=weg.pk)._raw_delete("default")
    feiten.herbouwen()
    assert not KandidaatFeit.objects.filter(pk=weg.pk).exists()
    assert verschillen(wereld, [Populatie()]) == []


def test_a_status_change_queues_one_update_task_on_commit(
    monkeypatch, consulent, django_capture_on_commit_callbacks
):
    """The real queueing (not the direct update of conftest): one outbox row per
    transaction, published on commit, and the task updates the facts."""
    traject = TrajectFactory(kandidaat__consulent=consulent, lopend=True)
    monkeypatch.setattr(signalen, "inplannen", feiten.inplannen)
    assert TrajectFeit.objects.get(pk=traject.pk).status == TrajectStatus.LOPEND

    with django_capture_on_commit_callbacks() as hooks:
        traject_status_wijzigen(
            traject=traject,
            naar=TrajectStatus.UITGEVALLEN,
            door=consulent,
            uitval_reden=UitvalReden.GEZONDHEID,
        )
        uitkomst_maken(traject, UitkomstSoort.UITGEVALLEN, uitval_reden="gezondheid")
    taken = list(UitgaandeTaak.objects.filter(taak=feiten.TAAK))
    assert [t.args for t in taken] == [[[traject.kandidaat_id]]]
    # Not yet committed: the facts still say lopend.
    assert TrajectFeit.objects.get(pk=traject.pk).status == TrajectStatus.LOPEND

    for hook in hooks:  # the commit (Celery runs eagerly in the tests)
        hook()
    feit = TrajectFeit.objects.get(pk=traject.pk)
    assert (feit.status, feit.uitkomst, feit.uitval_reden) == (
        TrajectStatus.UITGEVALLEN,
        UitkomstSoort.UITGEVALLEN,
        UitvalReden.GEZONDHEID,
    )
    assert not UitgaandeTaak.objects.filter(taak=feiten.TAAK).exists()


def test_nothing_is_queued_inside_uitgesteld(monkeypatch, consulent):
    monkeypatch.setattr(signalen, "inplannen", feiten.inplannen)
    with feiten.uitgesteld():
        TrajectFactory(kandidaat__consulent=consulent)
    assert not UitgaandeTaak.objects.filter(taak=feiten.TAAK).exists()
    TrajectFactory(kandidaat__consulent=consulent)
    assert UitgaandeTaak.objects.filter(taak=feiten.TAAK).count() == 1
