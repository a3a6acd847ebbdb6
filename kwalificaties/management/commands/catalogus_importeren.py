from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kwalificaties.importeren import (
    catalogus_controleren,
    catalogus_importeren,
    csv_lezen,
)


class Command(BaseCommand):
    help = "Import kwalificaties, kerntaken and werkprocessen from a CSV (see werkprocessen.csv)."

    def add_arguments(self, parser):
        parser.add_argument(
            "pad", help="CSV file in the format of kwalificaties/data/werkprocessen.csv"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check only; change nothing."
        )

    def handle(self, *args, pad, dry_run, **options):
        try:
            rijen = csv_lezen(Path(pad).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Kan {pad} niet lezen: {exc}") from exc
        controle = (catalogus_controleren if dry_run else catalogus_importeren)(rijen)
        for fout in controle.fouten:
            self.stderr.write(fout)
        if not controle.goed:
            raise CommandError(
                f"{len(controle.fouten)} fout(en); er is niets geïmporteerd."
            )
        woord = "Zou importeren" if dry_run else "Geïmporteerd"
        self.stdout.write(
            f"{woord}: {len(controle.rijen)} werkprocessen "
            f"({controle.nieuw} nieuw, {controle.bijgewerkt} met een nieuwe titel)."
        )
