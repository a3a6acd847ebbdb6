from django.conf import settings
from django.core.checks import Error, register


@register()
def bsn_sleutel_check(app_configs, **kwargs):
    """BSN storage needs an encryption key; refuse to run half-configured."""
    if settings.KANDIDAAT_BSN_AAN and not settings.BSN_SLEUTEL:
        return [
            Error(
                "KANDIDAAT_BSN_AAN is on but BSN_SLEUTEL is empty.",
                hint="Set BSN_SLEUTEL to a Fernet key (see README, BSN).",
                id="kandidaten.E001",
            )
        ]
    return []
