from django.db.models import QuerySet

from trajecten.models import Traject

from . import regels
from .models import Dossieraanvraag


def aanvragen_zichtbaar(*, user) -> QuerySet[Dossieraanvraag]:
    """Requests of the trajecten the user may see (the rule then asks who he is)."""
    return Dossieraanvraag.objects.filter(
        traject__in=Traject.objects.zichtbaar_voor(user)
    ).select_related("traject")


def laatste_aanvraag(traject: Traject) -> Dossieraanvraag | None:
    return traject.dossieraanvragen.order_by("-created_at", "-pk").first()


def traject_sectie(*, traject: Traject, user) -> dict:
    """The dossier panel on the traject page: only for its case managers."""
    mag = regels.mag_dossier_maken(traject, user)
    return {"mag": mag, "aanvraag": laatste_aanvraag(traject) if mag else None}
