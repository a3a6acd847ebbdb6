from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SsoConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "sso"
    verbose_name = _("Inloggen met je organisatie (SSO)")

    def ready(self):
        from auditlog.registry import auditlog

        from organisaties.forms import WACHTWOORD_CONTROLES

        from .models import SsoIdentiteit, SsoKoppeling
        from .selectors import wachtwoord_geweigerd

        # Who changed which provider setting, and who linked or unlinked an account;
        # the encrypted client secret stays out of the trail.
        auditlog.register(SsoKoppeling, exclude_fields=["client_secret_versleuteld"])
        auditlog.register(SsoIdentiteit)
        WACHTWOORD_CONTROLES.append(wachtwoord_geweigerd)
