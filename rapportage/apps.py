from django.apps import AppConfig


class RapportageConfig(AppConfig):
    """The dashboards: read-only figures over every app below it, computed from
    region-local fact tables that the signals here keep current."""

    name = "rapportage"
    verbose_name = "Rapportage"

    def ready(self):
        from . import signalen

        signalen.verbinden()
