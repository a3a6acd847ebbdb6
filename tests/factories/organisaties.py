import factory
from factory.django import DjangoModelFactory

from organisaties.constants import OrganisatieType, Rol
from organisaties.models import Arbeidsmarktregio, Medewerker, Organisatie
from organisaties.services import medewerker_rollen_zetten
from tests.factories.namen import Naam


def regio(code: str = "AM05") -> Arbeidsmarktregio:
    """One of the 35 regions the data migration loads (Twente by default)."""
    return Arbeidsmarktregio.objects.get(code=code)


class OrganisatieFactory(DjangoModelFactory):
    naam = factory.Sequence(lambda n: f"Organisatie {n}")
    type = OrganisatieType.GEMEENTE

    class Meta:
        model = Organisatie
        skip_postgeneration_save = True

    class Params:
        uwv = factory.Trait(type=OrganisatieType.UWV)
        mbo = factory.Trait(
            type=OrganisatieType.MBO_INSTELLING,
            brin_code=factory.Sequence(lambda n: f"{n % 100:02d}ZZ"),
        )
        leerbedrijf = factory.Trait(
            type=OrganisatieType.LEERBEDRIJF,
            kvk_nummer=factory.Sequence(lambda n: f"{80000000 + n}"),
        )

    @factory.post_generation
    def regios(self, create, extracted, **kwargs):
        if create:
            self.regios.set(extracted if extracted is not None else [regio()])


class MedewerkerFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"medewerker{n}")
    first_name = Naam("first_name")
    last_name = Naam("last_name")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    organisatie = factory.SubFactory(OrganisatieFactory)
    password = factory.django.Password("geheim-wachtwoord-123")

    class Meta:
        model = Medewerker
        skip_postgeneration_save = True

    class Params:
        superuser = factory.Trait(is_superuser=True, is_staff=True, organisatie=None)

    @factory.post_generation
    def rollen(self, create, extracted, **kwargs):
        if create:
            medewerker_rollen_zetten(medewerker=self, rollen=extracted or [])


def medewerker_met_rol(rol: str, **kwargs) -> Medewerker:
    return MedewerkerFactory(rollen=[rol], **kwargs)


__all__ = [
    "MedewerkerFactory",
    "OrganisatieFactory",
    "Rol",
    "medewerker_met_rol",
    "regio",
]
