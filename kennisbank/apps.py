from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KennisbankConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "kennisbank"
    verbose_name = _("Kennisbank")

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Item

        # Who changed which item, and when (the items hold no personal data).
        auditlog.register(Item, exclude_fields=["body"], m2m_fields={"tags"})
