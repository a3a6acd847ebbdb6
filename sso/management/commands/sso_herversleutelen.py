"""Re-encrypt every stored SSO client secret with the first key of SSO_SLEUTEL."""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.crypto import herversleutel
from sso.models import SLEUTEL, SsoKoppeling


class Command(BaseCommand):
    help = (
        "Versleutelt elk opgeslagen client secret van de SSO-koppelingen opnieuw met "
        "de eerste sleutel van SSO_SLEUTEL. Daarna kan de oude sleutel eruit."
    )

    def handle(self, *args, **options):
        aantal = 0
        for pk in list(SsoKoppeling.objects.values_list("pk", flat=True)):
            with transaction.atomic():
                koppeling = (
                    SsoKoppeling.objects.select_for_update().filter(pk=pk).first()
                )
                if koppeling is None:
                    continue
                koppeling.client_secret_versleuteld = herversleutel(
                    koppeling.client_secret_versleuteld, instelling=SLEUTEL
                )
                koppeling.save(
                    update_fields=["client_secret_versleuteld", "updated_at"]
                )
            aantal += 1
        self.stdout.write(f"{aantal} client secrets opnieuw versleuteld.")
