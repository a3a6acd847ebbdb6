"""Permissions of each role on kandidaten (collected by organisaties.rollen).

`view_kandidaat` opens a candidate's page; `view_dossier` shows the case file on it
(contact moments, signals) and the candidate list.
"""

from organisaties.constants import Rol

RECHTEN: dict[str, set[str]] = {
    Rol.CONSULENT: {
        "kandidaten.view_kandidaat",
        "kandidaten.view_dossier",
        "kandidaten.add_kandidaat",
        "kandidaten.change_kandidaat",
        "kandidaten.add_contactmoment",
    },
    Rol.JOBCOACH: {
        "kandidaten.view_kandidaat",
        "kandidaten.view_dossier",
        "kandidaten.add_contactmoment",
    },
    Rol.PRAKTIJKOPLEIDER: {"kandidaten.view_kandidaat"},
    Rol.MBO_MEDEWERKER: {"kandidaten.view_kandidaat", "kandidaten.view_dossier"},
    Rol.REGIOCOORDINATOR: {
        "kandidaten.view_kandidaat",
        "kandidaten.view_dossier",
        "kandidaten.view_team",
    },
}
