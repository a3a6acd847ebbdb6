from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from sso.models import SsoIdentiteit, SsoKoppeling
from tests.factories.organisaties import MedewerkerFactory, OrganisatieFactory


class SsoKoppelingFactory(DjangoModelFactory):
    """A koppeling as saved after discovery, without a provider behind it (for the
    admin and scope tests; the login tests use tests/sso/conftest.py's real one)."""

    organisatie = factory.SubFactory(OrganisatieFactory)
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    issuer = "https://login.example.org"
    client_id = "portaal"
    client_secret_versleuteld = b"niet-echt-versleuteld"
    authorization_endpoint = "https://login.example.org/auth"
    token_endpoint = "https://login.example.org/token"
    jwks_uri = "https://login.example.org/jwks"

    class Meta:
        model = SsoKoppeling


class SsoIdentiteitFactory(DjangoModelFactory):
    medewerker = factory.SubFactory(MedewerkerFactory)
    koppeling = factory.LazyAttribute(
        lambda o: SsoKoppelingFactory(organisatie=o.medewerker.organisatie)
    )
    issuer = factory.LazyAttribute(lambda o: o.koppeling.issuer)
    sub = factory.Sequence(lambda n: f"sub-{n}")
    laatst_gebruikt = factory.LazyFunction(timezone.now)

    class Meta:
        model = SsoIdentiteit
