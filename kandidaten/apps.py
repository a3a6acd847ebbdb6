from django.apps import AppConfig


class KandidatenConfig(AppConfig):
    name = "kandidaten"
    verbose_name = "Kandidaten"
