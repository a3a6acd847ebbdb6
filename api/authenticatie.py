"""Who calls: an API client's token (`Authorization: Bearer plpv_…`) or the user's
session (DRF's SessionAuthentication, which checks the CSRF token on writes)."""

from django.utils.translation import gettext_lazy as _

from rest_framework.authentication import (
    BaseAuthentication,
    SessionAuthentication,
    get_authorization_header,
)
from rest_framework.exceptions import AuthenticationFailed

from .services import client_bij_token, gebruik_vastleggen

ONGELDIG = _("Deze sleutel is onbekend of ingetrokken.")


class ApiClientAuthentication(BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        delen = get_authorization_header(request).split()
        if not delen or delen[0].lower() != self.keyword.lower().encode():
            return None
        if len(delen) != 2:
            raise AuthenticationFailed(
                _("Stuur de sleutel als: Authorization: Bearer <sleutel>.")
            )
        try:
            token = delen[1].decode()
        except UnicodeError as exc:
            raise AuthenticationFailed(ONGELDIG) from exc
        client = client_bij_token(token)
        if client is None or not client.medewerker.is_active:
            raise AuthenticationFailed(ONGELDIG)
        gebruik_vastleggen(client)
        return client.medewerker, client

    def authenticate_header(self, request):
        # Makes DRF answer 401 (not 403) when nobody is logged in.
        return f'{self.keyword} realm="api"'


class SessieAuthenticatie(SessionAuthentication):
    """The portal's own session: the docs page and scripts in the browser.

    The CSRF check reads Django's own request, not DRF's: DRF's would parse the body
    to look for a form token and refuse a body it cannot parse (415) before the
    permission and the scope answered. The token is taken from the header (or a
    form field), exactly as the portal's pages check it."""

    def enforce_csrf(self, request):
        return super().enforce_csrf(request._request)
