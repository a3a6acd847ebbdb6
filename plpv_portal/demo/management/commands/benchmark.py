import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plpv_portal.benchmark import Benchmark, tabel
from plpv_portal.synthetisch import toegestaan


class Command(BaseCommand):
    help = (
        "Time the dashboards and the main list pages through the test client (query "
        "count, median and p95) and the dashboards' hand-written SQL; see README."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--requests", type=int, default=20, help="Requests per page (default 20)."
        )
        parser.add_argument(
            "--json", dest="json_pad", default=None, help="Also write the figures here."
        )
        parser.add_argument(
            "--met-jit",
            action="store_true",
            help="SET jit = on for this run, to compare (the portal turns it off).",
        )

    def handle(self, *args, requests, json_pad, met_jit, **options):
        # It creates benchmark logins: never on a production installation.
        if not toegestaan():
            raise CommandError(
                "benchmark weigert: deze instellingen staan geen demo- of testdata toe "
                "(DEMO_DATA_ALLOWED is uit, zoals in productie). / Refused: these "
                "settings do not allow demo or benchmark data."
            )
        if requests < 1:
            raise CommandError("Kies --requests 1 of meer.")
        rapport = Benchmark(
            requests=requests, schrijf=self.stdout.write, met_jit=met_jit
        ).uitvoeren()
        self.stdout.write("")
        for regel in tabel(rapport):
            self.stdout.write(regel)
        if json_pad:
            Path(json_pad).write_text(
                json.dumps(rapport.als_dict(), indent=2, ensure_ascii=False) + "\n",
                encoding="utf-8",
            )
            self.stdout.write(f"JSON: {json_pad}")
