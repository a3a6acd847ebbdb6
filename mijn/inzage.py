"""Who viewed or changed a candidate's file, for the candidate: per day the
organisation and the role, never a staff member's name (art. 15 AVG asks for the
recipients or their categories). Shown on the candidate's own page (`/mijn/privacy/`)
and in the inzageverslag PDF (plpv_portal/inzage.py, which imports it from here).

The file is every audited row that belongs to the candidate, as the apps declare it
beside their models (`<app>/persoonsgegevens.py`, organisaties.audit): a new model
that holds a candidate's data is in the report as soon as it is declared, which the
retention test (tests/bewaartermijnen/test_registratie.py) demands. The candidate's
own visits read "U zelf"; other entries without a staff actor are the portal itself.
"""

from auditlog.registry import auditlog

from core.auditoverzicht import Inzage, audit_samenvatten
from kandidaten.models import Kandidaat
from organisaties.audit import PERSOONSVELDEN


def _gedeelten(kandidaat: Kandidaat) -> list[tuple[type, list[int]]]:
    """The audited rows that belong to the candidate's file, per model."""
    return [
        (spec.model, list(spec.rijen(kandidaat).values_list("pk", flat=True)))
        for spec in PERSOONSVELDEN.values()
        if auditlog.contains(spec.model)
    ]


def inzage_lijst(kandidaat: Kandidaat) -> list[Inzage]:
    """Who viewed or changed the file: per day, organisation, role, action and part,
    newest first."""
    return audit_samenvatten(_gedeelten(kandidaat), kandidaat_id=kandidaat.pk)
