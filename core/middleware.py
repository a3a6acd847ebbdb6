"""Middleware of the portal itself."""

import logging

from django.contrib.sessions.exceptions import SessionInterrupted
from django.contrib.sessions.middleware import SessionMiddleware
from django.db import Error as DatabaseFout

logger = logging.getLogger(__name__)


class GeenCacheVoorIngelogdMiddleware:
    """Every response to a logged-in user, pages, exports and file downloads alike, gets
    `Cache-Control: no-store, private`: personal data must not stay behind in a browser
    cache or a shared proxy.

    A response that sets Cache-Control itself keeps its own policy (the public
    verification page uses never_cache). Static files never get here: WhiteNoise, which
    comes before this middleware, answers them itself.
    """

    WAARDE = "no-store, private"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not response.has_header("Cache-Control")
        ):
            response["Cache-Control"] = self.WAARDE
        return response


class SessieMiddleware(SessionMiddleware):
    """Django's SessionMiddleware, except that a failing save of the session after
    the view does not turn a committed change into the error page.

    Every request renews the idle timer (SESSION_SAVE_EVERY_REQUEST), so every answer
    writes the session after the view has committed its work. When the database goes
    away in between (a restart), Django answered 500 "Er is niets opgeslagen" while the
    contact moment was saved (the database backend reports the failed update as
    SessionInterrupted). Now the user gets the view's own answer; no cookie is set (a
    session deleted meanwhile is not brought back), and the failure is logged.
    """

    def process_response(self, request, response):
        try:
            return super().process_response(request, response)
        except (DatabaseFout, SessionInterrupted):
            logger.exception("Sessie kon niet worden opgeslagen na %s", request.path)
            return response
