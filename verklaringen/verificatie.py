"""The public verification page of a praktijkverklaring or a mbo-verklaring:
`/verificatie/<code>/`.

No login. It shows only whether the verklaring is valid or revoked, its number, the
candidate's initials and surname, the kwalificatie with the werkprocessen, the issue
date and the issuing mbo-instelling. An unknown or malformed code gets one plain 'not
found' page (no hint which part was wrong). Codes are 24 random URL-safe characters
(144 bits); on top of that, an address that asks for too many unknown codes is
refused for a while (cache counter per IP address, shared through Redis in
production).

Also public: the check of an uploaded credential (`/verificatie/controleren/`, the same
counter: a check that is not 'geldig' or 'ingetrokken' counts as a failure), the JWKS
(`/.well-known/jwks.json`) and the signed status list credential
(`/verificatie/statuslijst/<id>/`); see verklaringen/credential.py."""

import re

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_http_methods

from core.ratelimit import client_ip

from . import credential as vc
from .forms import CredentialControleForm
from .models import MboVerklaring, Praktijkverklaring, Statuslijst
from .selectors import mbo_verklaring_voor_verificatie, verklaring_voor_verificatie

CODE_PATROON = re.compile(r"^[A-Za-z0-9_-]{16,40}$")


def portaal_adres(request) -> str:
    """The portal's public address (scheme and host): what the QR code of a
    verklaring and the addresses in its credential start with."""
    return settings.PORTAL_URL or request.build_absolute_uri("/")


def _sleutel(request) -> str:
    return f"verificatie-mislukt:{client_ip(request)}"


def _te_vaak(request):
    """The 'too many attempts' page when this address failed too often, else None."""
    limiet, venster = settings.VERIFICATIE_LIMIET
    if cache.get(_sleutel(request), 0) >= limiet:
        return render(
            request,
            "verklaringen/verificatie_te_vaak.html",
            {"minuten": venster // 60},
            status=429,
        )
    return None


def _mislukt(request) -> None:
    _limiet, venster = settings.VERIFICATIE_LIMIET
    sleutel = _sleutel(request)
    cache.add(sleutel, 0, venster)
    try:
        cache.incr(sleutel)
    except ValueError:  # expired between add and incr
        cache.set(sleutel, 1, venster)


def initialen(voornaam: str) -> str:
    return "".join(f"{deel[0].upper()}." for deel in voornaam.split() if deel)


@login_not_required
@never_cache
@require_GET
def verificatie(request, code: str):
    if geweigerd := _te_vaak(request):
        return geweigerd
    pagina = _pagina(code) if CODE_PATROON.match(code) else None
    if pagina is not None:
        return render(request, *pagina)
    _mislukt(request)
    return render(request, "verklaringen/verificatie_onbekend.html", status=404)


def _pagina(code: str, soort=None) -> tuple[str, dict] | None:
    """The public page of the verklaring with this code: its template and what it
    shows; None when there is none. The same address verifies either kind (a
    praktijkverklaring first, then a mbo-verklaring with its parts); `soort` looks
    for that kind only."""
    if soort in (None, Praktijkverklaring):
        verklaring = verklaring_voor_verificatie(code)
        if verklaring is not None:
            return "verklaringen/verificatie.html", _gegevens(verklaring)
    if soort in (None, MboVerklaring):
        verklaring = mbo_verklaring_voor_verificatie(code)
        if verklaring is not None:
            return "verklaringen/verificatie_mbo.html", _mbo_gegevens(verklaring)
    return None


def _mbo_gegevens(verklaring) -> dict:
    """What the public page shows of a mbo-verklaring: as a praktijkverklaring
    (`_gegevens`), plus its parts; each praktijkverklaring with its own status."""
    from .services import mbo_verklaring_onderdelen

    delen = mbo_verklaring_onderdelen(verklaring)
    return {
        **_gegevens(verklaring),
        "praktijkverklaringen": [
            (p, vc.ingetrokken(p)) for p in delen["praktijkverklaringen"]
        ],
        "examenresultaten": delen["examenresultaten"],
        "bewijzen": delen["bewijzen"],
    }


def _gegevens(verklaring) -> dict:
    """What the public page shows of a verklaring; `ingetrokken` is its bit on the
    status list, the bit the status list credential publishes."""
    kandidaat = verklaring.traject.kandidaat
    return {
        "v": verklaring,
        "ingetrokken": vc.ingetrokken(verklaring),
        # An anonymised holder (bewaartermijnen): the number still verifies.
        "naam": "(geanonimiseerd)"
        if kandidaat.geanonimiseerd_op
        else f"{initialen(kandidaat.voornaam)} {kandidaat.achternaam}",
        "kwalificatie": verklaring.traject.kwalificatie,
    }


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def controleren(request):
    """Check an uploaded credential (a praktijkverklaring's or a mbo-verklaring's):
    geldig, ingetrokken, vervalst or onbekend."""
    if geweigerd := _te_vaak(request):
        return geweigerd
    uitslag = None
    context = {}
    if request.method == "POST":
        form = CredentialControleForm(request.POST, request.FILES)
        if form.is_valid():
            uitslag = vc.controleren(form.cleaned_data["jwt"])
            if uitslag.verklaring is not None:
                # What the public page of this verklaring shows.
                _sjabloon, context = _pagina(
                    uitslag.verklaring.code, type(uitslag.verklaring)
                )
        if uitslag is None or uitslag.oordeel in (vc.VERVALST, vc.ONBEKEND):
            _mislukt(request)
    else:
        form = CredentialControleForm()
    return render(
        request,
        "verklaringen/verificatie_controleren.html",
        {"form": form, "uitslag": uitslag, **context},
    )


@login_not_required
@cache_control(max_age=300, public=True)
@require_GET
def jwks(request):
    """The public keys that sign the credentials (all of them: a rotation keeps the
    old ones, so older credentials stay verifiable)."""
    antwoord = JsonResponse(vc.jwks(), content_type="application/jwk-set+json")
    antwoord["Access-Control-Allow-Origin"] = "*"
    return antwoord


@login_not_required
@never_cache
@require_GET
def statuslijst(request, pk: int):
    """The signed Bitstring Status List credential (VC-JWT); never cached, so a
    revocation is visible at once, as on the public page."""
    lijst = get_object_or_404(Statuslijst, pk=pk)
    basis = portaal_adres(request)
    antwoord = HttpResponse(
        vc.statuslijst_credential(lijst, basis), content_type="application/vc+jwt"
    )
    antwoord["Access-Control-Allow-Origin"] = "*"
    return antwoord
