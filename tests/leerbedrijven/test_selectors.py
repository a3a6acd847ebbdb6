"""Scoping and the selectors the list, detail and matching build on."""

import datetime

from django.utils import timezone

import pytest

from leerbedrijven.constants import ErkenningStatus
from leerbedrijven.selectors import leerbedrijf_list, leerbedrijven_erkend_voor
from organisaties.constants import Rol
from tests.factories.leerbedrijven import (
    ContactpersoonFactory,
    ErkenningFactory,
    LeerbaanFactory,
    LeerbedrijfFactory,
    kwalificatie,
)
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "rol",
    [
        Rol.CONSULENT,
        Rol.JOBCOACH,
        Rol.MBO_MEDEWERKER,
        Rol.REGIOCOORDINATOR,
        Rol.FUNCTIONEEL_BEHEERDER,
    ],
)
def test_every_role_but_praktijkopleider_sees_all_leerbedrijven_of_its_region(rol):
    gebruiker = medewerker_met_rol(rol)
    twente = LeerbedrijfFactory.create_batch(2)
    LeerbedrijfFactory(regio=regio("AM01"), organisatie__regios=[regio("AM01")])

    assert set(leerbedrijf_list(user=gebruiker)) == set(twente)


def test_praktijkopleider_sees_only_own_company(praktijkopleider):
    eigen = LeerbedrijfFactory(organisatie=praktijkopleider.organisatie)
    LeerbedrijfFactory()

    assert list(leerbedrijf_list(user=praktijkopleider)) == [eigen]


def test_praktijkopleider_linked_as_contactpersoon_sees_that_company_in_other_region(
    praktijkopleider,
):
    elders = LeerbedrijfFactory(
        regio=regio("AM01"), organisatie__regios=[regio("AM01")]
    )
    assert not leerbedrijf_list(user=praktijkopleider).exists()

    ContactpersoonFactory(leerbedrijf=elders, account=praktijkopleider)

    assert list(leerbedrijf_list(user=praktijkopleider)) == [elders]


def test_leerbedrijf_list_counts_open_places_and_valid_erkenningen(consulent):
    leerbedrijf = LeerbedrijfFactory()
    LeerbaanFactory(leerbedrijf=leerbedrijf, aantal=2)
    LeerbaanFactory(leerbedrijf=leerbedrijf, aantal=3)
    LeerbaanFactory(leerbedrijf=leerbedrijf, aantal=5, gesloten=True)
    ErkenningFactory(leerbedrijf=leerbedrijf, erkend=True)
    ErkenningFactory(
        leerbedrijf=leerbedrijf, kwalificatie=kwalificatie("Medewerker teelt")
    )
    ErkenningFactory(
        leerbedrijf=leerbedrijf,
        kwalificatie=kwalificatie("Medewerker veehouderij"),
        verloopt_binnenkort=True,
    )

    rij = leerbedrijf_list(user=consulent).get()

    assert rij.aantal_open_leerbanen == 2
    assert rij.aantal_open_plaatsen == 5
    assert rij.aantal_erkend == 2
    assert rij.aantal_verloopt_binnenkort == 1


def test_leerbedrijven_erkend_voor_only_valid_erkend_and_visible(consulent):
    entree = kwalificatie("Entree")
    erkend = ErkenningFactory(kwalificatie=entree, erkend=True).leerbedrijf
    ErkenningFactory(kwalificatie=entree)  # only aangevraagd
    ErkenningFactory(kwalificatie=entree, verlopen=True)
    ErkenningFactory(kwalificatie=kwalificatie("Medewerker teelt"), erkend=True)
    ErkenningFactory(  # still marked erkend, but past its date
        kwalificatie=entree,
        status=ErkenningStatus.ERKEND,
        erkend_op=datetime.date(2020, 1, 1),
        geldig_tot=timezone.localdate() - datetime.timedelta(days=1),
    )
    ErkenningFactory(  # another region
        kwalificatie=entree,
        erkend=True,
        leerbedrijf__regio=regio("AM01"),
        leerbedrijf__organisatie=OrganisatieFactory(
            leerbedrijf=True, regios=[regio("AM01")]
        ),
    )

    assert list(leerbedrijven_erkend_voor(user=consulent, kwalificatie=entree)) == [
        erkend
    ]
