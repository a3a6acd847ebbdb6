from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

import pytest

from organisaties.constants import Rol
from organisaties.models import Arbeidsmarktregio, Organisatie
from organisaties.rollen import rol_permissies
from tests.factories.organisaties import MedewerkerFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db


def test_all_35_arbeidsmarktregios_are_loaded():
    assert Arbeidsmarktregio.objects.count() == 35
    assert Arbeidsmarktregio.objects.get(code="AM05").naam == "Twente"


def test_every_role_is_a_group_with_its_permissions():
    matrix = rol_permissies()
    for rol in Rol:
        groep = Group.objects.get(name=rol.value)
        perms = {
            f"{p.content_type.app_label}.{p.codename}" for p in groep.permissions.all()
        }
        assert perms == matrix[rol]


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234567a", "abcdefgh"])
def test_kvk_nummer_must_have_8_digits(kvk):
    organisatie = Organisatie(naam="X", type="gemeente", kvk_nummer=kvk)
    with pytest.raises(ValidationError) as exc:
        organisatie.full_clean()
    assert "8 cijfers" in str(exc.value.message_dict["kvk_nummer"])


@pytest.mark.parametrize("brin", ["25P", "ABCD", "25pz", "2PZ1"])
def test_brin_code_is_validated(brin):
    organisatie = Organisatie(naam="X", type="mbo_instelling", brin_code=brin)
    with pytest.raises(ValidationError) as exc:
        organisatie.full_clean()
    assert "BRIN-code" in str(exc.value.message_dict["brin_code"])


def test_database_rejects_invalid_kvk_nummer():
    with pytest.raises(IntegrityError), transaction.atomic():
        Organisatie.objects.create(naam="X", type="gemeente", kvk_nummer="12")


def test_kvk_nummer_is_unique_but_may_be_empty_many_times():
    OrganisatieFactory(kvk_nummer="12345678")
    OrganisatieFactory(kvk_nummer="")
    OrganisatieFactory(kvk_nummer="")
    dubbel = Organisatie(naam="Y", type="leerbedrijf", kvk_nummer="12345678")
    with pytest.raises(ValidationError) as exc:
        dubbel.full_clean()
    assert "al een organisatie met dit KvK-nummer" in str(exc.value)


def test_medewerker_needs_an_organisation_unless_superuser():
    with pytest.raises(IntegrityError), transaction.atomic():
        MedewerkerFactory(organisatie=None)
    assert MedewerkerFactory(superuser=True).organisatie is None
