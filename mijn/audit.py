"""The candidate in the audit trail. A candidate has no `User`, so an entry made on
their own pages has no actor; `additional_data` names them: `{"kandidaat": <id>,
"via": "mijn"}`. The inzage list (`mijn.inzage`) renders those as "U zelf", and the
beheerder's audit trail shows them as entries without a staff actor."""

from auditlog.models import LogEntry


def als_kandidaat(kandidaat_id: int, **extra) -> dict:
    return {"kandidaat": kandidaat_id, "via": "mijn", **extra}


def inzage_vastleggen(obj, *, kandidaat_id: int, **extra) -> LogEntry:
    """One access entry on `obj` (the Kandidaat, a verklaring) by the candidate."""
    return LogEntry.objects.log_create(
        obj,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=None,
        additional_data=als_kandidaat(kandidaat_id, **extra),
    )
