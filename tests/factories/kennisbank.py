import datetime

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from kennisbank.constants import Soort
from kennisbank.models import Item, Tag
from tests.factories.organisaties import OrganisatieFactory, regio


class TagFactory(DjangoModelFactory):
    naam = factory.Sequence(lambda n: f"trefwoord {n}")
    slug = factory.Sequence(lambda n: f"trefwoord-{n}")

    class Meta:
        model = Tag
        django_get_or_create = ["naam"]


class ItemFactory(DjangoModelFactory):
    """A national instrument by default; `regionaal` puts it in Twente."""

    soort = Soort.INSTRUMENT
    titel = factory.Sequence(lambda n: f"Kennisitem {n}")
    slug = factory.Sequence(lambda n: f"kennisitem-{n}")
    samenvatting = "Een korte uitleg in eenvoudige taal."
    body = "<p>Meer uitleg.</p>"
    eigenaar = factory.SubFactory(OrganisatieFactory)
    regio = None
    laatst_gecontroleerd_op = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = Item
        skip_postgeneration_save = True

    class Params:
        regionaal = factory.Trait(regio=factory.LazyFunction(regio))
        regeling = factory.Trait(
            soort=Soort.REGELING, max_duur_maanden=9, max_bedrag=2700
        )
        vraag = factory.Trait(soort=Soort.VRAAG)
        verouderd = factory.Trait(
            laatst_gecontroleerd_op=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=400)
            )
        )

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)
