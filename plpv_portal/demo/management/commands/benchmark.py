import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plpv_portal.benchmark import (
    Benchmark,
    Doorvoer,
    GunicornFout,
    tabel,
    verhouding_regels,
    verhouding_tabel,
)
from plpv_portal.synthetisch import toegestaan


class Command(BaseCommand):
    help = (
        "Time the dashboards and the main list pages through the test client (query "
        "count, median and p95), the dashboards' hand-written SQL and the lists "
        "against a bare view (ratio; --doorvoer: requests per second over gunicorn); "
        "see README."
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

        parser.add_argument(
            "--rondes",
            type=int,
            default=None,
            help="Interleaved rounds of the lists against the bare view "
            "(default: --requests).",
        )
        parser.add_argument(
            "--doorvoer",
            action="store_true",
            help="Also serve the portal with gunicorn on loopback and compare requests "
            "per second of the lists and the bare views.",
        )
        parser.add_argument(
            "--doorvoer-rondes", type=int, default=3, help="Rounds (default 3)."
        )
        parser.add_argument(
            "--doorvoer-requests",
            type=int,
            default=100,
            help="Requests per URL per round (default 100).",
        )
        parser.add_argument(
            "--gelijktijdig",
            type=int,
            default=4,
            help="Requests at the same time (default 4).",
        )
        parser.add_argument(
            "--workers", type=int, default=2, help="gunicorn workers (default 2)."
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
        doorvoer = None
        if options["doorvoer"]:
            doorvoer = Doorvoer(
                rondes=options["doorvoer_rondes"],
                requests=options["doorvoer_requests"],
                gelijktijdig=options["gelijktijdig"],
                workers=options["workers"],
            )
            if min(doorvoer.rondes, doorvoer.requests, doorvoer.gelijktijdig) < 1:
                raise CommandError("Kies voor de doorvoer overal 1 of meer.")
        try:
            rapport = Benchmark(
                requests=requests,
                schrijf=self.stdout.write,
                met_jit=met_jit,
                rondes=options["rondes"],
                doorvoer=doorvoer,
            ).uitvoeren()
        except GunicornFout as exc:
            raise CommandError(f"Doorvoer niet gemeten: {exc}") from exc
        self.stdout.write("")
        for regel in tabel(rapport):
            self.stdout.write(regel)
        self.stdout.write("")
        for regel in verhouding_tabel(rapport):
            self.stdout.write(regel)
        self.stdout.write("")
        for regel in verhouding_regels(rapport):
            self.stdout.write(regel)
        if json_pad:
            Path(json_pad).write_text(
                json.dumps(rapport.als_dict(), indent=2, ensure_ascii=False) + "\n",
                encoding="utf-8",
            )
            self.stdout.write(f"JSON: {json_pad}")
