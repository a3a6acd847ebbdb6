from django.apps import AppConfig


class RapportageConfig(AppConfig):
    """The dashboards: read-only figures over every app below it. No models."""

    name = "rapportage"
    verbose_name = "Rapportage"
