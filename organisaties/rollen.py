"""Roles as Django groups: the role matrix, collected from every app's `rechten.py`.

The keyring has two parts:
- **Permissions** ("may a consulent add trajecten at all?"): each app declares, next to
  its own models, which permission codenames of its own app each role holds, in
  `<app>/rechten.py` as `RECHTEN = {Rol.X: {"app.codename", ...}}`. This module
  collects them (`rol_permissies`) and gives every role's group exactly those
  (`rollen_synchroniseren`, after every migrate and every test database flush).
  organisaties does not import the higher apps: it finds their modules by name, as
  the admin finds `admin.py`.
- **Object rules** ("may this user borgen this traject?"): plain functions in
  `<app>/regels.py`, used by views, templates and services alike; a rule checks the
  permission first, then the user's relation to the object.

Every codename in the matrix is checked by a view, a template, a rule or the admin:
tests/portal/test_rechten.py fails for one that nothing checks.
"""

from functools import cache
from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.utils.module_loading import module_has_submodule

from .constants import Rol

MODULE = "rechten"


def rechten_modules() -> dict[str, object]:
    """The `rechten` module of every installed app that has one, by app label."""
    return {
        app.label: import_module(f"{app.name}.{MODULE}")
        for app in apps.get_app_configs()
        if module_has_submodule(app.module, MODULE)
    }


def rol_permissies() -> dict[str, frozenset[str]]:
    """The role matrix: per role value, every app's declared "app_label.codename"."""
    matrix: dict[str, set[str]] = {rol.value: set() for rol in Rol}
    for label, module in rechten_modules().items():
        for rol, codenames in module.RECHTEN.items():
            if rol not in matrix:
                raise ValueError(f"{label}.rechten names an unknown role: {rol!r}")
            matrix[rol] |= set(codenames)
    return {rol: frozenset(codenames) for rol, codenames in matrix.items()}


@cache
def _matrix() -> dict[str, frozenset[str]]:
    return rol_permissies()


@cache
def rechten_van_rollen(rollen: frozenset[str]) -> frozenset[str]:
    """Every "app_label.codename" the roles `rollen` hold together (kept per process:
    the matrix is code)."""
    matrix = _matrix()
    return frozenset().union(*(matrix.get(rol, frozenset()) for rol in rollen))


def rollen_synchroniseren() -> None:
    """Create a group per role and give it exactly the permissions listed for it.

    Runs after every `migrate` (post_migrate), so permissions of apps added later
    reach the groups without a hand-written data migration per app.
    """
    matrix = rol_permissies()
    for rol in Rol:
        groep, _ = Group.objects.get_or_create(name=rol.value)
        q = Q(pk__in=[])
        for naam in matrix[rol.value]:
            app_label, codename = naam.split(".")
            q |= Q(content_type__app_label=app_label, codename=codename)
        groep.permissions.set(Permission.objects.filter(q))
