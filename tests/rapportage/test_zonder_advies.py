"""Issue 14, item 9: the funnel counts trajecten started without an advice as a line
of their own, never as advised, with the same small-number suppression."""

import pytest

from rapportage.overzicht import Dashboard
from rapportage.populatie import Populatie
from tests.rapportage.conftest import tabel_tekst

K, V = "<5", "verborgen"
NA, ZONDER = "Geplaatst na een advies", "Zonder advies gestart"


def trechter(**telling):
    """The funnel table of a dashboard whose raw figures are `telling`."""
    ruw = dict.fromkeys(
        ["aangemeld", "advies", "lopend", "verklaring", "werk_6", "werk_12"], 0
    )
    ruw.update(telling)
    ruw["geplaatst"] = ruw["na_advies"] + ruw["zonder_advies"]  # one traject each
    dashboard = Dashboard(Populatie(regio_ids=(1,)))
    dashboard.__dict__["_trechter"] = ruw  # the cached raw figures, no database
    return tabel_tekst(dashboard.tabel_trechter())


def test_both_lines_are_shown_when_both_are_large_enough():
    tabel = trechter(aangemeld=40, advies=30, na_advies=20, zonder_advies=8)
    assert tabel[NA] == ["20", "50%"]
    assert tabel[ZONDER] == ["8", "20%"]
    assert list(tabel).index(ZONDER) == list(tabel).index(NA) + 1


@pytest.mark.parametrize(
    ("na_advies", "zonder_advies", "verwacht"),
    [
        # A small line hides the other too: the persons placed (their sum) are on
        # the page in other tables, so 23 - 20 would give the 3 away.
        (20, 3, [V, K]),
        (3, 20, [K, V]),
        (2, 1, [K, K]),
        (0, 0, [K, K]),
    ],
)
def test_small_lines_are_suppressed_as_a_pair(na_advies, zonder_advies, verwacht):
    tabel = trechter(
        aangemeld=40, advies=30, na_advies=na_advies, zonder_advies=zonder_advies
    )
    assert [tabel[NA][0], tabel[ZONDER][0]] == verwacht
    assert tabel[NA][1] == tabel[ZONDER][1] == "—"
