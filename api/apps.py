from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = _("API-koppelingen")

    def ready(self):
        from auditlog.registry import auditlog

        from bewaartermijnen.services import tijdelijke_gegevens_registreren

        from . import schema  # noqa: F401  (registers the OpenAPI extensions)
        from .idempotentie import idempotentie_opruimen
        from .models import ApiClient

        # Idempotency keys are kept a day: the daily retention run removes them.
        tijdelijke_gegevens_registreren(idempotentie_opruimen)

        # Who made or revoked which client; the token's hash and the last use stay
        # out of the trail (the last use is no decision of a person).
        auditlog.register(
            ApiClient, exclude_fields=["token_hash", "laatst_gebruikt_op"]
        )
