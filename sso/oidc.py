"""mozilla-django-oidc, taught to take its provider from an organisation's koppeling.

The library is built for one provider in settings; here every setting it asks for
(`get_settings`) comes from the koppeling the login is for. It still does the work
that matters: the state (view), the nonce and the signature of the id_token against
the provider's JWKS (backend), PKCE. On top, the id_token's issuer, audience and
expiry are checked (the library does not), and the userinfo must be about the same
`sub` (OpenID Connect Core 5.3.2).
"""

import time

from django.core.exceptions import SuspiciousOperation
from django.db import IntegrityError, transaction

from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from organisaties.models import Medewerker

from . import services
from .models import SsoIdentiteit, SsoKoppeling

# Clock difference allowed between the portal and the provider (seconds).
SPELING = 120


class SsoGeweigerd(Exception):
    """The login is refused; `reden` is a short code for the log, `gebruikersnaam`
    the account it concerned, when one was found."""

    def __init__(self, reden: str, gebruikersnaam: str = ""):
        super().__init__(reden)
        self.reden = reden
        self.gebruikersnaam = gebruikersnaam


def instellingen(koppeling: SsoKoppeling) -> dict:
    """The library's settings for this koppeling."""
    return {
        "OIDC_OP_AUTHORIZATION_ENDPOINT": koppeling.authorization_endpoint,
        "OIDC_OP_TOKEN_ENDPOINT": koppeling.token_endpoint,
        "OIDC_OP_USER_ENDPOINT": koppeling.userinfo_endpoint,
        "OIDC_OP_JWKS_ENDPOINT": koppeling.jwks_uri,
        "OIDC_RP_CLIENT_ID": koppeling.client_id,
        "OIDC_RP_SIGN_ALGO": "RS256",
        "OIDC_RP_IDP_SIGN_KEY": None,
        "OIDC_RP_SCOPES": "openid email profile",
        "OIDC_AUTHENTICATION_CALLBACK_URL": "sso:terug",
        "OIDC_USE_NONCE": True,
        "OIDC_USE_PKCE": True,
        "OIDC_ALLOW_UNSECURED_JWT": False,
        "OIDC_VERIFY_SSL": True,
        "OIDC_TIMEOUT": 10,
        "OIDC_CREATE_USER": koppeling.accounts_aanmaken,
        "OIDC_STORE_ACCESS_TOKEN": False,
        "OIDC_STORE_ID_TOKEN": False,  # kept after login(), by the view
    }


class KoppelingInstellingen:
    """`get_settings` from the koppeling first, then from Django's settings."""

    koppeling: SsoKoppeling

    def get_settings(self, attr, *args):
        waarden = instellingen(self.koppeling)
        if attr in waarden:
            return waarden[attr]
        if attr == "OIDC_RP_CLIENT_SECRET":
            return self.koppeling.client_secret
        return import_from_settings(attr, *args)


class SsoBackend(KoppelingInstellingen, OIDCAuthenticationBackend):
    """Not in AUTHENTICATION_BACKENDS: the callback view makes one per login, for the
    koppeling of that login, and logs the user in with MedewerkerBackend."""

    def __init__(self, koppeling: SsoKoppeling):
        self.koppeling = koppeling
        self.OIDC_OP_TOKEN_ENDPOINT = koppeling.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = koppeling.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = koppeling.jwks_uri
        self.OIDC_RP_CLIENT_ID = koppeling.client_id
        self.OIDC_RP_CLIENT_SECRET = koppeling.client_secret
        self.OIDC_RP_SIGN_ALGO = "RS256"
        self.OIDC_RP_IDP_SIGN_KEY = None
        self.UserModel = Medewerker
        self.id_token = None

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)  # signature and nonce
        nu = time.time()
        aud = payload.get("aud")
        aud = [aud] if isinstance(aud, str) else list(aud or [])
        if payload.get("iss") != self.koppeling.issuer:
            raise SuspiciousOperation("id_token from another issuer")
        if self.koppeling.client_id not in aud or (
            len(aud) > 1 and payload.get("azp") != self.koppeling.client_id
        ):
            raise SuspiciousOperation("id_token for another client")
        if (
            not isinstance(payload.get("exp"), int | float)
            or payload["exp"] < nu - SPELING
        ):
            raise SuspiciousOperation("id_token expired")
        if not isinstance(payload.get("sub"), str) or not payload["sub"]:
            raise SuspiciousOperation("id_token without sub")
        return payload

    def store_tokens(self, access_token, id_token):
        self.id_token = id_token

    def get_userinfo(self, access_token, id_token, payload):
        claims = dict(payload)
        if self.koppeling.userinfo_endpoint:
            userinfo = super().get_userinfo(access_token, id_token, payload)
            if userinfo.get("sub") != payload["sub"]:
                raise SuspiciousOperation("userinfo about another sub")
            claims.update(userinfo)
        claims["sub"] = payload["sub"]
        return claims

    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        return self.medewerker_zoeken(claims)

    def _identiteit(self, sub: str) -> SsoIdentiteit | None:
        koppeling = self.koppeling
        return (
            SsoIdentiteit.objects.select_related("medewerker")
            .filter(koppeling=koppeling, issuer=koppeling.issuer, sub=sub)
            .first()
        )

    def _bekende(self, identiteit: SsoIdentiteit) -> Medewerker:
        medewerker = identiteit.medewerker
        self._mag_inloggen(medewerker)
        services.identiteit_gebruikt(identiteit=identiteit)
        return medewerker

    def medewerker_zoeken(self, claims: dict) -> Medewerker:
        """The medewerker of THIS organisation the claims are about: by the stored
        `sub`, else by a verified e-mail address (then the `sub` is stored), else a
        new account when the beheerder allows it. Anything else: SsoGeweigerd.

        Two first logins of the same person at once (two tabs, a double click) both
        miss the `sub` and both link or create: the second insert meets the unique
        constraint. Its savepoint is rolled back and the first one's link, committed
        by then, is read again (PostgreSQL's READ COMMITTED sees it)."""
        sub = claims["sub"]
        identiteit = self._identiteit(sub)
        if identiteit is not None:
            return self._bekende(identiteit)
        try:
            with transaction.atomic():
                return self._eerste_keer(claims, sub)
        except IntegrityError:
            identiteit = self._identiteit(sub)
            if identiteit is None:
                # Someone else took the same user name at the same moment: once more.
                with transaction.atomic():
                    return self._eerste_keer(claims, sub)
            return self._bekende(identiteit)

    def _eerste_keer(self, claims: dict, sub: str) -> Medewerker:
        """No link for this `sub` yet: link by e-mail, or make the account."""
        koppeling = self.koppeling

        email = claims.get(koppeling.claim_email)
        if not isinstance(email, str) or "@" not in email:
            raise SsoGeweigerd("geen_email")
        if not (
            koppeling.email_altijd_gecontroleerd or claims.get("email_verified") is True
        ):
            raise SsoGeweigerd("email_niet_gecontroleerd")
        gevonden = list(
            Medewerker.objects.filter(
                organisatie=koppeling.organisatie, email__iexact=email.strip()
            )[:2]
        )
        if len(gevonden) > 1:
            raise SsoGeweigerd("email_dubbel")
        if gevonden:
            medewerker = gevonden[0]
            self._mag_inloggen(medewerker)
            bestaand = medewerker.sso_identiteiten.filter(
                koppeling=koppeling, issuer=koppeling.issuer
            ).first()
            if bestaand is not None and bestaand.sub == sub:
                return medewerker  # linked a moment ago by a simultaneous login
            if bestaand is not None:
                # Linked to another account at the provider: not silently moved.
                raise SsoGeweigerd("ander_sub", medewerker.username)
            services.identiteit_koppelen(
                koppeling=koppeling, medewerker=medewerker, sub=sub
            )
            return medewerker
        if koppeling.accounts_aanmaken:
            return services.medewerker_uit_claims(
                koppeling=koppeling, sub=sub, email=email.strip(), claims=claims
            )
        raise SsoGeweigerd("onbekend")

    def _mag_inloggen(self, medewerker: Medewerker) -> None:
        if medewerker.organisatie_id != self.koppeling.organisatie_id:
            raise SsoGeweigerd("andere_organisatie", medewerker.username)
        if not medewerker.is_active:
            raise SsoGeweigerd("inactief", medewerker.username)
