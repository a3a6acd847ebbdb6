"""Retention: anonymising candidates and removing old audit entries, notifications
and sessions.

The workflow: the daily task `bewaartermijnen_toepassen` anonymises every candidate
whose retention period ended (selectors.te_anonimiseren_qs) and deletes what is older
than its period; a consulent honours an erasure request for one candidate at once
(`kandidaat_anonimiseren` with a reason). Anonymising empties the personal fields of
every model that belongs to the candidate, as registered in
`organisaties.audit.PERSOONSVELDEN`, removes their files from storage and takes the
personal values out of the audit trail's entries about those rows. Ids, dates,
choices and everything the dashboards count stay. One `Anonimisering` row records it
(audited, with no personal value); the candidate gets `geanonimiseerd_op`.

The rows are written with plain `update()`: an audit entry per change would keep the
very values that are being erased (tests/portal/test_audit_volledig.py allows it here).
"""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.contrib.admin.models import LogEntry as AdminLogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from auditlog.models import LogEntry

from core.inzending import Inzending
from core.models import SpreadsheetImport
from kandidaten.models import Kandidaat
from meldingen.models import Melding
from organisaties.audit import ANONIEM, PERSOONSVELDEN, STANDAARD, Persoonsvelden

from .models import Anonimisering, AnonimiseringReden, Bewaartermijnen
from .regels import mag_anonimiseren
from .selectors import te_anonimiseren_qs

logger = logging.getLogger(__name__)


def _vaste_waarde(veld: models.Field, vervanging):
    """The value a STANDAARD or fixed replacement writes (None: skip this field)."""
    if vervanging is not STANDAARD:
        return vervanging
    if isinstance(veld, models.JSONField):
        return veld.get_default() if veld.has_default() else {}
    if isinstance(veld, models.CharField | models.TextField):
        return ANONIEM[: veld.max_length] if veld.max_length else ANONIEM
    return None


def _rijen_anonimiseren(spec: Persoonsvelden, kandidaat: Kandidaat) -> list[int]:
    """Empty the personal fields of the candidate's rows of one model; returns the
    rows' pks (for the audit trail). Files go from storage; their names hold ids only
    and stay, so a constraint like "signed on paper has a file" still holds."""
    qs = spec.rijen(kandidaat)
    pks = list(qs.values_list("pk", flat=True))
    if not pks:
        return pks
    model = spec.model
    qs = model._base_manager.filter(pk__in=pks)
    per_rij: dict[str, Callable] = {}
    vast: dict[str, object] = {}
    for naam, vervanging in spec.velden.items():
        veld = model._meta.get_field(naam)
        if isinstance(veld, models.FileField):
            for bestand in qs.exclude(**{naam: ""}).values_list(naam, flat=True):
                veld.storage.delete(bestand)
        elif callable(vervanging):
            per_rij[naam] = vervanging
        elif isinstance(veld, models.CharField | models.TextField) and (
            vervanging is STANDAARD
        ):
            # An empty text stays empty (nothing to hide, and constraints like
            # "returned has a remark" keep holding); any other becomes ANONIEM.
            qs.exclude(**{naam: ""}).update(**{naam: _vaste_waarde(veld, vervanging)})
        else:
            vast[naam] = _vaste_waarde(veld, vervanging)
    if per_rij:
        for obj in list(qs):
            model._base_manager.filter(pk=obj.pk).update(
                **{naam: maak(obj) for naam, maak in per_rij.items()}
            )
    if any(f.name == "versie" for f in model._meta.concrete_fields):
        vast["versie"] = F("versie") + 1  # an open form cannot write old values back
    if vast:
        qs.update(**vast)
    return pks


def _wijzigingen_schonen(wijzigingen, persoonlijk: set[str]):
    if not isinstance(wijzigingen, dict):
        return wijzigingen
    return {
        veld: [ANONIEM, ANONIEM] if veld in persoonlijk else waarden
        for veld, waarden in wijzigingen.items()
    }


def _audittrail_schonen(spec: Persoonsvelden, pks: list[int]) -> int:
    """Take the candidate's personal values out of the audit entries about these
    rows: the changed values of personal fields, the object's name (it may be the
    candidate's), the text of the changes and any serialized copy."""
    model = spec.model
    ct = ContentType.objects.get_for_model(model, for_concrete_model=False)
    naam = f"{str(model._meta.verbose_name).capitalize()} #%s"
    persoonlijk = set(spec.velden)
    entries = list(
        LogEntry.objects.filter(content_type=ct, object_pk__in=[str(pk) for pk in pks])
    )
    for entry in entries:
        entry.changes = _wijzigingen_schonen(entry.changes, persoonlijk)
        entry.changes_text = ""
        entry.serialized_data = None
        entry.object_repr = naam % entry.object_pk
    LogEntry.objects.bulk_update(
        entries, ["changes", "changes_text", "serialized_data", "object_repr"]
    )
    for admin_entry in AdminLogEntry.objects.filter(
        content_type=ct, object_id__in=[str(pk) for pk in pks]
    ):
        AdminLogEntry.objects.filter(pk=admin_entry.pk).update(
            object_repr=naam % admin_entry.object_id
        )
    return len(entries)


def _paginas(spec: Persoonsvelden, pks: list[int]) -> list[str]:
    """The addresses of these rows' pages (a notification links to one)."""
    if not hasattr(spec.model, "get_absolute_url"):
        return []
    return [
        obj.get_absolute_url() for obj in spec.model._base_manager.filter(pk__in=pks)
    ]


def _meldingen_verwijderen(paginas: list[str], traject_pks: list[int]) -> int:
    """Delete the notifications about the candidate: their text may name them, and
    a notification about an anonymised candidate leads nowhere useful."""
    over = Q(onderwerp__in=[f"traject:{pk}" for pk in traject_pks])
    for pagina in paginas:
        over |= Q(url__startswith=pagina)
    return Melding.objects.filter(over).delete()[0]


@transaction.atomic
def _anonimiseren(
    *, kandidaat: Kandidaat, soort: str, door=None, reden: str = ""
) -> Anonimisering | None:
    kandidaat = Kandidaat.objects.select_for_update().get(pk=kandidaat.pk)
    if kandidaat.geanonimiseerd_op is not None:
        return None  # already done: the task may run again
    paginas, traject_pks = [], []
    for label, spec in PERSOONSVELDEN.items():
        pks = _rijen_anonimiseren(spec, kandidaat)
        if pks:
            _audittrail_schonen(spec, pks)
            paginas += _paginas(spec, pks)
            if label == "trajecten.traject":
                traject_pks = pks
    _meldingen_verwijderen(paginas, traject_pks)
    nu = timezone.now()
    Kandidaat.objects.filter(pk=kandidaat.pk).update(geanonimiseerd_op=nu)
    # Created with save(): this row is the audit trail's record of the anonymisation.
    return Anonimisering.objects.create(
        kandidaat=kandidaat, op=nu, soort=soort, door=door, reden=reden
    )


def kandidaat_anonimiseren(*, kandidaat: Kandidaat, door, reden: str) -> Anonimisering:
    """Honour an erasure request: anonymise one candidate now, with the reason.
    Refused (PermissionDenied) for a user the rule does not allow, and with a
    ValidationError when the reason is empty or the candidate is already anonymised."""
    if not mag_anonimiseren(user=door, kandidaat=kandidaat):
        raise PermissionDenied
    reden = reden.strip()
    if not reden:
        raise ValidationError({"reden": _("Schrijf op waarom de gegevens weg moeten.")})
    anonimisering = _anonimiseren(
        kandidaat=kandidaat, soort=AnonimiseringReden.VERZOEK, door=door, reden=reden
    )
    if anonimisering is None:
        raise ValidationError(_("Deze kandidaat is al geanonimiseerd."))
    return anonimisering


# Cleanups of higher apps' short-lived data (they register from AppConfig.ready, as
# this app may not import them): called with the run's time, return how many rows
# went. Counted with the sessions and temporary data.
TIJDELIJKE_GEGEVENS: list[Callable[..., int]] = []


def tijdelijke_gegevens_registreren(opruimen: Callable[..., int]) -> None:
    if opruimen not in TIJDELIJKE_GEGEVENS:
        TIJDELIJKE_GEGEVENS.append(opruimen)


def bewaartermijnen_toepassen() -> dict[str, int]:
    """Apply every retention period once (idempotent: what is done stays done) and
    return counts per category. Logs the counts, never a name or an id."""
    termijnen = Bewaartermijnen.huidig()
    nu = timezone.now()
    vandaag = timezone.localdate()
    telling = {"kandidaten": 0}
    for kandidaat_id in te_anonimiseren_qs(
        tot=vandaag, termijnen=termijnen
    ).values_list("pk", flat=True):
        # One transaction per candidate: one failure leaves the others done.
        if _anonimiseren(
            kandidaat=Kandidaat(pk=kandidaat_id), soort=AnonimiseringReden.TERMIJN
        ):
            telling["kandidaten"] += 1
    audit_grens = nu - timedelta(days=365 * termijnen.audit_jaren)
    telling["audit"], _d = LogEntry.objects.filter(timestamp__lt=audit_grens).delete()
    telling["audit"] += AdminLogEntry.objects.filter(
        action_time__lt=audit_grens
    ).delete()[0]
    telling["meldingen"], _d = Melding.objects.filter(
        aangemaakt_op__lt=nu - timedelta(days=termijnen.meldingen_dagen)
    ).delete()
    # Expired sessions at once; the previews and tokens that outlive them after N days.
    sessie_grens = nu - timedelta(days=termijnen.sessies_dagen)
    telling["sessies"], _d = Session.objects.filter(expire_date__lt=nu).delete()
    telling["sessies"] += SpreadsheetImport.objects.filter(
        aangemaakt_op__lt=sessie_grens
    ).delete()[0]
    telling["sessies"] += Inzending.objects.filter(
        aangemaakt__lt=sessie_grens
    ).delete()[0]
    for opruimen in TIJDELIJKE_GEGEVENS:
        telling["sessies"] += opruimen(nu)
    logger.info(
        "Bewaartermijnen toegepast: %(kandidaten)d kandidaten geanonimiseerd, "
        "%(audit)d auditregels, %(meldingen)d meldingen en %(sessies)d sessies "
        "en tijdelijke gegevens verwijderd",
        telling,
    )
    return telling
