"""Writes for SSO: saving a koppeling (with the provider's discovery document),
linking a medewerker's provider account, and creating an account from claims."""

import secrets

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

import requests

from core.crypto import sleutels
from organisaties.models import Medewerker
from organisaties.services import medewerker_rollen_zetten

from .models import SLEUTEL, SsoIdentiteit, SsoKoppeling

DISCOVERY = "/.well-known/openid-configuration"
NODIG = ["authorization_endpoint", "token_endpoint", "jwks_uri"]


def issuer_normaliseren(adres: str) -> str:
    adres = adres.strip()
    if adres.endswith(DISCOVERY):
        adres = adres[: -len(DISCOVERY)]
    return adres.rstrip("/")


def discovery_ophalen(issuer: str) -> dict:
    """The provider's discovery document, checked: its issuer is the one asked for
    (OpenID Connect Discovery 4.3) and it names the endpoints the login needs."""
    if getattr(settings, "SSO_ALLEEN_HTTPS", True) and not issuer.startswith(
        "https://"
    ):
        raise ValidationError(
            {"issuer": _("Het adres van de provider moet met https:// beginnen.")}
        )
    try:
        antwoord = requests.get(issuer + DISCOVERY, timeout=10)
        antwoord.raise_for_status()
        document = antwoord.json()
    except (requests.RequestException, ValueError):
        raise ValidationError(
            {
                "issuer": _(
                    "Op dit adres vinden we geen OpenID Connect-provider "
                    "(%(adres)s gaf geen goed antwoord)."
                )
                % {"adres": issuer + DISCOVERY}
            }
        ) from None
    if not isinstance(document, dict) or (
        str(document.get("issuer", "")).rstrip("/") != issuer
    ):
        raise ValidationError(
            {"issuer": _("De provider noemt een ander adres als issuer.")}
        )
    if missend := [v for v in NODIG if not document.get(v)]:
        raise ValidationError(
            {"issuer": _("De provider noemt niet: %(velden)s.") % {"velden": missend}}
        )
    return document


def koppeling_controleren(*, koppeling: SsoKoppeling) -> dict:
    """The discovery document for the koppeling's issuer (ValidationError if the
    provider does not answer as it should). The encryption key must be there too."""
    if not sleutels(SLEUTEL):
        raise ImproperlyConfigured(f"{SLEUTEL} is not set; see README (SSO).")
    return discovery_ophalen(issuer_normaliseren(koppeling.issuer))


@transaction.atomic
def koppeling_opslaan(
    *, koppeling: SsoKoppeling, client_secret: str = "", document: dict | None = None
) -> SsoKoppeling:
    """Save a koppeling with the endpoints from the provider's discovery document
    (`document`: already fetched by the form, else fetched here).

    A blank `client_secret` keeps the stored one. A changed issuer forgets the linked
    accounts: a `sub` only means something at the provider that issued it.
    """
    if document is None:
        document = koppeling_controleren(koppeling=koppeling)
    koppeling.issuer = document["issuer"]
    for veld in [*NODIG, "userinfo_endpoint", "end_session_endpoint"]:
        setattr(koppeling, veld, document.get(veld) or "")
    if client_secret:
        koppeling.client_secret = client_secret
    if not koppeling.slug:
        koppeling.slug = slugify(koppeling.organisatie.naam)[:50]
    koppeling.full_clean()
    koppeling.save()
    for identiteit in koppeling.identiteiten.exclude(issuer=koppeling.issuer):
        identiteit.delete()  # one by one: each removal lands in the audit trail
    return koppeling


@transaction.atomic
def identiteit_koppelen(
    *, koppeling: SsoKoppeling, medewerker: Medewerker, sub: str
) -> SsoIdentiteit:
    """Remember the medewerker's `sub` at this provider (first login by e-mail)."""
    return SsoIdentiteit.objects.create(
        koppeling=koppeling,
        medewerker=medewerker,
        issuer=koppeling.issuer,
        sub=sub,
        laatst_gebruikt=timezone.now(),
    )


def identiteit_gebruikt(*, identiteit: SsoIdentiteit) -> None:
    identiteit.laatst_gebruikt = timezone.now()
    identiteit.save(update_fields=["laatst_gebruikt", "updated_at"])


@transaction.atomic
def medewerker_uit_claims(
    *, koppeling: SsoKoppeling, sub: str, email: str, claims: dict
) -> Medewerker:
    """A new account in the koppeling's organisation (only when the beheerder turned
    `accounts_aanmaken` on), linked to the provider account. No usable password."""
    basis = slugify(email.split("@")[0])[:130] or "medewerker"
    username = basis
    while Medewerker.objects.filter(username=username).exists():
        username = f"{basis}-{secrets.token_hex(3)}"
    medewerker = Medewerker(
        username=username,
        email=email,
        first_name=str(claims.get("given_name") or "")[:150],
        last_name=str(claims.get("family_name") or "")[:150],
        organisatie=koppeling.organisatie,
    )
    medewerker.set_unusable_password()
    medewerker.full_clean()
    medewerker.save()
    if koppeling.nieuwe_accounts_rol:
        medewerker_rollen_zetten(
            medewerker=medewerker, rollen=[koppeling.nieuwe_accounts_rol]
        )
    identiteit_koppelen(koppeling=koppeling, medewerker=medewerker, sub=sub)
    return medewerker
