"""The header's split of the menu over its row and "Meer" (plpv_portal/menu.py)."""

from types import SimpleNamespace

from plpv_portal.menu import MENU, kopmenu

STAPPEN = ["lg", "xl", "xxl"]


def zichtbaar_in_rij(klasse: str, bp: str) -> bool:
    """Is a row item with these Bootstrap classes shown at breakpoint `bp`?"""
    getoond = True
    for stap in STAPPEN[: STAPPEN.index(bp) + 1]:
        if f"d-{stap}-none" in klasse:
            getoond = False
        if f"d-{stap}-block" in klasse:
            getoond = True
    return getoond


def test_every_item_is_in_the_row_or_under_meer_at_each_breakpoint():
    user = SimpleNamespace(first_name="Installatiebeheerder", username="x")
    kop = kopmenu(user, MENU)
    for bp in STAPPEN:
        in_rij = [k.item for k in kop.items if zichtbaar_in_rij(k.in_rij, bp)]
        onder_meer = [k.item for k in kop.items if not zichtbaar_in_rij(k.in_rij, bp)]
        # The row is a prefix of the menu: importance decides, not the label's length.
        assert in_rij == MENU[: len(in_rij)]
        assert in_rij + onder_meer == MENU
        # All 13 items never fit: "Meer" is there at every breakpoint.
        assert onder_meer
        assert "d-lg-block" in kop.meer
        assert f"d-{bp}-none" not in kop.meer
    rij_lg = [k for k in kop.items if zichtbaar_in_rij(k.in_rij, "lg")]
    rij_xxl = [k for k in kop.items if zichtbaar_in_rij(k.in_rij, "xxl")]
    assert 0 < len(rij_lg) < len(rij_xxl)  # a wider screen shows more in the row


def test_a_short_menu_needs_no_meer():
    user = SimpleNamespace(first_name="Peter", username="opleider")
    kop = kopmenu(user, MENU[:3])
    assert kop.meer == ""
    assert [k.in_rij for k in kop.items] == ["", "", ""]
