"""Permissions of each role on bewaartermijnen (collected by organisaties.rollen).

The consulent and the regiocoördinator honour an erasure request (`anonimiseren`);
the functioneel beheerder reads and changes the retention periods.
"""

from organisaties.constants import Rol

RECHTEN: dict[str, set[str]] = {
    Rol.CONSULENT: {"bewaartermijnen.anonimiseren"},
    Rol.REGIOCOORDINATOR: {"bewaartermijnen.anonimiseren"},
    Rol.FUNCTIONEEL_BEHEERDER: {
        "bewaartermijnen.view_bewaartermijnen",
        "bewaartermijnen.change_bewaartermijnen",
    },
}
