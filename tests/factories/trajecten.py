import datetime

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from tests.factories.kandidaten import KandidaatFactory
from tests.factories.leerbedrijven import (
    ContactpersoonFactory,
    LeerbedrijfFactory,
    kwalificatie,
)
from tests.factories.organisaties import OrganisatieFactory
from trajecten.constants import Plaatsingstype, Regeling, TrajectStatus, UitvalReden
from trajecten.models import Financiering, Plaatsing, Traject


class TrajectFactory(DjangoModelFactory):
    kandidaat = factory.SubFactory(KandidaatFactory)
    kwalificatie = factory.LazyFunction(kwalificatie)
    mbo_instelling = factory.SubFactory(OrganisatieFactory, mbo=True)
    consulent = factory.SelfAttribute("kandidaat.consulent")
    startdatum = factory.LazyFunction(timezone.localdate)
    geplande_einddatum = factory.LazyAttribute(
        lambda o: o.startdatum + datetime.timedelta(days=270)
    )
    uren_per_week = 24
    plaatsingstype = Plaatsingstype.DUURZAAM

    class Meta:
        model = Traject
        skip_postgeneration_save = True

    class Params:
        plaatsing_voorbereid = factory.Trait(status=TrajectStatus.PLAATSING_VOORBEREID)
        getekend = factory.Trait(status=TrajectStatus.OVEREENKOMSTEN_GETEKEND)
        lopend = factory.Trait(status=TrajectStatus.LOPEND)
        beoordeeld = factory.Trait(status=TrajectStatus.BEOORDEELD)
        verklaring_uitgereikt = factory.Trait(
            status=TrajectStatus.VERKLARING_UITGEREIKT
        )
        nazorg = factory.Trait(status=TrajectStatus.NAZORG)
        afgesloten = factory.Trait(
            status=TrajectStatus.AFGESLOTEN,
            einddatum=factory.LazyFunction(timezone.localdate),
        )
        uitgevallen = factory.Trait(
            status=TrajectStatus.UITGEVALLEN,
            uitval_reden=UitvalReden.MOTIVATIE,
            einddatum=factory.LazyFunction(timezone.localdate),
        )

    @factory.post_generation
    def werkprocessen(self, create, extracted, **kwargs):
        if create:
            from kwalificaties.models import Werkproces

            self.werkprocessen.set(
                extracted
                if extracted is not None
                else Werkproces.objects.van_kwalificatie(self.kwalificatie)
            )


class PlaatsingFactory(DjangoModelFactory):
    traject = factory.SubFactory(TrajectFactory)
    leerbedrijf = factory.SubFactory(LeerbedrijfFactory)
    praktijkopleider = factory.SubFactory(
        ContactpersoonFactory, leerbedrijf=factory.SelfAttribute("..leerbedrijf")
    )
    startdatum = factory.SelfAttribute("traject.startdatum")
    einddatum = factory.SelfAttribute("traject.geplande_einddatum")

    class Meta:
        model = Plaatsing


class FinancieringFactory(DjangoModelFactory):
    traject = factory.SubFactory(TrajectFactory)
    regeling = Regeling.PERSPECTIEF_OP_WERK
    bedrag_mbo = 1500
    bedrag_werkgever = 2700

    class Meta:
        model = Financiering
