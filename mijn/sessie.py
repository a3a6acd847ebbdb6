"""The candidate's session: separate from staff sessions, never a Django `User`.

A candidate's session holds only their id (`SESSIE_KANDIDAAT`) and the time of their
last request. The two kinds never mix in one browser:
- a candidate logging in first logs out whoever was logged in there (the session
  is flushed and gets a new key);
- a staff login removes the candidate's keys (`user_logged_in`, connected in
  `MijnConfig.ready`; Django's login keeps other session data otherwise);
- `kandidaat_vereist` refuses a request with a staff login (403), so a staff session
  never opens /mijn/ pages as a candidate.
The session ends after MIJN_SESSIE_MINUTEN without a request (checked here on every
page) and when the browser closes (the cookie is a session cookie, as for staff).
"""

import time
from functools import wraps

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from kandidaten.models import Kandidaat

from .constants import SESSIE_KANDIDAAT, SESSIE_LAATST, SESSIE_TOEGANG

MIJN_SLEUTELS = (SESSIE_KANDIDAAT, SESSIE_LAATST, SESSIE_TOEGANG)


def _inactief_seconden() -> int:
    return settings.MIJN_SESSIE_MINUTEN * 60


def kandidaat_inloggen(request, kandidaat: Kandidaat) -> None:
    """Start the candidate's session; any staff login in this browser ends first."""
    logout(request)  # flushes the session: nothing of the previous one stays
    request.session.cycle_key()
    request.session[SESSIE_KANDIDAAT] = kandidaat.pk
    request.session[SESSIE_LAATST] = int(time.time())


def kandidaat_uitloggen(request) -> None:
    request.session.flush()


def staff_login_ontvanger(sender, request, user, **kwargs):
    """A staff login in a browser with a candidate session ends the candidate's."""
    if request is not None and hasattr(request, "session"):
        for sleutel in MIJN_SLEUTELS:
            request.session.pop(sleutel, None)


def kandidaat_van(request) -> Kandidaat | None:
    """The logged-in candidate of this request (no staff login, not idle too long),
    or None. Renews the idle timer."""
    if request.user.is_authenticated:
        return None
    kandidaat_id = request.session.get(SESSIE_KANDIDAAT)
    if kandidaat_id is None:
        return None
    nu = int(time.time())
    if nu - request.session.get(SESSIE_LAATST, 0) > _inactief_seconden():
        kandidaat_uitloggen(request)
        return None
    kandidaat = Kandidaat.objects.filter(pk=kandidaat_id).first()
    if kandidaat is None:
        kandidaat_uitloggen(request)
        return None
    request.session[SESSIE_LAATST] = nu
    return kandidaat


def kandidaat_vereist(view):
    """A /mijn/ page: only for a logged-in candidate, who is `request.kandidaat`.
    A staff login gets 403; no (or an ended) candidate session goes to the page to
    type a code. The page is never cached by the browser or a proxy."""

    @login_not_required
    @never_cache
    @wraps(view)
    def omhulsel(request, *args, **kwargs):
        if request.user.is_authenticated:
            return render(request, "mijn/alleen_kandidaat.html", status=403)
        kandidaat = kandidaat_van(request)
        if kandidaat is None:
            return redirect("mijn:code")
        request.kandidaat = kandidaat
        return view(request, *args, **kwargs)

    return omhulsel
