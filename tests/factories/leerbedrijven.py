import datetime

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from kwalificaties.constants import Sector
from kwalificaties.models import Kwalificatie, Werkproces
from leerbedrijven.constants import (
    ContactmomentSoort,
    ErkenningStatus,
    LeerbedrijfStatus,
)
from leerbedrijven.models import (
    Contactmoment,
    Contactpersoon,
    Erkenning,
    Leerbaan,
    Leerbedrijf,
    Vestiging,
)
from organisaties.constants import Rol
from tests.factories.namen import Naam
from tests.factories.organisaties import MedewerkerFactory, OrganisatieFactory, regio


def kwalificatie(naam: str = "Entree") -> Kwalificatie:
    """A kwalificatie of the sample catalog the data migration loads."""
    return Kwalificatie.objects.filter(naam__startswith=naam).order_by("naam").first()


def werkprocessen(naam: str = "Entree") -> list[Werkproces]:
    return list(Werkproces.objects.van_kwalificatie(kwalificatie(naam)))


class LeerbedrijfFactory(DjangoModelFactory):
    organisatie = factory.SubFactory(
        OrganisatieFactory,
        leerbedrijf=True,
        naam=factory.Sequence(lambda n: f"Leerbedrijf {n}"),
    )
    regio = factory.LazyFunction(regio)
    sector = Sector.HORECA
    status = LeerbedrijfStatus.BENADERD

    class Meta:
        model = Leerbedrijf

    class Params:
        benaderd = factory.Trait(status=LeerbedrijfStatus.BENADERD)
        in_gesprek = factory.Trait(status=LeerbedrijfStatus.IN_GESPREK)
        akkoord = factory.Trait(status=LeerbedrijfStatus.AKKOORD)
        actief = factory.Trait(status=LeerbedrijfStatus.ACTIEF)
        gestopt = factory.Trait(status=LeerbedrijfStatus.GESTOPT)


class VestigingFactory(DjangoModelFactory):
    leerbedrijf = factory.SubFactory(LeerbedrijfFactory)
    straat = "Hengelosestraat"
    huisnummer = factory.Sequence(lambda n: str(n + 1))
    postcode = "7514 AE"
    plaats = "Enschede"

    class Meta:
        model = Vestiging


class ContactpersoonFactory(DjangoModelFactory):
    leerbedrijf = factory.SubFactory(LeerbedrijfFactory)
    naam = Naam("name")
    is_praktijkopleider = True

    class Meta:
        model = Contactpersoon


class ErkenningFactory(DjangoModelFactory):
    leerbedrijf = factory.SubFactory(LeerbedrijfFactory)
    kwalificatie = factory.LazyFunction(kwalificatie)
    status = ErkenningStatus.AANGEVRAAGD

    class Meta:
        model = Erkenning

    class Params:
        erkend = factory.Trait(
            status=ErkenningStatus.ERKEND,
            erkend_op=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=365)
            ),
            geldig_tot=factory.LazyFunction(
                lambda: timezone.localdate() + datetime.timedelta(days=3 * 365)
            ),
        )
        verloopt_binnenkort = factory.Trait(
            erkend=True,
            geldig_tot=factory.LazyFunction(
                lambda: timezone.localdate() + datetime.timedelta(days=30)
            ),
        )
        verlopen = factory.Trait(status=ErkenningStatus.VERLOPEN)
        ingetrokken = factory.Trait(status=ErkenningStatus.INGETROKKEN)


class LeerbaanFactory(DjangoModelFactory):
    leerbedrijf = factory.SubFactory(LeerbedrijfFactory)
    kwalificatie = factory.LazyFunction(kwalificatie)
    aantal = 1

    class Meta:
        model = Leerbaan

    class Params:
        gesloten = factory.Trait(open=False)


class ContactmomentFactory(DjangoModelFactory):
    leerbedrijf = factory.SubFactory(LeerbedrijfFactory)
    datum = factory.LazyFunction(timezone.localdate)
    soort = ContactmomentSoort.TELEFOON
    samenvatting = "Gebeld over een leerplek."
    door = factory.SubFactory(MedewerkerFactory, rollen=[Rol.CONSULENT])

    class Meta:
        model = Contactmoment
