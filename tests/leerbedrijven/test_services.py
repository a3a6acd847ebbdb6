"""Services: creating, editing (optimistic locking) and every status move."""

from django.core.exceptions import ValidationError

import pytest

from core.workflow import TransitionNotAllowed
from kwalificaties.constants import Sector
from leerbedrijven.constants import (
    TRANSITIONS,
    LeerbedrijfSoort,
    LeerbedrijfStatus,
)
from leerbedrijven.models import Leerbedrijf, LeerbedrijfStatuswijziging
from leerbedrijven.services import (
    leerbedrijf_create,
    leerbedrijf_status_wijzigen,
    leerbedrijf_update,
    vestiging_opslaan,
)
from organisaties.constants import OrganisatieType
from organisaties.models import Organisatie
from tests.factories.leerbedrijven import LeerbedrijfFactory, werkprocessen
from tests.factories.organisaties import regio

pytestmark = pytest.mark.django_db

S = LeerbedrijfStatus
TOEGESTAAN = [(van, naar) for van, naars in TRANSITIONS.items() for naar in naars]
VERBODEN = [
    (van, naar) for van in S.values for naar in S.values if naar not in TRANSITIONS[van]
]


def _nieuw(consulent, **kwargs):
    velden = {
        "door": consulent,
        "naam": "Bakkerij Test",
        "kvk_nummer": "12345678",
        "regio": regio(),
        "sector": Sector.HORECA,
    }
    return leerbedrijf_create(**{**velden, **kwargs})


def test_leerbedrijf_create_makes_organisatie_profile_and_first_history_row(
    consulent,
):
    leerbedrijf = _nieuw(consulent, werkprocessen=werkprocessen("Entree"))

    organisatie = leerbedrijf.organisatie
    assert organisatie.naam == "Bakkerij Test"
    assert organisatie.kvk_nummer == "12345678"
    assert organisatie.type == OrganisatieType.LEERBEDRIJF
    assert list(organisatie.regios.all()) == [regio()]
    assert leerbedrijf.status == S.BENADERD
    assert leerbedrijf.werkprocessen.count() == 3
    wijziging = leerbedrijf.statuswijzigingen.get()
    assert (wijziging.van, wijziging.naar, wijziging.door) == (
        "",
        S.BENADERD,
        consulent,
    )


@pytest.mark.parametrize(
    "soort", [LeerbedrijfSoort.ONTWIKKELBEDRIJF, LeerbedrijfSoort.SW_BEDRIJF]
)
def test_leerbedrijf_create_registers_ontwikkelbedrijf_type(consulent, soort):
    leerbedrijf = _nieuw(consulent, soort=soort)
    assert leerbedrijf.organisatie.type == OrganisatieType.ONTWIKKELBEDRIJF


def test_leerbedrijf_create_refuses_invalid_kvk_and_saves_nothing(consulent):
    with pytest.raises(ValidationError) as fout:
        _nieuw(consulent, kvk_nummer="1234")
    assert "8 cijfers" in str(fout.value)
    assert not Organisatie.objects.filter(naam="Bakkerij Test").exists()
    assert not Leerbedrijf.objects.exists()


@pytest.mark.parametrize(("van", "naar"), TOEGESTAAN)
def test_leerbedrijf_status_wijzigen_allows_move_and_logs_it(consulent, van, naar):
    leerbedrijf = LeerbedrijfFactory(status=van)
    versie = leerbedrijf.versie

    leerbedrijf_status_wijzigen(
        leerbedrijf=leerbedrijf, naar=naar, door=consulent, reden="Gesprek gehad"
    )

    leerbedrijf.refresh_from_db()
    assert leerbedrijf.status == naar
    assert leerbedrijf.versie == versie + 1
    wijziging = LeerbedrijfStatuswijziging.objects.get(leerbedrijf=leerbedrijf)
    assert (wijziging.van, wijziging.naar, wijziging.door, wijziging.reden) == (
        van,
        naar,
        consulent,
        "Gesprek gehad",
    )


@pytest.mark.parametrize(("van", "naar"), VERBODEN)
def test_leerbedrijf_status_wijzigen_refuses_forbidden_move(consulent, van, naar):
    leerbedrijf = LeerbedrijfFactory(status=van)

    with pytest.raises(TransitionNotAllowed) as fout:
        leerbedrijf_status_wijzigen(leerbedrijf=leerbedrijf, naar=naar, door=consulent)

    assert str(fout.value) == (
        f"Van '{S(van).label}' kan een leerbedrijf niet naar '{S(naar).label}'."
    )
    leerbedrijf.refresh_from_db()
    assert leerbedrijf.status == van
    assert not LeerbedrijfStatuswijziging.objects.exists()


def test_leerbedrijf_status_wijzigen_checks_the_stored_status_not_a_stale_copy(
    consulent,
):
    leerbedrijf = LeerbedrijfFactory(benaderd=True)
    verouderd = Leerbedrijf.objects.get(pk=leerbedrijf.pk)
    leerbedrijf_status_wijzigen(leerbedrijf=leerbedrijf, naar=S.GESTOPT, door=consulent)

    # The stale copy still says BENADERD, but the row is GESTOPT: IN_GESPREK is refused.
    with pytest.raises(TransitionNotAllowed):
        leerbedrijf_status_wijzigen(
            leerbedrijf=verouderd, naar=S.IN_GESPREK, door=consulent
        )


def _wijzig(leerbedrijf, consulent, versie, **kwargs):
    velden = {
        "leerbedrijf": leerbedrijf,
        "door": consulent,
        "versie": versie,
        "naam": "Nieuwe naam",
        "kvk_nummer": leerbedrijf.organisatie.kvk_nummer,
        "regio": regio(),
        "sector": Sector.GROEN,
        "soort": LeerbedrijfSoort.REGULIER,
        "biedt_springplank": True,
        "biedt_duurzaam": False,
        "baancreatie": "geen",
        "werkprocessen": [],
    }
    return leerbedrijf_update(**{**velden, **kwargs})


def test_leerbedrijf_update_saves_profile_and_organisation_and_bumps_version(
    consulent,
):
    leerbedrijf = LeerbedrijfFactory()
    _wijzig(leerbedrijf, consulent, leerbedrijf.versie)

    leerbedrijf.refresh_from_db()
    assert leerbedrijf.sector == Sector.GROEN
    assert leerbedrijf.biedt_springplank
    assert leerbedrijf.versie == 2
    assert leerbedrijf.organisatie.naam == "Nieuwe naam"


def test_leerbedrijf_update_refuses_stale_version_and_saves_nothing(consulent):
    leerbedrijf = LeerbedrijfFactory(organisatie__naam="Oude naam")
    oud = leerbedrijf.versie
    # A colleague saved in the meantime.
    _wijzig(Leerbedrijf.objects.get(pk=leerbedrijf.pk), consulent, oud, naam="Collega")

    with pytest.raises(ValidationError) as fout:
        _wijzig(
            Leerbedrijf.objects.get(pk=leerbedrijf.pk),
            consulent,
            oud,
            naam="Mijn naam",
            sector=Sector.BOUW,
        )

    assert "Iemand anders heeft deze gegevens net gewijzigd" in str(fout.value)
    leerbedrijf.refresh_from_db()
    assert leerbedrijf.organisatie.naam == "Collega"
    assert leerbedrijf.sector == Sector.GROEN
    assert leerbedrijf.versie == oud + 1


def test_status_change_makes_an_open_edit_form_stale(consulent):
    leerbedrijf = LeerbedrijfFactory()
    getoond = leerbedrijf.versie
    leerbedrijf_status_wijzigen(
        leerbedrijf=Leerbedrijf.objects.get(pk=leerbedrijf.pk),
        naar=S.IN_GESPREK,
        door=consulent,
    )
    with pytest.raises(ValidationError):
        _wijzig(Leerbedrijf.objects.get(pk=leerbedrijf.pk), consulent, getoond)
    assert Leerbedrijf.objects.get(pk=leerbedrijf.pk).status == S.IN_GESPREK


def test_vestiging_opslaan_stores_normalised_postcode():
    vestiging = vestiging_opslaan(
        leerbedrijf=LeerbedrijfFactory(),
        straat="Markt",
        huisnummer="1",
        postcode="7511ab",
        plaats="Enschede",
    )
    vestiging.refresh_from_db()
    assert vestiging.postcode == "7511 AB"
