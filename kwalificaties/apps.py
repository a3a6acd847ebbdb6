from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _catalogus_na_migrate(sender, **kwargs):
    # Restores the sample catalog after a test database flush; never touches a
    # catalog that holds data.
    from .catalogus import catalogus_laden
    from .models import Kerntaak, Kwalificatie, Werkproces

    if not Kwalificatie.objects.exists():
        catalogus_laden(Kwalificatie, Kerntaak, Werkproces)


class KwalificatiesConfig(AppConfig):
    name = "kwalificaties"
    verbose_name = "Kwalificaties en werkprocessen"

    def ready(self):
        post_migrate.connect(
            _catalogus_na_migrate, sender=self, dispatch_uid="kwal_catalogus"
        )
