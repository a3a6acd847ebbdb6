"""Permissions of each role on kwalificaties (collected by organisaties.rollen).

The qualification structure is reference data: the functioneel beheerder keeps it in
the admin; the other roles read it through the pages that use it. kwalificaties sits
beside organisaties and does not import it: the role is named by its value
(`organisaties.constants.Rol`); the collector refuses an unknown one.
"""

RECHTEN: dict[str, set[str]] = {
    "functioneel_beheerder": {
        f"kwalificaties.{actie}_{model}"
        for actie in ("view", "add", "change")
        for model in ("kwalificatie", "werkproces")
    },
}
