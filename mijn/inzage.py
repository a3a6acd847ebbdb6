"""Who viewed or changed a candidate's file, for the candidate: per day the
organisation and the role, never a staff member's name (art. 15 AVG asks for the
recipients or their categories). Shown on the candidate's own page (`/mijn/privacy/`)
and in the inzageverslag PDF (plpv_portal/inzage.py, which imports it from here).

An entry without a staff actor is either the portal itself ("automatisch") or the
candidate on their own pages: those entries carry `{"kandidaat": <id>}` in
`additional_data` (see `mijn.audit`) and read "U zelf".
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from auditlog.models import LogEntry

from kandidaten.models import Contactmoment, Kandidaat
from trajecten.models import (
    Advies,
    Ondertekening,
    OvereenkomstVersie,
    Plaatsing,
    Traject,
)
from uitkomsten.models import Uitkomst, Vervolgmeting
from verklaringen.models import Eindbeoordeling, Observatie, Praktijkverklaring
from voortgang.models import Aanwezigheid, GesprekOndertekening, Voortgangsgesprek

ACTIE = {
    LogEntry.Action.CREATE: "toegevoegd",
    LogEntry.Action.UPDATE: "gewijzigd",
    LogEntry.Action.DELETE: "verwijderd",
    LogEntry.Action.ACCESS: "bekeken",
}


@dataclass(frozen=True)
class Inzage:
    """One row of the table 'wie heeft uw dossier bekeken of gewijzigd'."""

    datum: date
    organisatie: str
    rol: str
    actie: str
    onderdeel: str
    aantal: int


def _gedeelten(kandidaat: Kandidaat) -> list[tuple[type, list[int]]]:
    """The audited rows that belong to the candidate's file, per model."""
    trajecten = list(kandidaat.trajecten.values_list("pk", flat=True))

    def ids(model, **filter_) -> list[int]:
        return list(model.objects.filter(**filter_).values_list("pk", flat=True))

    per_traject = [
        Plaatsing,
        Observatie,
        Eindbeoordeling,
        Praktijkverklaring,
        Uitkomst,
        Vervolgmeting,
        Voortgangsgesprek,
    ]
    return [
        (Kandidaat, [kandidaat.pk]),
        (Contactmoment, ids(Contactmoment, kandidaat=kandidaat)),
        (Advies, ids(Advies, kandidaat=kandidaat)),
        (Traject, trajecten),
        *[(m, ids(m, traject__in=trajecten)) for m in per_traject],
        (
            OvereenkomstVersie,
            ids(OvereenkomstVersie, overeenkomst__traject__in=trajecten),
        ),
        (
            Ondertekening,
            ids(Ondertekening, versie__overeenkomst__traject__in=trajecten),
        ),
        (Aanwezigheid, ids(Aanwezigheid, plaatsing__traject__in=trajecten)),
        (
            GesprekOndertekening,
            ids(GesprekOndertekening, gesprek__traject__in=trajecten),
        ),
    ]


def inzage_lijst(kandidaat: Kandidaat) -> list[Inzage]:
    """Who viewed or changed the file: per day, organisation, role, action and part,
    newest first."""
    filter_ = Q(pk__in=[])
    for model, ids in _gedeelten(kandidaat):
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
            and (entry.additional_data or {}).get("kandidaat") == kandidaat.pk
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
