"""Permissions of each role on the samenwerkingsscan (collected by organisaties.rollen).

The regiocoördinator fills the scan of their region(s) and shares a version with the
other regions; the functioneel beheerder keeps the questions in the admin. Which
region's scans a coordinator may see or change: `regels.py` and `selectors.py`."""

from organisaties.constants import Rol

RECHTEN: dict[str, set[str]] = {
    Rol.REGIOCOORDINATOR: {
        "samenwerking.view_scan",
        "samenwerking.add_scan",
        "samenwerking.change_scan",
    },
    Rol.FUNCTIONEEL_BEHEERDER: {
        "samenwerking.view_thema",
        "samenwerking.add_thema",
        "samenwerking.change_thema",
        "samenwerking.view_vraag",
        "samenwerking.add_vraag",
        "samenwerking.change_vraag",
        "samenwerking.view_antwoordoptie",
        "samenwerking.add_antwoordoptie",
        "samenwerking.change_antwoordoptie",
    },
}
