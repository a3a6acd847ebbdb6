"""Make a new key that signs the praktijkverklaringen' credentials (key rotation).

The new key signs from now on; the older keys stay in the JWKS
(`/.well-known/jwks.json`), so every credential signed before stays verifiable."""

from django.core.management.base import BaseCommand

from verklaringen import credential


class Command(BaseCommand):
    help = (
        "Maak een nieuwe ondertekeningssleutel voor de digitale praktijkverklaringen."
    )

    def handle(self, *args, **options):
        sleutel = credential.sleutel_maken()
        self.stdout.write(
            f"Nieuwe sleutel {sleutel.kid} ondertekent vanaf nu. "
            "Oudere sleutels blijven gepubliceerd voor controle."
        )
