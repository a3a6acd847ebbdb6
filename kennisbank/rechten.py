"""Permissions of each role on the kennisbank (collected by organisaties.rollen)."""

from organisaties.constants import Rol

_LEZEN = {"kennisbank.view_item"}
_BEHEREN = {"kennisbank.add_item", "kennisbank.change_item"}

# Everyone reads; the regiocoördinator and the beheerder keep the items current.
RECHTEN: dict[str, set[str]] = {
    Rol.CONSULENT: _LEZEN,
    Rol.JOBCOACH: _LEZEN,
    Rol.PRAKTIJKOPLEIDER: _LEZEN,
    Rol.MBO_MEDEWERKER: _LEZEN,
    Rol.REGIOCOORDINATOR: _LEZEN | _BEHEREN,
    Rol.FUNCTIONEEL_BEHEERDER: _LEZEN | _BEHEREN,
}
