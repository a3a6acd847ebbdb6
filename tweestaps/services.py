"""The second login step: who needs it, setting up the app, checking a code, the
recovery codes, the lockout after wrong codes and the beheerder's reset.

Views stay thin; every write of the second step goes through here and is recorded
as a `TweedeStapGebeurtenis`.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

import django_otp
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from core.audit import bijwerken
from core.ratelimit import client_ip, tellen
from organisaties.constants import Rol
from organisaties.models import Medewerker
from organisaties.rollen import rol_permissies

from .models import Soort, TweedeStapGebeurtenis, TweedeStapRegel

# The permission that opens a candidate's page: roles holding it need the second
# step by default (settings.TWEEDE_STAP_STANDAARD_VERPLICHT).
KANDIDAAT_OPENEN = "kandidaten.view_kandidaat"
AANTAL_HERSTELCODES = 10
# The recovery codes, shown once: kept in the session only until the page that
# shows them is opened.
SESSIE_HERSTELCODES = "tweestaps_herstelcodes"
APP_NAAM = "Authenticator-app"
HERSTEL_NAAM = "Herstelcodes"


# --- who needs it ---
def standaard_verplicht(rol: str) -> bool:
    return settings.TWEEDE_STAP_STANDAARD_VERPLICHT and (
        KANDIDAAT_OPENEN in rol_permissies()[rol]
    )


def regels_aanvullen() -> None:
    """A row per role (after every migrate): a new role gets the default, a row the
    beheerder changed stays as it is."""
    for rol in Rol:
        TweedeStapRegel.objects.get_or_create(
            rol=rol.value, defaults={"verplicht": standaard_verplicht(rol.value)}
        )


def voor_alle_rollen(verplicht: bool) -> None:
    """Switch the requirement for every role at once (the demo switches it off)."""
    regels_aanvullen()
    bijwerken(TweedeStapRegel.objects.exclude(verplicht=verplicht), verplicht=verplicht)
    regels_vergeten()


# Checked on every request of a session that has not passed the second step: the
# required roles come from the shared cache (emptied when a row is saved or deleted,
# and after migrate; kept without expiry, so a page's query count never depends on
# when the cache last expired), whether
# the user has an app from the session (looked up again by the second step's own
# pages), so a page costs no extra query.
CACHE_VERPLICHT = "tweestaps:verplichte_rollen"
SESSIE_APP = "tweestaps_app"


def regels_vergeten(**kwargs) -> None:
    cache.delete(CACHE_VERPLICHT)


def verplichte_rollen() -> frozenset[str]:
    return cache.get_or_set(
        CACHE_VERPLICHT,
        lambda: frozenset(
            TweedeStapRegel.objects.filter(verplicht=True).values_list("rol", flat=True)
        ),
        None,
    )


def is_verplicht(user) -> bool:
    return bool(user.rollen & verplichte_rollen())


def heeft_app(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def app_verversen(request) -> bool:
    """Look up whether the user has an app (again) and remember it in the session."""
    request.session[SESSIE_APP] = app = heeft_app(request.user)
    return app


def bij_inloggen(sender, request, user, **kwargs) -> None:
    """At the password login: does this user have an app (asked for on every page
    until the second step is passed)."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSIE_APP] = heeft_app(user)


def nodig(request) -> str | None:
    """What this logged-in, not yet verified user must do first: "instellen" (set up
    the app), "controleren" (type a code) or nothing (None). Someone who set up the
    app of their own accord is asked for a code too."""
    app = request.session.get(SESSIE_APP)
    if app is None:
        app = app_verversen(request)
    if app:
        return "controleren"
    return "instellen" if is_verplicht(request.user) else None


# --- the lockout: 5 wrong codes, then 15 minutes nothing ---
def _teller(user) -> str:
    return f"tweestaps:fout:{user.pk}"


def is_geblokkeerd(user) -> bool:
    return (cache.get(_teller(user)) or 0) >= settings.TWEEDE_STAP_MAX_FOUTEN


def _fout_tellen(request) -> None:
    fouten = tellen(_teller(request.user), settings.TWEEDE_STAP_BLOKKADE_SECONDEN)
    if fouten == settings.TWEEDE_STAP_MAX_FOUTEN:
        _vastleggen(request.user, Soort.GEBLOKKEERD, request)


def _vastleggen(gebruiker, soort: str, request=None, door=None) -> None:
    TweedeStapGebeurtenis.objects.create(
        gebruiker=gebruiker,
        soort=soort,
        door=door,
        ip_adres=(client_ip(request) or None) if request is not None else None,
    )


def _aanmelden(request, device) -> None:
    """Mark the session as verified by `device`, under a new session key."""
    request.session.cycle_key()
    django_otp.login(request, device)


# --- setting up the app ---
# The secret of the app being set up: in the session until a code from the app
# confirms it, so opening the set-up page writes nothing and reloading it keeps the
# same QR code.
SESSIE_SLEUTEL = "tweestaps_nieuwe_sleutel"


def nieuwe_app(request) -> TOTPDevice:
    """The app this user is setting up, not saved yet."""
    sleutel = request.session.get(SESSIE_SLEUTEL)
    if sleutel is None:
        request.session[SESSIE_SLEUTEL] = sleutel = default_key()
    return TOTPDevice(user=request.user, key=sleutel, name=APP_NAAM)


def normaliseren(code: str) -> str:
    return "".join(code.split()).lower()


@transaction.atomic
def instellen(request, code: str) -> bool:
    """Confirm the app being set up with a code from it; then make the recovery codes
    (kept in the session for the page that shows them once) and verify the session.
    The code's time step is stored, so it cannot be used again at the next login."""
    user = request.user
    device = nieuwe_app(request)
    code = normaliseren(code)
    if not code.isdigit():
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not totp.verify(int(code), device.tolerance):
        return False
    # One app per account: a second confirmed in another tab replaces the first.
    Medewerker.objects.select_for_update().filter(pk=user.pk).first()
    TOTPDevice.objects.filter(user=user).delete()
    device.last_t = totp.t()
    device.save()
    del request.session[SESSIE_SLEUTEL]
    herstelcodes_maken(request, vastleggen=False)
    _vastleggen(user, Soort.INGESTELD, request)
    _aanmelden(request, device)
    request.session[SESSIE_APP] = True
    return True


def herstelcodes_maken(request, vastleggen: bool = True) -> list[str]:
    """Ten new single-use recovery codes; the old ones stop working."""
    user = request.user
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=HERSTEL_NAAM, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    request.session[SESSIE_HERSTELCODES] = codes
    if vastleggen:
        _vastleggen(user, Soort.HERSTELCODES_VERNIEUWD, request)
    return codes


def herstelcodes_over(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# --- the second step at login ---
def controleren(request, code: str) -> bool:
    """Check a code from the app or a recovery code. A code from the app works once
    (django-otp keeps the last time step used); a recovery code is deleted when used.
    A wrong code counts towards the lockout; call `is_geblokkeerd` first."""
    user = request.user
    code = normaliseren(code)
    device = None
    if code.isdigit():
        for app in TOTPDevice.objects.filter(user=user, confirmed=True):
            if django_otp.verify_token(user, app.persistent_id, code):
                device = app
                break
    if device is None and code:
        herstel = StaticDevice.objects.filter(user=user, confirmed=True).first()
        if herstel and django_otp.verify_token(user, herstel.persistent_id, code):
            device = herstel
            _vastleggen(user, Soort.HERSTELCODE_GEBRUIKT, request)
    if device is None:
        _fout_tellen(request)
        return False
    cache.delete(_teller(user))
    _aanmelden(request, device)
    return True


# --- the beheerder's reset ---
@transaction.atomic
def opnieuw_instellen(gebruiker, door) -> None:
    """Remove the app and the recovery codes (a lost phone): at the next login the
    user sets up the app again, if their role needs it. Ends the lockout too."""
    TOTPDevice.objects.filter(user=gebruiker).delete()
    StaticDevice.objects.filter(user=gebruiker).delete()
    cache.delete(_teller(gebruiker))
    _vastleggen(gebruiker, Soort.OPNIEUW_INSTELLEN, door=door)
