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
