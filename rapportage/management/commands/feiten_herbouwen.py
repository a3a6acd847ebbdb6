"""`manage.py feiten_herbouwen`: fill the dashboards' fact tables from scratch."""

import time

from django.core.management.base import BaseCommand

from rapportage.feiten import herbouwen


class Command(BaseCommand):
    help = "Berekent de feitentabellen van de dashboards opnieuw voor alle kandidaten."

    def handle(self, *args, **options):
        begin = time.perf_counter()
        aantal = herbouwen()
        self.stdout.write(
            f"Feiten van {aantal} kandidaten opnieuw berekend in "
            f"{time.perf_counter() - begin:.1f} s."
        )
