from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor: base models and helpers every app may use. Imports no app."""

    name = "core"
    label = "core"
    verbose_name = "Kern"

    def ready(self):
        from .invoer import keuzevelden_begrenzen

        # An id beyond the database's range gets "Selecteer een geldige keuze" in
        # every form and filter, never a 500 (why here: core/invoer.py).
        keuzevelden_begrenzen()
