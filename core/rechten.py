"""Permissions of each role on what core's admin manages (collected by
organisaties.rollen): the functioneel beheerder switches scheduled tasks on or off and
keeps the public statements' texts current.

core is the ground floor and imports no app: the role is named by its value
(`organisaties.constants.Rol`); the collector refuses an unknown one.
"""

RECHTEN: dict[str, set[str]] = {
    "functioneel_beheerder": {
        "django_celery_beat.view_periodictask",
        "django_celery_beat.change_periodictask",
        "core.view_vastepagina",
        "core.change_vastepagina",
    },
}
