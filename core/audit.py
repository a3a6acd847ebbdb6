"""Bulk writes that keep the audit trail whole.

`QuerySet.update()` and `bulk_create()` send no model signals, so django-auditlog
writes no entry for them. Services that write audited models in bulk use these two
instead: the same single statement for the data, plus one entry per row with the
change and the actor (auditlog's context sets it, as for a normal save). Models that
are not registered with auditlog are written as plain bulk operations.
"""

import copy

from django.conf import settings
from django.db import models, transaction

from auditlog.diff import model_instance_diff
from auditlog.models import LogEntry
from auditlog.registry import auditlog


def _vastleggen(actie: int, oud, nieuw) -> None:
    wijzigingen = model_instance_diff(
        oud,
        nieuw,
        use_json_for_changes=getattr(settings, "AUDITLOG_STORE_JSON_CHANGES", False),
    )
    if wijzigingen:
        LogEntry.objects.log_create(nieuw, action=actie, changes=wijzigingen)


def bulk_aanmaken(model: type[models.Model], objecten, **kwargs) -> list:
    """`model.objects.bulk_create(objecten)`, with a create entry per new row."""
    gemaakt = model.objects.bulk_create(objecten, **kwargs)
    if auditlog.contains(model):
        for obj in gemaakt:
            _vastleggen(LogEntry.Action.CREATE, None, obj)
    return gemaakt


def bijwerken(queryset: models.QuerySet, **waarden) -> int:
    """`queryset.update(**waarden)` (plain values only), with an update entry per row
    that changes. Returns the number of rows updated.

    The rows are locked while they are read, so the entries record the values the
    update really replaced, even when another request writes the same rows."""
    model = queryset.model
    if not auditlog.contains(model):
        return queryset.update(**waarden)
    with transaction.atomic():
        rijen = list(queryset.select_for_update(of=("self",)))
        for obj in rijen:
            oud = copy.copy(obj)
            for veld, waarde in waarden.items():
                setattr(obj, veld, waarde)
            _vastleggen(LogEntry.Action.UPDATE, oud, obj)
        return model._base_manager.filter(pk__in=[o.pk for o in rijen]).update(
            **waarden
        )
