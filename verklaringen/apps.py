from django.apps import AppConfig


class VerklaringenConfig(AppConfig):
    name = "verklaringen"
    verbose_name = "Praktijkverklaringen"
