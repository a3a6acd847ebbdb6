"""Every dashboard figure against the hand count of gegevens.py (after suppression)."""

import datetime

import pytest

from rapportage import cijfers
from rapportage.doorlooptijden import (
    _doorlooptijden_python,
    _per_kandidaat,
    doorlooptijden,
)
from rapportage.overzicht import Dashboard
from rapportage.populatie import Populatie
from rapportage.vergelijking import Vergelijking
from tests.factories.leerbedrijven import kwalificatie
from tests.factories.organisaties import regio
from tests.rapportage.conftest import tabel_tekst

pytestmark = pytest.mark.django_db

K, V = "<5", "verborgen"


@pytest.fixture
def twente(gegevens):
    return Dashboard(Populatie(regio_ids=(regio().pk,)))


def test_trechter_counts_each_step_once_per_person(twente):
    assert tabel_tekst(twente.tabel("trechter")) == {
        "Aangemeld": ["14", "100%"],
        "Advies gekregen": ["10", "71%"],
        # Every traject but U3's followed an advice; U3's is a line of its own.
        # The pair adds up to the persons placed (8, shown in other tables), so the
        # 7 is hidden too: otherwise 8 - 7 gives U3 away.
        "Geplaatst na een advies": [V, "—"],
        "Zonder advies gestart": [K, "—"],
        # G4 dropped out after it ran (history); U3 dropped out before.
        "Traject is echt begonnen": ["6", "43%"],
        # G1's verklaring was revoked: G2, G3 and U2.
        "Praktijkverklaring gekregen": [K, "—"],
        "Werk na 6 maanden": [K, "—"],
        "Werk na 12 maanden": [K, "—"],
    }


def test_trechter_raw_counts(gegevens):
    assert cijfers.trechter(Populatie(regio_ids=(regio().pk,)))[None] == {
        "aangemeld": 14,
        "advies": 10,
        "geplaatst": 8,
        "na_advies": 7,
        "zonder_advies": 1,
        "lopend": 6,
        "verklaring": 3,
        "werk": 2,
        "uitgevallen": 2,
        "met_uitkomst": 5,
        "werk_6": 2,  # G2 (werk) and U2 (werk en opleiding); G3 studies
        "werk_12": 0,
    }


def test_doorlooptijden_are_medians_over_five_or_more_persons(twente):
    assert tabel_tekst(twente.tabel("doorlooptijden")) == {
        "Van intake tot advies": ["55", "10"],  # 10, 20, ... 100 days
        "Van intake tot start traject": ["40", "8"],  # 5, 15, ... 75 days
        "Van intake tot praktijkverklaring": ["te weinig", K],
    }


def test_doorlooptijden_python_fallback_gives_the_same_medians(gegevens):
    pop = Populatie(regio_ids=(regio().pk,))
    per_kandidaat = _per_kandidaat(pop, per_regio=False)
    python = _doorlooptijden_python(per_kandidaat, per_regio=False)
    assert python == {
        None: {
            "advies": (55, 10),
            "plaatsing": (40, 8),
            "verklaring": (python[None]["verklaring"][0], 3),
        }
    }
    assert doorlooptijden(pop) == python


def test_instroom_bron_hides_uwv_so_the_empty_sources_cannot_be_subtracted(twente):
    assert tabel_tekst(twente.tabel("instroom_bron")) == {
        "Gemeente": ["8"],
        "UWV": [V],
        "Sw-bedrijf / ontwikkelbedrijf": [K],
        "Werkgever (kwetsbare werkende)": [K],
        "Onderwijs": [K],
        "Meldde zich zelf": [K],
        "Anders": [K],
        "Totaal": ["14"],
    }


def test_instroom_uitkering_hides_the_first_of_two_equal_smallest_cells(twente):
    tabel = tabel_tekst(twente.tabel("instroom_uitkering"))
    assert tabel["WW"] == [V]
    assert tabel["Participatiewet (bijstand)"] == ["6"]
    assert tabel["Wajong"] == [K]
    assert tabel["Totaal"] == ["14"]
    andere = {
        k: v
        for k, v in tabel.items()
        if k not in ("WW", "Participatiewet (bijstand)", "Totaal")
    }
    assert set(map(tuple, andere.values())) == {(K,)}


def test_instroom_startkwalificatie_hides_the_only_large_cell(twente):
    assert tabel_tekst(twente.tabel("instroom_startkwalificatie")) == {
        "Geen startkwalificatie": [V],
        "Verouderde startkwalificatie": [K],
        "Heeft een startkwalificatie": [K],
        "Totaal": ["14"],
    }


def test_instroom_doelgroep_has_no_total_and_only_primary_suppression(twente):
    tabel = twente.tabel("instroom_doelgroep")
    assert tabel.totaal is None
    assert tabel_tekst(tabel) == {
        "Arbeidsbeperking": [K],
        "Statushouder": ["5"],
        "Laaggeletterd": [K],
        "Voortijdig schoolverlater": [K],
        "Achtergrond praktijkonderwijs of vso": [K],
    }


def test_uitkomsten_and_uitval(twente):
    uitkomsten = tabel_tekst(twente.tabel("uitkomsten"))
    assert uitkomsten.pop("Totaal") == ["5"]
    assert set(map(tuple, uitkomsten.values())) == {(K,)}
    assert len(uitkomsten) == 8
    uitval = tabel_tekst(twente.tabel("uitval"))
    assert uitval.pop("Totaal") == [K]
    assert set(map(tuple, uitval.values())) == {(K,)}


def test_uitkomsten_raw_counts(gegevens):
    pop = Populatie(regio_ids=(regio().pk,))
    assert cijfers.uitkomsten(pop) == {
        "werk_leerbedrijf": 1,
        "werk_elders": 1,
        "mbo_certificaat": 1,
        "uitgevallen": 2,
    }
    assert cijfers.uitval(pop) == {"motivatie": 1, "gezondheid": 1}


def test_resultaten_per_soort_counts_a_person_with_two_placements_in_both(
    gegevens, twente
):
    ruw = cijfers.resultaten_per_soort(Populatie(regio_ids=(regio().pk,)))
    assert {
        k: [v[c] for c in ("geplaatst", "verklaring", "werk", "uitgevallen")]
        for k, v in ruw.items()
    } == {
        "regulier": [5, 2, 1, 1],  # G1-G5; G2 and G3; G2; G4
        "ontwikkelbedrijf": [4, 2, 2, 1],  # G2, U1-U3; G2 and U2; G2 and U2; U3
    }
    assert tabel_tekst(twente.tabel("resultaten_soort")) == {
        "Reguliere werkgever": [V, K, K, K],
        "Ontwikkelbedrijf of sw-bedrijf": [K, K, K, K],
        "Totaal": ["8", K, K, K],
    }


def test_resultaten_per_sector(twente):
    tabel = tabel_tekst(twente.tabel("resultaten_sector"))
    assert tabel.pop("Horeca") == [V, K, K, K]
    assert tabel.pop("Totaal") == ["8", K, K, K]
    assert set(map(tuple, tabel.values())) == {(K, K, K, K)}
    assert "Nog geen leerbedrijf" not in tabel


def test_resultaten_per_kwalificatie(gegevens, twente):
    ruw = cijfers.resultaten_per_kwalificatie(Populatie(regio_ids=(regio().pk,)))
    entree, gastheer = kwalificatie("Entree"), kwalificatie("Gastheer")
    assert ruw[(entree.pk, entree.naam)]["geplaatst"] == 7
    assert ruw[(entree.pk, entree.naam)]["verklaring"] == 3
    assert ruw[(gastheer.pk, gastheer.naam)]["geplaatst"] == 1
    assert tabel_tekst(twente.tabel("resultaten_kwalificatie")) == {
        "Entree": [V, K, K, K],
        gastheer.naam: [K, K, K, K],
        "Totaal": ["8", K, K, K],
    }


def test_resultaten_per_mbo_and_verwijzer(gegevens, twente):
    assert tabel_tekst(twente.tabel("resultaten_mbo")) == {
        "Mbo Een": [V, K, K, K],
        "Mbo Twee": [K, K, K, K],
        "Totaal": ["8", K, K, K],
    }
    ruw = cijfers.resultaten_per_verwijzer(Populatie(regio_ids=(regio().pk,)))
    gemeente = ruw[(gegevens.gemeente.pk, gegevens.gemeente.naam)]
    assert [
        gemeente[k]
        for k in ("aangemeld", "geplaatst", "verklaring", "werk", "uitgevallen")
    ] == [8, 5, 2, 1, 1]
    assert tabel_tekst(twente.tabel("resultaten_verwijzer")) == {
        gegevens.gemeente.naam: ["8", V, K, K, K],
        "UWV Testregio": ["6", K, K, K, K],
        "Totaal": ["14", "8", K, K, K],
    }


def test_werkprocessen_count_valid_verklaringen_only(gegevens, twente):
    tabel = tabel_tekst(twente.tabel("resultaten_werkproces"))
    entree = {k: v for k, v in tabel.items() if k.endswith("(Entree)")}
    assert [v for _, v in sorted(entree.items())] == [["7", K], ["7", K], ["7", K]]
    ruw = cijfers.werkprocessen(Populatie(regio_ids=(regio().pk,)))
    per_code = {
        r["code"]: r["verklaring"]
        for r in ruw.values()
        if r["kwalificatie"] == "Entree"
    }
    # W1: G2, G3, U2; W2: G2, U2; W3: U2 (G1's revoked verklaring does not count)
    assert per_code == {"B1-K1-W1": 3, "B1-K1-W2": 2, "B1-K1-W3": 1}
    gastheer = [v for k, v in tabel.items() if not k.endswith("(Entree)")]
    assert gastheer
    assert all(v == [K, K] for v in gastheer)


def test_trend_per_kwartaal_fills_the_empty_quarters(twente):
    assert tabel_tekst(twente.tabel("trend")) == {
        "2024 kwartaal 1": ["6", K, K],
        "2024 kwartaal 2": [K, V, K],
        "2024 kwartaal 3": [K, K, K],
        "2024 kwartaal 4": [K, K, K],
        "2025 kwartaal 1": [K, K, K],
        "2025 kwartaal 2": [K, K, K],
        "Totaal": ["14", "8", K],
    }


def test_filter_on_period_organisation_and_kwalificatie(gegevens):
    twente = Populatie(regio_ids=(regio().pk,))
    eerste_kwartaal = twente.gefilterd(
        van=datetime.date(2024, 1, 1), tot=datetime.date(2024, 3, 31)
    )
    assert cijfers.trechter(eerste_kwartaal)[None]["aangemeld"] == 6
    # "tot" includes its own day.
    op_de_dag = twente.gefilterd(
        van=datetime.date(2024, 1, 15), tot=datetime.date(2024, 1, 15)
    )
    assert cijfers.trechter(op_de_dag)[None]["aangemeld"] == 1
    uwv = twente.gefilterd(organisatie_id=gegevens.uwv.pk)
    assert cijfers.trechter(uwv)[None]["aangemeld"] == 6
    entree = twente.gefilterd(kwalificatie_id=kwalificatie("Entree").pk)
    trechter = cijfers.trechter(entree)[None]
    assert (trechter["aangemeld"], trechter["geplaatst"], trechter["lopend"]) == (
        7,
        7,
        5,
    )
    assert doorlooptijden(entree)[None]["plaatsing"] == (35, 7)


def test_vergelijking_per_regio_for_the_regions_given(gegevens):
    regios = [regio("AM01"), regio()]
    vergelijking = Vergelijking(
        Populatie(regio_ids=tuple(r.pk for r in regios)), regios
    )
    assert tabel_tekst(vergelijking.tabel("regios")) == {
        "Groningen": [K, K, K, K, K, K, K, K],
        # Groningen's zeros are "<5", so Twente's figures are hidden with them.
        "Twente": [V, V, V, V, K, K, K, K],
        "Totaal": ["15", "10", "8", "6", K, K, K, K],
    }
    assert tabel_tekst(vergelijking.tabel("regios_doorlooptijden")) == {
        "Groningen": ["te weinig", "te weinig", "te weinig"],
        "Twente": ["55", "40", "te weinig"],
        "Totaal": ["55", "40", "te weinig"],
    }
