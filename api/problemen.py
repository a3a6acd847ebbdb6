"""Errors as problem details (RFC 9457, `application/problem+json`), in Dutch.

Every error of the API has `type`, `title` (the same per status), `status`,
`detail` (this occurrence) and `instance` (the path); a validation error adds
`invalid-params` (one entry per field and message, `name` and `reason`).
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from rest_framework import exceptions, status
from rest_framework.views import exception_handler

PROBLEM_JSON = "application/problem+json"

TITELS = {
    400: "Ongeldige invoer",
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Formaat niet beschikbaar",
    409: "Conflict",
    415: "Formaat niet ondersteund",
    422: "Niet te verwerken",
    429: "Te veel verzoeken",
}
DETAILS = {
    401: "Log in of stuur een geldige sleutel mee.",
    403: "Je hebt geen recht om dit te doen.",
    404: "Dit adres of object bestaat niet, of je mag het niet zien.",
}


def _uit_django(exc: DjangoValidationError) -> exceptions.ValidationError:
    if hasattr(exc, "error_dict"):
        return exceptions.ValidationError(
            {
                veld: [m for fout in fouten for m in fout.messages]
                for veld, fouten in exc.error_dict.items()
            }
        )
    return exceptions.ValidationError({"__all__": exc.messages})


def _invalid_params(detail, prefix: str = "") -> tuple[list[dict], list[str]]:
    """Flatten DRF's error structure into invalid-params and general messages."""
    params, algemeen = [], []
    if isinstance(detail, dict):
        for veld, sub in detail.items():
            if veld in ("__all__", "non_field_errors"):
                _p, berichten = _invalid_params(sub)
                algemeen += berichten
                continue
            naam = f"{prefix}.{veld}" if prefix else str(veld)
            p, berichten = _invalid_params(sub, naam)
            params += p
            params += [{"name": naam, "reason": b} for b in berichten]
    elif isinstance(detail, list):
        for item in detail:
            p, berichten = _invalid_params(item, prefix)
            params += p
            algemeen += berichten
    else:
        algemeen.append(str(detail))
    return params, algemeen


def problem_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(DETAILS[404])
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(DETAILS[403])
    elif isinstance(exc, DjangoValidationError):
        exc = _uit_django(exc)
    response = exception_handler(exc, context)
    if response is None:
        return None  # a real error: Django's 500 page and the error tracking
    code = response.status_code
    request = context.get("request")
    body = {
        "type": "about:blank",
        "title": TITELS.get(code, "Fout"),
        "status": code,
        "instance": request.path if request is not None else "",
    }
    if isinstance(exc, exceptions.ValidationError):
        params, algemeen = _invalid_params(exc.detail)
        body["detail"] = " ".join(algemeen) or _(
            "Niet alle gegevens zijn goed ingevuld. Kijk bij invalid-params."
        )
        body["invalid-params"] = params
    else:
        detail = getattr(exc, "detail", "")
        if code in DETAILS and isinstance(exc, exceptions.NotAuthenticated):
            detail = DETAILS[code]
        body["detail"] = str(detail) if detail else DETAILS.get(code, "")
    if code == status.HTTP_429_TOO_MANY_REQUESTS:
        body["detail"] = _(
            "Je hebt te veel verzoeken gedaan. Probeer het over een tijdje opnieuw."
        )
    response.data = body
    response.content_type = PROBLEM_JSON
    return response
