"""The public verification page of a praktijkverklaring: `/verificatie/<code>/`.

No login. It shows only whether the verklaring is valid or revoked, its number, the
candidate's initials and surname, the kwalificatie with the werkprocessen, the issue
date and the issuing mbo-instelling. An unknown or malformed code gets one plain 'not
found' page (no hint which part was wrong). Codes are 24 random URL-safe characters
(144 bits); on top of that, an address that asks for too many unknown codes is
refused for a while (cache counter per IP address, shared through Redis in
production)."""

import re

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.ratelimit import client_ip

from .selectors import verklaring_voor_verificatie

CODE_PATROON = re.compile(r"^[A-Za-z0-9_-]{16,40}$")


def _sleutel(request) -> str:
    return f"verificatie-mislukt:{client_ip(request)}"


def initialen(voornaam: str) -> str:
    return "".join(f"{deel[0].upper()}." for deel in voornaam.split() if deel)


@login_not_required
@never_cache
@require_GET
def verificatie(request, code: str):
    limiet, venster = settings.VERIFICATIE_LIMIET
    sleutel = _sleutel(request)
    if cache.get(sleutel, 0) >= limiet:
        return render(
            request,
            "verklaringen/verificatie_te_vaak.html",
            {"minuten": venster // 60},
            status=429,
        )
    verklaring = verklaring_voor_verificatie(code) if CODE_PATROON.match(code) else None
    if verklaring is None:
        cache.add(sleutel, 0, venster)
        try:
            cache.incr(sleutel)
        except ValueError:  # expired between add and incr
            cache.set(sleutel, 1, venster)
        return render(request, "verklaringen/verificatie_onbekend.html", status=404)
    kandidaat = verklaring.traject.kandidaat
    return render(
        request,
        "verklaringen/verificatie.html",
        {
            "v": verklaring,
            # An anonymised holder (bewaartermijnen): the number still verifies.
            "naam": "(geanonimiseerd)"
            if kandidaat.geanonimiseerd_op
            else f"{initialen(kandidaat.voornaam)} {kandidaat.achternaam}",
            "kwalificatie": verklaring.traject.kwalificatie,
        },
    )
