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
