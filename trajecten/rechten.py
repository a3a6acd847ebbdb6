"""Permissions of each role on advies and trajecten (collected by organisaties.rollen).

Who may act on one particular traject is decided on top of these by the rules in
`trajecten.regels`.
"""

from organisaties.constants import Rol

RECHTEN: dict[str, set[str]] = {
    Rol.CONSULENT: {
        "trajecten.view_advies",
        "trajecten.add_advies",
        "trajecten.view_traject",
        "trajecten.add_traject",
        "trajecten.change_traject",
        "trajecten.add_ondertekening",
    },
    Rol.JOBCOACH: {"trajecten.view_advies", "trajecten.view_traject"},
    Rol.PRAKTIJKOPLEIDER: {"trajecten.view_traject", "trajecten.add_ondertekening"},
    Rol.MBO_MEDEWERKER: {
        "trajecten.view_advies",
        "trajecten.add_advies",
        "trajecten.view_traject",
        "trajecten.change_traject",
        "trajecten.add_ondertekening",
    },
    Rol.REGIOCOORDINATOR: {"trajecten.view_advies", "trajecten.view_traject"},
    # The intake checklist's questions, the traject settings and the postcode
    # centroids, in the admin.
    Rol.FUNCTIONEEL_BEHEERDER: {
        "trajecten.view_checklistvraag",
        "trajecten.add_checklistvraag",
        "trajecten.change_checklistvraag",
        "trajecten.view_trajectinstellingen",
        "trajecten.change_trajectinstellingen",
        "trajecten.view_postcodegebied",
        "trajecten.add_postcodegebied",
        "trajecten.delete_postcodegebied",
    },
}
