"""One world for the API tests: a case in Twente that every role fixture is linked to
(the candidate of the consulent and jobcoach, the traject at the praktijkopleider's
company and the mbo-medewerker's school, its verklaring, the leerbedrijf), and the
same in another region (AM01), which none of them may see."""

from dataclasses import dataclass

from django.core.cache import cache
from django.test import Client
from django.utils import timezone

import pytest

from organisaties.constants import Rol
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.leerbedrijven import ContactpersoonFactory, LeerbedrijfFactory
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory
from verklaringen.models import Praktijkverklaring

ANDERE_REGIO = "AM01"


@dataclass
class Zaak:
    kandidaat: object
    traject: object
    leerbedrijf: object
    verklaring: object


def _verklaring(traject, door, nummer):
    vandaag = timezone.localdate()
    v = Praktijkverklaring.objects.create(
        traject=traject,
        mbo_instelling=traject.mbo_instelling,
        jaar=vandaag.year,
        volgnummer=nummer,
        nummer=f"PV-{nummer}",
        code=f"CODE{nummer}",
        verificatie_url=f"https://plpv.example.nl/verificatie/CODE{nummer}/",
        periode_van=traject.startdatum,
        periode_tot=vandaag,
        uitgereikt_op=vandaag,
        plaats="Enschede",
        uitgereikt_door=door,
    )
    v.werkprocessen.set(traject.werkprocessen.all())
    return v


def _zaak(*, consulent, jobcoach, mbo, opleider_org, opleider, regio_, nummer):
    kandidaat = KandidaatFactory(consulent=consulent, jobcoach=jobcoach, regio=regio_)
    traject = TrajectFactory(
        kandidaat=kandidaat, jobcoach=jobcoach, mbo_instelling=mbo, lopend=True
    )
    leerbedrijf = LeerbedrijfFactory(organisatie=opleider_org, regio=regio_)
    PlaatsingFactory(
        traject=traject,
        leerbedrijf=leerbedrijf,
        praktijkopleider=ContactpersoonFactory(
            leerbedrijf=leerbedrijf, account=opleider
        ),
    )
    return Zaak(
        kandidaat, traject, leerbedrijf, _verklaring(traject, consulent, nummer)
    )


@pytest.fixture
def rollen(
    consulent, jobcoach, praktijkopleider, mbo_medewerker, coordinator, beheerder
):
    return {
        "consulent": consulent,
        "jobcoach": jobcoach,
        "praktijkopleider": praktijkopleider,
        "mbo_medewerker": mbo_medewerker,
        "coordinator": coordinator,
        "beheerder": beheerder,
    }


@pytest.fixture
def hier(rollen):
    r = rollen
    return _zaak(
        consulent=r["consulent"],
        jobcoach=r["jobcoach"],
        mbo=r["mbo_medewerker"].organisatie,
        opleider_org=r["praktijkopleider"].organisatie,
        opleider=r["praktijkopleider"],
        regio_=regio(),
        nummer=1,
    )


@pytest.fixture
def elders(db):
    andere = regio(ANDERE_REGIO)
    gemeente = OrganisatieFactory(regios=[andere])
    opleider_org = OrganisatieFactory(leerbedrijf=True, regios=[andere])
    return _zaak(
        consulent=medewerker_met_rol(Rol.CONSULENT, organisatie=gemeente),
        jobcoach=medewerker_met_rol(Rol.JOBCOACH, organisatie=gemeente),
        mbo=OrganisatieFactory(mbo=True, regios=[andere]),
        opleider_org=opleider_org,
        opleider=medewerker_met_rol(Rol.PRAKTIJKOPLEIDER, organisatie=opleider_org),
        regio_=andere,
        nummer=2,
    )


@pytest.fixture(autouse=True)
def lege_cache():
    cache.clear()  # the rate limit counts in the cache
    yield
    cache.clear()


@pytest.fixture
def api():
    """A browser-like client: the session, with the CSRF check on."""
    return Client(enforce_csrf_checks=True)
