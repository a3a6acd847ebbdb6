"""Permissions on sso's models (collected by organisaties.rollen): the functioneel
beheerder sets up their organisations' providers in the admin and can unlink an
account from its provider account."""

from organisaties.constants import Rol

RECHTEN: dict[str, set[str]] = {
    Rol.FUNCTIONEEL_BEHEERDER: {
        "sso.view_ssokoppeling",
        "sso.add_ssokoppeling",
        "sso.change_ssokoppeling",
        "sso.delete_ssokoppeling",
        "sso.view_ssoidentiteit",
        "sso.delete_ssoidentiteit",
    },
}
