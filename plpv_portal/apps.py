from django.apps import apps
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class PlpvAdminConfig(AdminConfig):
    default_site = "plpv_portal.admin.PlpvAdminSite"

    def ready(self):
        super().ready()  # imports every app's admin module
        dutch_third_party_labels()


def dutch_third_party_labels():
    """The few labels of third-party apps that gettext cannot reach (written without
    `_()`); the rest is Dutch through locale/nl/LC_MESSAGES/django.po. Only the admin
    shows them. Model fields are left alone: a changed verbose_name would ask for a
    migration in the third-party app."""
    if apps.is_installed("axes"):
        apps.get_app_config("axes").verbose_name = _("Inlogpogingen")
    if apps.is_installed("django_celery_beat"):
        from django_celery_beat.admin import PeriodicTaskAdmin

        PeriodicTaskAdmin.crontab_translation.short_description = _(
            "Tijdschema in woorden"
        )
    if apps.is_installed("auditlog"):
        from auditlog.mixins import LogEntryAdminMixin

        LogEntryAdminMixin.cid_url.short_description = _("Correlatie-ID")
