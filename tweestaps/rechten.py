"""Permissions on the second login step (collected by organisaties.rollen)."""

from organisaties.constants import Rol

RECHTEN: dict[str, set[str]] = {
    Rol.FUNCTIONEEL_BEHEERDER: {
        # Which roles must use the second step.
        "tweestaps.view_tweedestapregel",
        "tweestaps.change_tweedestapregel",
        # Per account: is the app set up; reset it (a lost phone).
        "tweestaps.view_tweedestapaccount",
        "tweestaps.change_tweedestapaccount",
        # The audit trail of the second step.
        "tweestaps.view_tweedestapgebeurtenis",
    },
}
