"""The keyring: every permission a role holds is checked somewhere, and the groups in
the database are exactly the declared matrix (also after a test database flush).

A codename counts as checked when the project's code names it outside the
declarations (`permission_required`, `has_perm("app.code")`, a rule in `regels.py`, a
view's `recht_nieuw`), when a template tests `perms.app.code`, or, for the functioneel
beheerder (the only role the admin lets in: `PlpvAdminSite.has_permission`), when
the admin asks for it on a model it shows.
"""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import RequestFactory

import pytest

from organisaties.constants import Rol
from organisaties.rollen import rechten_modules, rol_permissies

ROOT = Path(settings.BASE_DIR)
ADMIN_ROLLEN = {Rol.FUNCTIONEEL_BEHEERDER}
NIET_DOORZOEKEN = {".venv", "tests", "migrations", "node_modules", "static"}


def _bronnen(patroon: str) -> str:
    teksten = []
    for pad in ROOT.rglob(patroon):
        deel = pad.relative_to(ROOT).parts
        if NIET_DOORZOEKEN & set(deel) or pad.name == "rechten.py":
            continue
        teksten.append(pad.read_text(encoding="utf-8"))
    return "\n".join(teksten)


def _in_code(code: str, python: str, templates: str) -> bool:
    app_label, codename = code.split(".")
    return bool(
        re.search(rf"""["']{re.escape(code)}["']""", python)
        or re.search(
            rf"\bperms\.{re.escape(app_label)}\.{re.escape(codename)}\b", templates
        )
    )


class _AlleRechten:
    """A logged-in beheerder who holds every permission: what does the admin ask?"""

    is_active = is_authenticated = is_staff = True
    is_superuser = False
    pk = organisatie_id = None
    rollen = frozenset({Rol.FUNCTIONEEL_BEHEERDER})
    is_beheerder = True

    def has_perm(self, perm, obj=None):
        return True

    def has_perms(self, perms, obj=None):
        return True

    def has_module_perms(self, app_label):
        return True


def _admin_codes() -> set[str]:
    """The codenames the admin checks: per model it shows (and its inlines), each
    action whose `has_<action>_permission` may say yes."""
    request = RequestFactory().get("/beheer/")
    request.user = _AlleRechten()
    codes = set()
    for model, model_admin in admin.site._registry.items():
        beheerders = [(model, model_admin)] + [
            (inline.model, inline(model, admin.site)) for inline in model_admin.inlines
        ]
        for m, beheer in beheerders:
            opts = m._meta
            for actie in ("view", "add", "change", "delete"):
                methode = getattr(beheer, f"has_{actie}_permission")
                try:
                    ja = methode(request)
                except TypeError:  # inlines take the parent object too
                    ja = methode(request, None)
                if ja:
                    codes.add(f"{opts.app_label}.{actie}_{opts.model_name}")
    return codes


def test_every_codename_in_the_matrix_is_checked():
    python, templates = _bronnen("*.py"), _bronnen("*.html")
    in_admin = _admin_codes()
    ongecontroleerd = sorted(
        f"{rol}: {code}"
        for rol, codes in rol_permissies().items()
        for code in codes
        if not _in_code(code, python, templates)
        and not (rol in ADMIN_ROLLEN and code in in_admin)
    )
    assert ongecontroleerd == [], (
        "These permissions are in the role matrix, but no view, template, rule or "
        "(for the beheerder) admin page checks them: check them where the action is, "
        "or take them out of the app's rechten.py."
    )


def test_the_check_finds_an_unchecked_codename():
    python, templates = _bronnen("*.py"), _bronnen("*.html")
    assert _in_code("trajecten.change_traject", python, templates)
    assert not _in_code("trajecten.delete_traject", python, templates)
    assert not _in_code("verklaringen.delete_borging", python, templates)


def test_each_app_declares_only_its_own_permissions():
    projectapps = {
        app.label for app in apps.get_app_configs() if Path(app.path).parent == ROOT
    }
    for label, module in rechten_modules().items():
        for rol, codes in module.RECHTEN.items():
            assert rol in Rol.values, f"{label}.rechten: unknown role {rol!r}"
            for code in codes:
                app_label = code.split(".")[0]
                assert app_label == label or app_label not in projectapps, (
                    f"{label}.rechten declares {code}: declare it in "
                    f"{app_label}/rechten.py, next to its model"
                )


@pytest.mark.django_db
def test_every_codename_exists_and_the_groups_equal_the_matrix():
    matrix = rol_permissies()
    bestaand = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Permission.objects.select_related("content_type")
    }
    assert set().union(*matrix.values()) <= bestaand
    for rol in Rol:
        groep = Group.objects.get(name=rol.value)
        perms = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in groep.permissions.select_related("content_type")
        }
        assert perms == matrix[rol.value], rol


@pytest.mark.django_db(transaction=True)
def test_the_groups_come_back_after_a_flush():
    call_command("flush", interactive=False, verbosity=0)
    matrix = rol_permissies()
    for rol in Rol:
        perms = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in Group.objects.get(name=rol.value).permissions.select_related(
                "content_type"
            )
        }
        assert perms == matrix[rol.value], rol
