from django.apps import AppConfig


class LeerbedrijvenConfig(AppConfig):
    name = "leerbedrijven"
    verbose_name = "Leerbedrijven"
