"""Permissions on the API's clients (collected by organisaties.rollen): the
functioneel beheerder makes and revokes the API clients of their regions' organisations
in the admin. Using the API needs no permission of its own: a request may do what the
user (or the client's medewerker) may do in the portal."""

from organisaties.constants import Rol

RECHTEN: dict[str, set[str]] = {
    Rol.FUNCTIONEEL_BEHEERDER: {
        "api.view_apiclient",
        "api.add_apiclient",
        "api.change_apiclient",
    },
}
