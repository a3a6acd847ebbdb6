import datetime

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from kandidaten.constants import Bron, Fase, Opleiding, Startkwalificatie, Uitkering
from kandidaten.models import Contactmoment, Kandidaat
from organisaties.constants import Rol
from tests.factories.namen import Naam
from tests.factories.organisaties import MedewerkerFactory, regio


class KandidaatFactory(DjangoModelFactory):
    voornaam = Naam("first_name")
    achternaam = Naam("last_name")
    geboortedatum = factory.Faker(
        "date_between",
        start_date=datetime.date(1965, 1, 1),
        end_date=datetime.date(2005, 1, 1),
    )
    postcode = "7511 AB"
    woonplaats = "Enschede"
    regio = factory.LazyFunction(regio)
    consulent = factory.SubFactory(MedewerkerFactory, rollen=[Rol.CONSULENT])
    organisatie = factory.LazyAttribute(lambda o: o.consulent.organisatie)
    toestemming_door = factory.SelfAttribute("consulent")
    toestemming_op = factory.LazyFunction(timezone.localdate)
    bron = Bron.GEMEENTE
    uitkering = Uitkering.PARTICIPATIEWET
    hoogste_opleiding = Opleiding.VMBO
    startkwalificatie = Startkwalificatie.GEEN

    class Meta:
        model = Kandidaat

    class Params:
        advies = factory.Trait(fase=Fase.ADVIES)
        geplaatst = factory.Trait(fase=Fase.GEPLAATST)
        lopend = factory.Trait(fase=Fase.LOPEND)
        afgerond = factory.Trait(fase=Fase.AFGEROND)
        uitgevallen = factory.Trait(fase=Fase.UITGEVALLEN)


class ContactmomentFactory(DjangoModelFactory):
    kandidaat = factory.SubFactory(KandidaatFactory)
    datum = factory.LazyFunction(timezone.localdate)
    soort = "gesprek"
    samenvatting = "Kennismaking"
    door = factory.SelfAttribute("kandidaat.consulent")

    class Meta:
        model = Contactmoment
