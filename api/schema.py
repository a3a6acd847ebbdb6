"""How the OpenAPI document describes the two ways in (loaded in ApiConfig.ready)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class TokenSchema(OpenApiAuthenticationExtension):
    target_class = "api.authenticatie.ApiClientAuthentication"
    name = "apiKoppeling"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "De sleutel van een API-koppeling (de beheerder maakt hem in het "
                "beheer): Authorization: Bearer plpv_…"
            ),
        }


class SessieSchema(OpenApiAuthenticationExtension):
    target_class = "api.authenticatie.SessieAuthenticatie"
    name = "sessie"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": "sessionid",
            "description": (
                "Ingelogd in het portaal (in de browser). Schrijven vraagt ook de "
                "CSRF-token in de kop X-CSRFToken."
            ),
        }


def api_version_header(result, generator, request, public):
    """drf-spectacular post-processing hook: every response documents the
    `API-Version` header (NL API Design Rules, /core/version-header)."""
    kop = {
        "API-Version": {
            "description": "De volledige versie van de API (semver).",
            "schema": {"type": "string", "example": result["info"]["version"]},
        }
    }
    for operaties in result.get("paths", {}).values():
        for operatie in operaties.values():
            if not isinstance(operatie, dict):
                continue
            for antwoord in operatie.get("responses", {}).values():
                antwoord.setdefault("headers", {}).update(kop)
    return result


def kort_is_gesloten(result, generator, request, public):
    """drf-spectacular post-processing hook: the short candidate (a role without the
    case file) has no other fields, so a full candidate never also matches it and
    `KandidaatOfKort`'s `oneOf` names exactly one."""
    kort = result.get("components", {}).get("schemas", {}).get("KandidaatKort")
    if kort is not None:
        kort["additionalProperties"] = False
    return result


def idempotency_key_header(result, generator, request, public):
    """drf-spectacular post-processing hook: every POST takes an optional
    `Idempotency-Key` header (api/idempotentie.py; every POST view is decorated with
    `idempotent`, tests/api/test_idempotentie.py checks that) and may answer 422."""
    parameter = {
        "name": "Idempotency-Key",
        "in": "header",
        "required": False,
        "description": (
            "Optioneel. Een unieke sleutel per verzoek (bijvoorbeeld een UUID). Stuurt "
            "u hetzelfde verzoek binnen 24 uur opnieuw met dezelfde sleutel, dan krijgt "
            "u het eerste antwoord terug (met de kop Idempotent-Replayed: true) en "
            "wordt er niets nieuws gemaakt. Dezelfde sleutel met een andere inhoud "
            "geeft 422. Alleen een gelukt verzoek (2xx) wordt bewaard."
        ),
        "schema": {"type": "string", "minLength": 1, "maxLength": 257},
        "example": '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
    }
    for operaties in result.get("paths", {}).values():
        operatie = operaties.get("post")
        if not isinstance(operatie, dict):
            continue
        parameters = operatie.setdefault("parameters", [])
        if not any(p.get("name") == "Idempotency-Key" for p in parameters):
            parameters.append(parameter)
        antwoorden = operatie.setdefault("responses", {})
        if "422" not in antwoorden and "400" in antwoorden:
            antwoorden["422"] = {
                **antwoorden["400"],
                "description": (
                    "De Idempotency-Key is al gebruikt voor een verzoek met een "
                    "andere inhoud (application/problem+json)."
                ),
            }
    return result
