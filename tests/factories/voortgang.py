from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from organisaties.constants import Rol
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory
from voortgang.models import Aanwezigheid, GesprekActie, Voortgangsgesprek
from voortgang.weken import maandag


def lopende_plaatsing(*, opleider=None, consulent=None, weken: int = 6, **kwargs):
    """A placement of a lopend traject that began `weeks` weeks ago (on a Monday),
    with a praktijkopleider who has a login (`opleider`, else a new one)."""
    opleider = opleider or medewerker_met_rol(
        Rol.PRAKTIJKOPLEIDER, organisatie=OrganisatieFactory(leerbedrijf=True)
    )
    start = maandag(timezone.localdate()) - timedelta(weeks=weken)
    if "traject" not in kwargs:
        extra = {"kandidaat__consulent": consulent} if consulent else {}
        kwargs["traject"] = TrajectFactory(lopend=True, startdatum=start, **extra)
    return PlaatsingFactory(
        praktijkopleider__account=opleider, startdatum=start, **kwargs
    )


class AanwezigheidFactory(DjangoModelFactory):
    plaatsing = factory.SubFactory(PlaatsingFactory)
    week = factory.LazyAttribute(lambda o: maandag(o.plaatsing.startdatum))
    gepland_uren = factory.LazyAttribute(
        lambda o: Decimal(o.plaatsing.traject.uren_per_week)
    )
    gewerkt_uren = factory.SelfAttribute("gepland_uren")
    bevestigd_door = factory.SelfAttribute("plaatsing.praktijkopleider.account")
    bevestigd_op = factory.LazyFunction(timezone.now)

    class Meta:
        model = Aanwezigheid


class VoortgangsgesprekFactory(DjangoModelFactory):
    traject = factory.SubFactory(TrajectFactory, lopend=True)
    datum = factory.LazyFunction(timezone.localdate)
    goed_ging = "Op tijd, netjes gewerkt."
    vastgelegd_door = factory.SelfAttribute("traject.consulent")

    class Meta:
        model = Voortgangsgesprek


class GesprekActieFactory(DjangoModelFactory):
    gesprek = factory.SubFactory(VoortgangsgesprekFactory)
    omschrijving = "Rooster afstemmen"
    eigenaar = factory.SelfAttribute("gesprek.traject.consulent")
    uiterlijk_op = factory.LazyFunction(
        lambda: timezone.localdate() + timedelta(days=7)
    )

    class Meta:
        model = GesprekActie
