import random
from itertools import combinations

import pytest

from rapportage.onderdrukking import (
    DREMPEL,
    Status,
    mediaan_cel,
    onderdruk,
    rijen_verbergen,
)


def teksten(waarden, totaal=None):
    cellen, totaal_cel = onderdruk(waarden, totaal)
    return [c.tekst for c in cellen], (totaal_cel.tekst if totaal_cel else None)


def test_onderdruk_shows_cells_of_five_or_more():
    assert teksten([5, 12, 40], 57) == (["5", "12", "40"], "57")


def test_onderdruk_shows_small_cells_as_less_than_five_also_zero():
    assert teksten([4, 0, 1, 30]) == (["<5", "<5", "<5", "30"], None)


def test_onderdruk_hides_the_next_smallest_cell_so_a_small_cell_cannot_be_subtracted():
    # Without the second cell hidden: 20 - 10 - 7 = 3.
    assert teksten([10, 3, 7], 20) == (["10", "<5", "verborgen"], "20")


def test_onderdruk_needs_two_hidden_cells_that_together_count_five():
    # Two small cells summing to 3 are not enough: the 6 is hidden as well.
    assert teksten([1, 2, 6, 9], 18) == (["<5", "<5", "verborgen", "9"], "18")
    # Two small cells that together count 5 or more are enough.
    assert teksten([2, 3, 9], 14) == (["<5", "<5", "9"], "14")


def test_onderdruk_takes_the_first_row_among_equal_values():
    assert teksten([6, 6, 2], 14) == (["verborgen", "6", "<5"], "14")


def test_onderdruk_hides_a_total_below_five():
    assert teksten([1, 3], 4) == (["<5", "<5"], "<5")
    assert teksten([], 0) == ([], "<5")


def test_onderdruk_hides_the_total_when_no_cells_are_left_to_hide():
    # One row, one small cell, but the total (other persons outside the rows) is 7.
    assert teksten([3], 7) == (["<5"], "verborgen")


def test_onderdruk_without_total_applies_only_the_primary_rule():
    assert teksten([3, 8]) == (["<5", "8"], None)


def test_onderdruk_never_gives_a_hidden_number_to_the_page():
    cellen, totaal = onderdruk([10, 3, 7], 20)
    assert [c.waarde for c in cellen] == [10, None, None]
    assert [c.export for c in cellen] == [10, "<5", "verborgen"]
    assert totaal.waarde == 20
    assert cellen[1].status is Status.KLEIN
    assert cellen[2].status is Status.VERBORGEN


def mogelijke_waarden(waarden, cellen, totaal) -> list[set[int]]:
    """What someone who knows the rule can work out about each small hidden cell.

    They see the visible cells and the total; a "<5" is 0-4, a "verborgen" cell is
    at least 5 and at most the smallest visible cell (it was hidden as the smallest).
    Returns, per small cell, every value that fits.
    """
    zichtbaar = [c.waarde for c in cellen if not c.onderdrukt]
    rest = totaal.waarde - sum(zichtbaar)
    bovengrens = min(zichtbaar, default=rest)
    grenzen = [
        (0, DREMPEL - 1) if c.status is Status.KLEIN else (DREMPEL, bovengrens)
        for c in cellen
        if c.onderdrukt
    ]
    uitkomst = []
    for i, (laag, hoog) in enumerate(grenzen):
        if laag != 0:
            continue  # a "verborgen" cell: not small
        andere = grenzen[:i] + grenzen[i + 1 :]
        min_rest = sum(g[0] for g in andere)
        max_rest = sum(g[1] for g in andere)
        uitkomst.append(
            {x for x in range(laag, hoog + 1) if min_rest <= rest - x <= max_rest}
        )
    return uitkomst


VOORBEELDEN = [
    [10, 3, 7],
    [1, 2, 6, 9],
    [0, 0, 0, 0, 14, 26],
    [4, 50],
    [2, 0, 1, 100, 5],
    [3, 3, 3, 3, 3, 60],
    [0, 1, 20],
    [4, 4, 30],  # two cells of 4 add up to 8: both would be 4
    [0, 5, 50],  # a 0 next to a hidden 5 would be 0
    [4, 4, 5, 5, 100],  # a hidden 5 is at most the other (visible) 5
]


@pytest.mark.parametrize("waarden", VOORBEELDEN)
def test_onderdruk_no_small_cell_can_be_worked_out_from_the_total(waarden):
    cellen, totaal = onderdruk(waarden, sum(waarden))
    if totaal.onderdrukt or not any(c.onderdrukt for c in cellen):
        return
    verborgen = [w for w, c in zip(waarden, cellen, strict=True) if c.onderdrukt]
    assert len(verborgen) >= 2
    assert sum(verborgen) >= DREMPEL
    for mogelijk in mogelijke_waarden(waarden, cellen, totaal):
        assert len(mogelijk) > 1


def test_onderdruk_protects_random_tables():
    rnd = random.Random(6)
    for _ in range(2000):
        waarden = [
            rnd.choice([0, 1, 2, 3, 4, 5, 5, 6, 8, 12, 30])
            for _ in range(rnd.randint(1, 7))
        ]
        cellen, totaal = onderdruk(waarden, sum(waarden))
        assert [c.waarde for c in cellen if not c.onderdrukt] == [
            w for w, c in zip(waarden, cellen, strict=True) if not c.onderdrukt
        ]
        if totaal.onderdrukt:
            assert all(c.onderdrukt for c in cellen), waarden
            continue
        for mogelijk in mogelijke_waarden(waarden, cellen, totaal):
            assert len(mogelijk) > 1, waarden


def test_onderdruk_extra_rules_hide_one_more_cell():
    assert teksten([4, 4, 30], 38) == (["<5", "<5", "verborgen"], "38")
    assert teksten([0, 5, 50], 55) == (["<5", "verborgen", "verborgen"], "55")
    assert teksten([4, 4, 5, 5, 100], 118) == (
        ["<5", "<5", "verborgen", "verborgen", "100"],
        "118",
    )


def test_onderdruk_smallest_visible_cells_first():
    cellen, _ = onderdruk([50, 8, 1, 30, 0], 89)
    assert [c.tekst for c in cellen] == ["50", "verborgen", "<5", "30", "<5"]
    # The 8 is enough: two hidden cells would be 1 and 0 (sum 1), so one more.
    assert sum(1 for c in cellen if c.onderdrukt) == 3


def test_no_subset_of_shown_cells_and_totals_recovers_small_cells():
    waarden = [10, 3, 7, 25]
    cellen, totaal = onderdruk(waarden, sum(waarden))
    zichtbaar = {i: c.waarde for i, c in enumerate(cellen) if not c.onderdrukt}
    for n in range(len(zichtbaar) + 1):
        for deel in combinations(zichtbaar.values(), n):
            assert totaal.waarde - sum(deel) != 3


def test_mediaan_cel_needs_five_persons():
    assert mediaan_cel(12.5, 4).tekst == "te weinig"
    assert mediaan_cel(12.5, 4).waarde is None
    assert mediaan_cel(12.4, 5).tekst == "12"
    assert mediaan_cel(None, 0).tekst == "te weinig"


def test_nested_columns_hide_the_whole_row_so_no_cell_can_be_worked_out():
    """Geplaatst [8, 5, 30] and Verklaring [3, 5, 20]: column by column, row B's
    verklaring is "verborgen" (≥ 5) beside a visible geplaatst of 5, so it is 5, and
    row A's small verklaring is 28 - 20 - 5 = 3. Hidden as rows, it cannot be."""
    (geplaatst, _), (verklaring, _) = rijen_verbergen(
        [[8, 5, 30], [3, 5, 20]], [43, 28]
    )
    assert [c.tekst for c in geplaatst] == ["verborgen", "verborgen", "30"]
    assert [c.tekst for c in verklaring] == ["<5", "verborgen", "20"]


def test_nested_columns_without_small_cells_stay_visible():
    uitkomst = rijen_verbergen([[8, 6, 30], [6, 5, 20]], [44, 31])
    assert all(not c.onderdrukt for cellen, _ in uitkomst for c in cellen)
