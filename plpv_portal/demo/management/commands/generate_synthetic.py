from django.core.management.base import BaseCommand, CommandError

from plpv_portal.synthetisch import NietToegestaan, genereren


class Command(BaseCommand):
    help = (
        "Build a national-scale fictional dataset (all regions, every stage, bulk "
        "inserts) for load tests and `manage.py benchmark`. Refused in production."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--kandidaten", type=int, default=100_000, help="Number of candidates."
        )
        parser.add_argument(
            "--regios",
            type=int,
            default=None,
            help="Only the N largest arbeidsmarktregio's (default: all 35).",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed (same seed, same data)."
        )

    def handle(self, *args, kandidaten, regios, seed, **options):
        if kandidaten < 1 or (regios is not None and not 1 <= regios <= 35):
            raise CommandError("Kies --kandidaten >= 1 en --regios tussen 1 en 35.")
        self.stdout.write(
            f"Synthetische data: {kandidaten} kandidaten, "
            f"{regios or 'alle'} regio's, seed {seed}"
        )
        try:
            resultaat = genereren(
                kandidaten=kandidaten,
                regios=regios,
                seed=seed,
                schrijf=self.stdout.write,
            )
        except NietToegestaan as exc:
            raise CommandError(str(exc)) from exc
        for label, aantal in sorted(resultaat.aantallen.items()):
            self.stdout.write(f"  {label:<45} {aantal:>10}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar in {resultaat.seconden:.0f} s "
                f"({sum(resultaat.aantallen.values())} rijen)."
            )
        )
