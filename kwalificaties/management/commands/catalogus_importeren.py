from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kwalificaties.importeren import (
    catalogus_controleren,
    catalogus_importeren,
    csv_lezen,
)
from kwalificaties.sbb_xml import lijkt_op_xml, xml_controleren, xml_importeren


class Command(BaseCommand):
    help = (
        "Import kwalificaties, kerntaken and werkprocessen from a CSV (see "
        "werkprocessen.csv) or an SBB kwalificatiedossier XML."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "pad",
            help="CSV in the format of kwalificaties/data/werkprocessen.csv, or SBB XML",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check only; change nothing."
        )

    def handle(self, *args, pad, dry_run, **options):
        pad = Path(pad)
        try:
            with pad.open("rb") as f:
                if lijkt_op_xml(pad.name, f.read(64)):
                    f.seek(0)
                    controle = (xml_controleren if dry_run else xml_importeren)(
                        f, grootte=pad.stat().st_size
                    )
                else:
                    rijen = csv_lezen(pad.read_text(encoding="utf-8"))
                    controle = (
                        catalogus_controleren if dry_run else catalogus_importeren
                    )(rijen)
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Kan {pad} niet lezen: {exc}") from exc
        for opmerking in controle.opmerkingen:
            self.stderr.write(f"Let op: {opmerking}")
        for fout in controle.fouten:
            self.stderr.write(fout)
        if not controle.goed:
            raise CommandError(
                f"{len(controle.fouten)} fout(en); er is niets geïmporteerd."
            )
        woord = "Zou importeren" if dry_run else "Geïmporteerd"
        self.stdout.write(
            f"{woord}: {controle.kwalificaties} kwalificaties, "
            f"{len(controle.rijen)} werkprocessen "
            f"({controle.nieuw} nieuw, {controle.bijgewerkt} met een nieuwe titel); "
            f"eerste gedragsvoorbeelden (concept) voor {controle.gedrag_concepten} "
            "werkprocessen."
        )
