"""`Idempotency-Key` on the API's POSTs (IETF draft-ietf-httpapi-idempotency-key-header):
a client that is not sure its POST arrived (a timeout, a dropped connection) sends it
again with the same key and gets the first answer back, without a second candidate.

- The key is per person (a client acts as its medewerker) and per endpoint (method and
  path), kept for `BEWAARTERMIJN`; an older key counts as new.
- The same key with another body is a 422 (problem+json): a client bug, never replayed.
- Only a successful answer (2xx) is kept. A refused request (400, 403, 409, ...) saved
  nothing, so its key stays free: correct the request and send it again.
- Two requests with one key at the same moment: the key's row is inserted in the same
  transaction as the write, so the second waits at the unique constraint until the
  first ends, then gets the first one's answer (or, when that failed, goes ahead).
  The draft allows a 409 for that case; waiting is friendlier and as safe.
- Without the header a POST works as before (the header is optional).
- Authentication, the role's permission and the rate limit run before (DRF's
  `initial`); a view whose path names a parent object checks its scope there too
  (`ContactmomentLijst.initial`), so a replay never answers outside today's scope.
"""

import hashlib
import json
import re
from datetime import timedelta
from functools import wraps

from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer

from .models import Idempotentiesleutel

KOP = "Idempotency-Key"
BEWAARTERMIJN = timedelta(hours=24)
# A Structured Field string (RFC 8941) as the draft asks, quotes optional here:
# printable ASCII without quote or backslash, at most 255 characters.
_VORM = re.compile(r'"?([\x20\x21\x23-\x5b\x5d-\x7e]{1,255})"?')


class AndereInhoud(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "idempotency_key_hergebruikt"


def _sleutel(request) -> str | None:
    waarde = request.headers.get(KOP)
    if waarde is None:
        return None
    gevonden = _VORM.fullmatch(waarde.strip())
    if gevonden is None or not gevonden.group(1).strip():
        raise exceptions.ValidationError(
            {
                KOP: [
                    _(
                        "De Idempotency-Key moet 1 tot 255 gewone tekens zijn, "
                        'bijvoorbeeld "8e03978e-40d5-43e8-bc93-6894a57f9324".'
                    )
                ]
            }
        )
    return gevonden.group(1)


def _vingerafdruk(request) -> str:
    """The body as the API read it (parsed JSON, keys sorted): the same request sent
    again with other whitespace or key order is the same request."""
    inhoud = json.dumps(request.data, sort_keys=True, default=str)
    return hashlib.sha256(inhoud.encode()).hexdigest()


def _herhalen(rij: Idempotentiesleutel, vingerafdruk: str) -> HttpResponse:
    if rij.vingerafdruk != vingerafdruk:
        raise AndereInhoud(
            _(
                "Deze Idempotency-Key is al gebruikt voor een verzoek met een andere "
                "inhoud. Stuur hetzelfde verzoek opnieuw, of gebruik een nieuwe sleutel "
                "voor een nieuw verzoek."
            )
        )
    response = HttpResponse(
        rij.antwoord, status=rij.status, content_type=JSONRenderer.media_type
    )
    response["Idempotent-Replayed"] = "true"
    if rij.locatie:
        response["Location"] = rij.locatie
    return response


def idempotent(post):
    """Decorator for an ApiView's `post` (see the module docstring)."""

    @wraps(post)
    def verwerken(self, request, *args, **kwargs):
        sleutel = _sleutel(request)
        if sleutel is None:
            return post(self, request, *args, **kwargs)
        vingerafdruk = _vingerafdruk(request)
        waar = {
            "medewerker": request.user,
            "eindpunt": f"{request.method} {request.path}"[:300],
            "sleutel": sleutel,
        }
        with transaction.atomic():
            Idempotentiesleutel.objects.filter(
                **waar, aangemaakt__lt=timezone.now() - BEWAARTERMIJN
            ).delete()
            try:
                with transaction.atomic():
                    rij = Idempotentiesleutel.objects.create(
                        **waar, vingerafdruk=vingerafdruk
                    )
            except IntegrityError:
                rij = Idempotentiesleutel.objects.filter(**waar).first()
                if rij is None or rij.status is None:
                    raise  # cannot happen: only finished rows are ever committed
                return _herhalen(rij, vingerafdruk)
            response = post(self, request, *args, **kwargs)
            if status.is_success(response.status_code):
                # The bytes as they will be sent (the API speaks JSON only).
                rij.antwoord = JSONRenderer().render(response.data).decode()
                rij.status = response.status_code
                rij.locatie = response.get("Location", "")[:500]
                rij.save(update_fields=["antwoord", "status", "locatie"])
            else:
                rij.delete()
        return response

    verwerken.idempotent = True
    return verwerken


def idempotentie_opruimen(nu=None) -> int:
    """Forget keys older than `BEWAARTERMIJN` (the daily bewaartermijnen run)."""
    nu = nu or timezone.now()
    verwijderd, _d = Idempotentiesleutel.objects.filter(
        aangemaakt__lt=nu - BEWAARTERMIJN
    ).delete()
    return verwijderd
