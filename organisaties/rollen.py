"""Roles as Django groups, with their permissions from `constants.ROL_PERMISSIES`."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from .constants import ROL_PERMISSIES, Rol


def rollen_synchroniseren() -> None:
    """Create a group per role and give it exactly the permissions listed for it.

    Runs after every `migrate` (post_migrate), so permissions of apps added later
    reach the groups without a hand-written data migration per app.
    """
    for rol in Rol:
        groep, _ = Group.objects.get_or_create(name=rol.value)
        q = Q(pk__in=[])
        for naam in ROL_PERMISSIES.get(rol, set()):
            app_label, codename = naam.split(".")
            q |= Q(content_type__app_label=app_label, codename=codename)
        groep.permissions.set(Permission.objects.filter(q))
