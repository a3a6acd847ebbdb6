"""The portal's backend answers permission checks from the role matrix, with the same
answer as Django's ModelBackend gives from the roles' groups in the database, and
without asking the database."""

from django.contrib.auth.backends import ModelBackend

import pytest

from organisaties.backends import MedewerkerBackend
from organisaties.constants import Rol
from organisaties.models import Medewerker
from tests.factories.organisaties import MedewerkerFactory


def _vers(gebruiker) -> Medewerker:
    """The user as a request loads it (organisation and roles in one go)."""
    return MedewerkerBackend().get_user(gebruiker.pk)


@pytest.mark.parametrize("rol", Rol.values)
def test_every_role_holds_what_its_group_holds(db, rol):
    gebruiker = MedewerkerFactory(rollen=[rol])
    uit_database = ModelBackend().get_all_permissions(
        Medewerker.objects.get(pk=gebruiker.pk)
    )
    assert uit_database  # every role may do something
    assert MedewerkerBackend().get_all_permissions(_vers(gebruiker)) == uit_database


def test_several_roles_hold_the_union(db):
    gebruiker = MedewerkerFactory(rollen=[Rol.CONSULENT, Rol.MBO_MEDEWERKER])
    uit_database = ModelBackend().get_all_permissions(
        Medewerker.objects.get(pk=gebruiker.pk)
    )
    assert MedewerkerBackend().get_all_permissions(_vers(gebruiker)) == uit_database


def test_permission_checks_ask_the_database_nothing(db, django_assert_num_queries):
    gebruiker = _vers(MedewerkerFactory(rollen=[Rol.CONSULENT]))
    with django_assert_num_queries(0):
        assert gebruiker.has_perm("kandidaten.view_kandidaat")
        assert not gebruiker.has_perm("organisaties.change_organisatie")
        assert gebruiker.has_module_perms("kandidaten")


def test_no_roles_no_permissions_and_inactive_none(db):
    zonder = _vers(MedewerkerFactory(rollen=[]))
    assert not zonder.has_perm("kandidaten.view_kandidaat")
    inactief = MedewerkerFactory(rollen=[Rol.CONSULENT], is_active=False)
    assert not Medewerker.objects.get(pk=inactief.pk).has_perm(
        "kandidaten.view_kandidaat"
    )


def test_a_role_taken_away_is_gone_on_the_next_request(db):
    gebruiker = MedewerkerFactory(rollen=[Rol.CONSULENT])
    assert _vers(gebruiker).has_perm("kandidaten.view_kandidaat")
    gebruiker.groups.clear()
    assert not _vers(gebruiker).has_perm("kandidaten.view_kandidaat")


def test_the_roles_are_read_only_in_the_admin(app, superuser):
    """What a role may do is code: the admin shows a role's permissions, changes none."""
    from django.contrib.auth.models import Group

    from tests.formulieren import posten

    groep = Group.objects.get(name=Rol.CONSULENT)
    url = f"/beheer/auth/group/{groep.pk}/change/"
    pagina = app.get(url, user=superuser)
    assert "groep weergeven" in pagina.text  # shown, not offered to change
    assert not [
        f
        for f in pagina.forms.values()
        if f.method.lower() == "post" and "_save" in f.fields
    ]
    voor = set(groep.permissions.values_list("pk", flat=True))
    posten(
        app, url, {"name": "consulent", "permissions": []}, user=superuser, status=403
    )
    assert set(groep.permissions.values_list("pk", flat=True)) == voor
    app.get("/beheer/auth/group/add/", user=superuser, status=403)
