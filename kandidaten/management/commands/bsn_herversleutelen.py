"""Re-encrypt every stored BSN with the first key of BSN_SLEUTEL (key rotation)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.crypto import herversleutel
from kandidaten.models import Kandidaat


class Command(BaseCommand):
    help = (
        "Versleutelt elk opgeslagen BSN opnieuw met de eerste sleutel van BSN_SLEUTEL. "
        "Daarna kan de oude sleutel uit BSN_SLEUTEL."
    )

    def handle(self, *args, **options):
        aantal = 0
        ids = Kandidaat.objects.filter(bsn_versleuteld__isnull=False).values_list(
            "pk", flat=True
        )
        for pk in list(ids):
            # One row at a time, locked: a consulent saving the candidate meanwhile
            # waits. The BSN is left out of the audit diff.
            # The version goes up, so a form opened before the rotation cannot write
            # the value under the old key back (optimistic check, core.concurrency).
            with transaction.atomic():
                kandidaat = Kandidaat.objects.select_for_update().filter(pk=pk).first()
                if kandidaat is None or not kandidaat.bsn_versleuteld:
                    continue  # removed or emptied meanwhile
                kandidaat.bsn_versleuteld = herversleutel(kandidaat.bsn_versleuteld)
                kandidaat.versie += 1
                kandidaat.save(update_fields=["bsn_versleuteld", "versie"])
            aantal += 1
        self.stdout.write(f"{aantal} BSN's opnieuw versleuteld.")
