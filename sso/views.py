"""Log in with the organisation's own OpenID Connect provider, and log out there too.

/inloggen/sso/ lists the organisations; /inloggen/sso/<slug>/ starts the login at
that organisation's provider (the library's request view: state, nonce, PKCE in the
session, here with the koppeling's id next to them); /inloggen/sso/terug/ is the
callback. Every refusal is one plain Dutch page (403), a warning in the log and a
failed attempt in the login log (django-axes, the admin's "Inlogpogingen").
"""

import logging
from urllib.parse import parse_qs, urlencode, urlsplit

from django.conf import settings
from django.contrib import auth
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LogoutView, PasswordChangeView
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import TemplateView

import josepy.errors
import requests
from cryptography.fernet import InvalidToken
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from .oidc import KoppelingInstellingen, SsoBackend, SsoGeweigerd
from .selectors import (
    koppeling_get_actief,
    koppeling_list_actief,
    wachtwoord_geweigerd,
)

logger = logging.getLogger("plpv.sso")

# The session keys of a login through the organisation. "sso" marks the session as
# a strong login (the provider did the authentication; two-factor may skip it).
SSO = "sso"
SSO_KOPPELING = "sso_koppeling"
SSO_ID_TOKEN = "sso_id_token"

# Refusals whose cause is the account: the page says so. Everything else (state,
# token, signature, provider errors) gets the general message.
ACCOUNT_REDENEN = {
    "onbekend",
    "geen_email",
    "email_niet_gecontroleerd",
    "email_dubbel",
    "andere_organisatie",
    "inactief",
    "ander_sub",
}
TOKEN_FOUTEN = (
    SuspiciousOperation,
    requests.RequestException,
    josepy.errors.Error,
    ValueError,
    KeyError,
)


@method_decorator(login_not_required, name="dispatch")
class SsoKiezenView(TemplateView):
    """Which organisation do you log in with?"""

    template_name = "sso/kiezen.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            koppelingen=koppeling_list_actief(),
            next=self.request.GET.get("next", ""),
            **kwargs,
        )


@method_decorator(login_not_required, name="dispatch")
class SsoStartView(KoppelingInstellingen, OIDCAuthenticationRequestView):
    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)  # the library's reads single-provider settings

    def get(self, request, slug):
        self.koppeling = koppeling_get_actief(slug=slug)
        if self.koppeling is None:
            raise Http404
        self.OIDC_OP_AUTH_ENDPOINT = self.koppeling.authorization_endpoint
        self.OIDC_RP_CLIENT_ID = self.koppeling.client_id
        response = super().get(request)
        # The state the library just stored also remembers whose provider it is.
        state = parse_qs(urlsplit(response["Location"]).query)["state"][0]
        request.session["oidc_states"][state]["koppeling"] = self.koppeling.pk
        request.session.modified = True
        return response


@method_decorator(login_not_required, name="dispatch")
class SsoTerugView(OIDCAuthenticationCallbackView):
    """The provider sends the browser back here with a code and the state.

    Does what the library's callback does (the state must be one this session
    started, used once; the nonce goes to the backend), with the koppeling that
    started it; the user is logged in with the portal's own backend.
    """

    def get(self, request):
        states = request.session.get("oidc_states")
        state = request.GET.get("state", "")
        if not isinstance(states, dict) or state not in states:
            return self.weigeren("state_onbekend")
        # Used once: a replayed answer finds no state.
        stap = states.pop(state)
        request.session.modified = True
        request.session.save()
        koppeling = koppeling_get_actief(pk=stap.get("koppeling"))
        if koppeling is None:
            return self.weigeren("koppeling_uit")
        if request.GET.get("error"):
            return self.weigeren("provider_fout", koppeling)
        if not request.GET.get("code"):
            return self.weigeren("geen_code", koppeling)

        try:
            backend = SsoBackend(koppeling)  # decrypts the client secret
        except (ImproperlyConfigured, InvalidToken) as exc:
            logger.error("SSO: client secret of koppeling %s unreadable", koppeling.pk)
            return self.weigeren(f"geheim_onleesbaar ({type(exc).__name__})", koppeling)
        try:
            self.user = backend.authenticate(
                request,
                nonce=stap.get("nonce"),
                code_verifier=stap.get("code_verifier"),
            )
        except SsoGeweigerd as exc:
            return self.weigeren(exc.reden, koppeling, exc.gebruikersnaam)
        except TOKEN_FOUTEN as exc:
            return self.weigeren(
                f"token_ongeldig ({type(exc).__name__}: {exc})", koppeling
            )
        if self.user is None:
            return self.weigeren("token_ongeldig", koppeling)

        volgende = request.session.get("oidc_login_next")
        auth.login(
            request, self.user, backend="organisaties.backends.MedewerkerBackend"
        )
        request.session[SSO] = True
        request.session[SSO_KOPPELING] = koppeling.pk
        request.session[SSO_ID_TOKEN] = backend.id_token
        logger.info("SSO login: user %s, koppeling %s", self.user.pk, koppeling.pk)
        return HttpResponseRedirect(
            volgende or resolve_url(settings.LOGIN_REDIRECT_URL)
        )

    def weigeren(self, reden: str, koppeling=None, gebruikersnaam: str = ""):
        """Nothing changed: say so in plain Dutch, log it, count the failed attempt."""
        logger.warning(
            "SSO login refused: %s (koppeling %s)",
            reden,
            koppeling.pk if koppeling else "-",
        )
        user_login_failed.send(
            sender=__name__,
            credentials={
                "username": gebruikersnaam
                or (f"sso:{koppeling.slug}" if koppeling else "sso")
            },
            request=self.request,
        )
        return render(
            self.request,
            "sso/geweigerd.html",
            {
                "koppeling": koppeling,
                "account": reden in ACCOUNT_REDENEN,
                "afgebroken": reden == "provider_fout",
            },
            status=403,
        )


class UitloggenView(LogoutView):
    """Django's logout; after a login through the organisation, also the provider's
    (RP-initiated logout: end_session_endpoint with id_token_hint) where it has one.

    The step to the provider is a page that moves on by itself (meta refresh), not a
    redirect: the logout form posts, and the Content-Security-Policy's form-action
    ('self') stops a form's redirect to another host in Chromium.
    """

    def post(self, request, *args, **kwargs):
        provider_url = self.provider_uitlog_url(request)
        response = super().post(request, *args, **kwargs)
        if provider_url is None:
            return response
        return render(request, "sso/uitloggen.html", {"provider_url": provider_url})

    def provider_uitlog_url(self, request) -> str | None:
        if not request.session.get(SSO):
            return None
        koppeling = koppeling_get_actief(pk=request.session.get(SSO_KOPPELING))
        if koppeling is None or not koppeling.end_session_endpoint:
            return None
        parameters = {
            "client_id": koppeling.client_id,
            "post_logout_redirect_uri": request.build_absolute_uri(
                resolve_url(settings.LOGOUT_REDIRECT_URL)
            ),
        }
        if id_token := request.session.get(SSO_ID_TOKEN):
            parameters["id_token_hint"] = id_token
        scheiding = "&" if "?" in koppeling.end_session_endpoint else "?"
        return f"{koppeling.end_session_endpoint}{scheiding}{urlencode(parameters)}"


class WachtwoordWijzigenView(PasswordChangeView):
    """Django's password change, except after a login through the organisation or
    for someone who may only log in that way: their password lives at the provider,
    so the page says that (plainly, no form) and changes nothing."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and (
            request.session.get(SSO) or wachtwoord_geweigerd(request.user)
        ):
            koppeling = koppeling_get_actief(pk=request.session.get(SSO_KOPPELING))
            return render(request, "sso/geen_wachtwoord.html", {"koppeling": koppeling})
        return super().dispatch(request, *args, **kwargs)
