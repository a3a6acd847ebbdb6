"""The scoping rule: an object outside the user's region or organisation is a 404."""

from django.urls import reverse

import pytest

from organisaties.constants import Rol
from organisaties.models import Medewerker, Organisatie
from tests.factories.organisaties import (
    MedewerkerFactory,
    OrganisatieFactory,
    medewerker_met_rol,
    regio,
)

pytestmark = pytest.mark.django_db


def detail(medewerker):
    return reverse("organisaties:medewerker_detail", args=[medewerker.pk])


def test_consulent_gets_404_for_medewerker_of_other_organisation_in_same_region(
    client, consulent
):
    collega = MedewerkerFactory(organisatie=consulent.organisatie)
    ander = MedewerkerFactory(organisatie=OrganisatieFactory(uwv=True))
    client.force_login(consulent)

    assert client.get(detail(collega)).status_code == 200
    assert client.get(detail(ander)).status_code == 404


def test_user_of_region_a_gets_404_for_organisatie_of_region_b(client, consulent):
    in_twente = OrganisatieFactory(regios=[regio("AM05")])
    in_groningen = OrganisatieFactory(regios=[regio("AM01")])
    client.force_login(consulent)

    url = "organisaties:organisatie_detail"
    assert client.get(reverse(url, args=[in_twente.pk])).status_code == 200
    assert client.get(reverse(url, args=[in_groningen.pk])).status_code == 404


def test_coordinator_sees_whole_region_but_not_other_region(client, coordinator):
    zelfde_regio = MedewerkerFactory(organisatie=OrganisatieFactory(uwv=True))
    andere_regio = MedewerkerFactory(
        organisatie=OrganisatieFactory(regios=[regio("AM01")])
    )
    client.force_login(coordinator)

    assert client.get(detail(zelfde_regio)).status_code == 200
    assert client.get(detail(andere_regio)).status_code == 404


def test_consulent_of_other_region_gets_404_for_medewerker_of_own_organisation_type(
    client, consulent
):
    # Same kind of organisation, other region: still out of scope.
    elders = MedewerkerFactory(organisatie=OrganisatieFactory(regios=[regio("AM01")]))
    client.force_login(consulent)
    assert client.get(detail(elders)).status_code == 404


def test_praktijkopleider_sees_only_himself(praktijkopleider):
    MedewerkerFactory(organisatie=praktijkopleider.organisatie)
    zichtbaar = Medewerker.objects.zichtbaar_voor(praktijkopleider)
    assert list(zichtbaar) == [praktijkopleider]


def test_organisation_in_two_regions_is_listed_once(consulent):
    OrganisatieFactory(naam="Breed", regios=[regio("AM05"), regio("AM01")])
    consulent.organisatie.regios.add(regio("AM01"))
    namen = list(
        Organisatie.objects.zichtbaar_voor(consulent).values_list("naam", flat=True)
    )
    assert namen.count("Breed") == 1


def test_superuser_sees_everything(superuser):
    OrganisatieFactory(regios=[regio("AM01")])
    OrganisatieFactory(regios=[regio("AM05")])
    assert (
        Organisatie.objects.zichtbaar_voor(superuser).count()
        == Organisatie.objects.count()
    )


def test_user_without_role_sees_nothing_but_himself(db):
    zonder_rol = MedewerkerFactory()
    MedewerkerFactory(organisatie=zonder_rol.organisatie)
    assert list(Medewerker.objects.zichtbaar_voor(zonder_rol)) == [zonder_rol]
    assert not Organisatie.objects.zichtbaar_voor(zonder_rol).exists()


def test_inactive_user_sees_nothing(consulent):
    consulent.is_active = False
    assert not Organisatie.objects.zichtbaar_voor(consulent).exists()


@pytest.mark.parametrize("rol", [Rol.CONSULENT, Rol.JOBCOACH, Rol.MBO_MEDEWERKER])
def test_organisation_roles_see_own_organisation_only(rol):
    gebruiker = medewerker_met_rol(rol)
    collega = MedewerkerFactory(organisatie=gebruiker.organisatie)
    MedewerkerFactory(organisatie=OrganisatieFactory())
    assert set(Medewerker.objects.zichtbaar_voor(gebruiker)) == {gebruiker, collega}


def test_organisatie_list_query_count_does_not_grow_with_rows(
    client, consulent, django_assert_max_num_queries
):
    client.force_login(consulent)
    OrganisatieFactory.create_batch(3)
    with django_assert_max_num_queries(13) as drie:
        client.get(reverse("organisaties:organisatie_list"))
    OrganisatieFactory.create_batch(20)
    with django_assert_max_num_queries(len(drie.captured_queries)):
        response = client.get(reverse("organisaties:organisatie_list"))
    assert len(response.context["object_list"]) == 24  # one page of 25 is not full

    csv = client.get(reverse("organisaties:organisatie_list"), {"export": "csv"})
    regels = csv.content.decode().splitlines()
    assert regels[0] == "\ufeffNaam;Soort;Regio's;KvK-nummer;BRIN-code;Medewerkers"
    assert len(regels) == 25


def test_medewerker_list_query_count_does_not_grow_with_rows(
    client, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)
    MedewerkerFactory.create_batch(3, rollen=[Rol.CONSULENT])
    with django_assert_max_num_queries(13) as drie:
        client.get(reverse("organisaties:medewerker_list"))
    MedewerkerFactory.create_batch(27, rollen=[Rol.JOBCOACH])
    with django_assert_max_num_queries(len(drie.captured_queries)):
        response = client.get(reverse("organisaties:medewerker_list"))
    assert len(response.context["object_list"]) == 31
