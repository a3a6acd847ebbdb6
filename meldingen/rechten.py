"""Permissions of each role on meldingen (collected by organisaties.rollen).

The functioneel beheerder switches reminder rules on or off in the admin. meldingen is
on the ground floor, below organisaties: the role is named by its value
(`organisaties.constants.Rol`); the collector refuses an unknown one.
"""

RECHTEN: dict[str, set[str]] = {
    "functioneel_beheerder": {
        "meldingen.view_herinnering",
        "meldingen.change_herinnering",
    },
}
