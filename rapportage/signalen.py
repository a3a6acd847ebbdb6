"""Keep the fact tables current: every save or delete of a row the facts are made of
queues an update of its candidate's facts (rapportage.feiten.inplannen).

Connected in RapportageConfig.ready, so the lower apps know nothing of the facts.
Bulk writes send no signals; the periodic rebuild repairs what they change.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from kandidaten.models import Kandidaat
from trajecten.models import Advies, Plaatsing, Traject, TrajectStatuswijziging
from uitkomsten.models import Uitkomst, Vervolgmeting
from verklaringen.models import Praktijkverklaring

from .feiten import inplannen

UID = "rapportage_feiten"


def _kandidaat(sender, instance, **kwargs):
    inplannen([instance.pk])


def _eigen_kandidaat(sender, instance, **kwargs):
    inplannen([instance.kandidaat_id])


# Saves that touch only these fields change no fact (a PDF being made).
GEEN_FEIT = {"pdf", "pdf_status", "updated_at"}


def _via_traject(sender, instance, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= GEEN_FEIT:
        return
    inplannen(
        Traject.objects.filter(pk=instance.traject_id).values_list(
            "kandidaat_id", flat=True
        )
    )


def _werkprocessen(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:
        traject_ids = [getattr(instance, "traject_id", instance.pk)]
    elif sender is Traject.werkprocessen.through:
        traject_ids = list(pk_set or ())
    else:
        traject_ids = list(
            Praktijkverklaring.objects.filter(pk__in=pk_set or ()).values_list(
                "traject_id", flat=True
            )
        )
    inplannen(
        Traject.objects.filter(pk__in=traject_ids).values_list(
            "kandidaat_id", flat=True
        )
    )


def verbinden() -> None:
    for signaal in (post_save, post_delete):
        signaal.connect(_kandidaat, sender=Kandidaat, dispatch_uid=f"{UID}_kandidaat")
        for model in (Traject, Advies):
            signaal.connect(
                _eigen_kandidaat, sender=model, dispatch_uid=f"{UID}_{model.__name__}"
            )
        for model in (
            TrajectStatuswijziging,
            Plaatsing,
            Uitkomst,
            Vervolgmeting,
            Praktijkverklaring,
        ):
            signaal.connect(
                _via_traject, sender=model, dispatch_uid=f"{UID}_{model.__name__}"
            )
    for through in (
        Traject.werkprocessen.through,
        Praktijkverklaring.werkprocessen.through,
    ):
        m2m_changed.connect(
            _werkprocessen, sender=through, dispatch_uid=f"{UID}_{through.__name__}"
        )
