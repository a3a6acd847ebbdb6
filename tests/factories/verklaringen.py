from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from organisaties.constants import Rol
from tests.factories.leerbedrijven import werkprocessen
from tests.factories.organisaties import medewerker_met_rol
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory
from verklaringen.constants import ObservatieSoort
from verklaringen.models import Gedragsvoorbeeld, Observatie, Ontwikkeldoel


class GedragsvoorbeeldFactory(DjangoModelFactory):
    werkproces = factory.LazyFunction(lambda: werkprocessen()[0])
    tekst = factory.Sequence(lambda n: f"Doet stap {n} goed.")
    volgorde = factory.Sequence(int)

    class Meta:
        model = Gedragsvoorbeeld


class ObservatieFactory(DjangoModelFactory):
    traject = factory.SubFactory(TrajectFactory, lopend=True)
    datum = factory.LazyFunction(timezone.localdate)
    soort = ObservatieSoort.TUSSENRESULTAAT
    door = factory.SelfAttribute("traject.consulent")

    class Meta:
        model = Observatie

    class Params:
        nulmeting = factory.Trait(soort=ObservatieSoort.NULMETING)


class OntwikkeldoelFactory(DjangoModelFactory):
    traject = factory.SubFactory(TrajectFactory, lopend=True)
    werkproces = factory.LazyAttribute(lambda o: o.traject.werkprocessen.first())
    doel = "Zelf de werkplek klaarzetten."
    afgesproken_op = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = Ontwikkeldoel


def traject_met_opleider(**traject_kwargs):
    """A traject (default lopend) with one placement whose praktijkopleider has an
    account; returns (traject, opleider_account)."""
    traject_kwargs.setdefault("lopend", True)
    traject = TrajectFactory(**traject_kwargs)
    plaatsing = PlaatsingFactory(traject=traject)
    account = medewerker_met_rol(
        Rol.PRAKTIJKOPLEIDER, organisatie=plaatsing.leerbedrijf.organisatie
    )
    plaatsing.praktijkopleider.account = account
    plaatsing.praktijkopleider.save()
    return traject, account
