"""Reads of the catalog. Reference data: every logged-in user may read all of it."""

from django.db.models import QuerySet

from .models import Kwalificatie, Werkproces


def kwalificatie_list() -> QuerySet[Kwalificatie]:
    return Kwalificatie.objects.order_by("naam")


def werkproces_list(
    *, kwalificatie: Kwalificatie | None = None
) -> QuerySet[Werkproces]:
    """Werkprocessen with their kerntaak and kwalificatie, optionally of one kwalificatie."""
    qs = Werkproces.objects.select_related("kerntaak__kwalificatie")
    if kwalificatie is not None:
        qs = qs.van_kwalificatie(kwalificatie)
    return qs.order_by("kerntaak__kwalificatie__naam", "code")
