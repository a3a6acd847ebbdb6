from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from trajecten.services.postcodes import (
    VOORBEELD,
    postcodegebieden_controleren,
    postcodegebieden_laden,
)


class Command(BaseCommand):
    help = (
        "Load the centroids of 4-digit postcodes (CSV: pc4;lat;lon) for the distance "
        "in matching. Replaces what was loaded before. Without a path: the small "
        "fictional example file (demo and tests)."
    )

    def add_arguments(self, parser):
        parser.add_argument("pad", nargs="?", default=str(VOORBEELD))
        parser.add_argument(
            "--dry-run", action="store_true", help="Check only; change nothing."
        )

    def handle(self, *args, pad, dry_run, **options):
        try:
            tekst = Path(pad).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Kan {pad} niet lezen: {exc}") from exc
        uitkomst = (
            postcodegebieden_controleren if dry_run else postcodegebieden_laden
        )(tekst)
        for fout in uitkomst.fouten:
            self.stderr.write(fout)
        if not uitkomst.goed:
            raise CommandError(f"{len(uitkomst.fouten)} fout(en); er is niets geladen.")
        woord = "Zou laden" if dry_run else "Geladen"
        self.stdout.write(f"{woord}: {len(uitkomst.gebieden)} postcodegebieden.")
