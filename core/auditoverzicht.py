"""A readable summary of audit entries: who viewed or changed some rows, per day,
organisation, role, action and part. Used by the inzageverslag (plpv_portal.inzage)
and the funding dossier (dossier); it lives here so both floors may import it.

The organisation and the role are shown, not the staff member's name. The role is
the one the person holds now (the audit trail stores the actor, not their role at
the time). Entries on one day by one organisation and role are counted in one row.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from auditlog.models import LogEntry

ACTIE = {
    LogEntry.Action.CREATE: "toegevoegd",
    LogEntry.Action.UPDATE: "gewijzigd",
    LogEntry.Action.DELETE: "verwijderd",
    LogEntry.Action.ACCESS: "bekeken",
}


@dataclass(frozen=True)
class Inzage:
    """One row: on `datum`, someone of `organisatie` as `rol` did `actie` on
    `onderdeel`, `aantal` times."""

    datum: date
    organisatie: str
    rol: str
    actie: str
    onderdeel: str
    aantal: int


def audit_samenvatten(
    gedeelten: list[tuple[type, list[int]]], *, kandidaat_id: int | None = None
) -> list[Inzage]:
    """The audit entries of the rows `gedeelten` ((model, ids) pairs), summarised per
    day, organisation, role, action and part, newest first. With `kandidaat_id`, the
    entries that candidate wrote on their own pages (no staff actor, `{"kandidaat":
    id}` in `additional_data`: see mijn/audit.py) read "U zelf"."""
    filter_ = Q(pk__in=[])
    for model, ids in gedeelten:
        if ids:
            filter_ |= Q(
                content_type=ContentType.objects.get_for_model(model),
                object_pk__in=[str(pk) for pk in ids],
            )
    entries = (
        LogEntry.objects.filter(filter_)
        .select_related("actor__organisatie", "content_type")
        .prefetch_related("actor__groups")
        .order_by("-timestamp")
    )
    tellers: Counter = Counter()
    for entry in entries:
        actor = entry.actor
        if (
            actor is None
            and kandidaat_id is not None
            and (entry.additional_data or {}).get("kandidaat") == kandidaat_id
        ):
            organisatie, rol = "U zelf", "kandidaat"
        elif actor is None:
            organisatie, rol = "Het portaal zelf", "automatisch"
        else:
            organisatie = actor.organisatie.naam if actor.organisatie else "Beheer"
            rol = ", ".join(str(r) for r in actor.rol_labels) or "beheerder"
        onderdeel = str(entry.content_type.model_class()._meta.verbose_name)
        sleutel = (
            timezone.localdate(entry.timestamp),
            organisatie,
            rol,
            ACTIE.get(entry.action, "gebruikt"),
            onderdeel,
        )
        tellers[sleutel] += 1
    rijen = [Inzage(*sleutel, aantal) for sleutel, aantal in tellers.items()]
    return sorted(rijen, key=lambda r: r.datum, reverse=True)
