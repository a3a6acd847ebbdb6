from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "plpv_portal.core"
    label = "core"
    verbose_name = "Kern"
