"""Outcomes of trajecten and the follow-up measurements after them.

When a traject has ended (verklaring uitgereikt, nazorg, afgesloten or uitgevallen)
its consulent records the outcome: where the candidate went. `uitkomst_vastleggen`
locks the traject row, checks the date (not before the end of the traject, not in the
future) and the fields that depend on the kind of outcome, saves it and puts it on the
candidate's timeline. An outcome may be corrected later; the audit trail keeps the
old values.

Recording the outcome plans the follow-up measurements at the months in the setting
VERVOLGMETING_MAANDEN after the outcome date (`vervolgmetingen_plannen`, idempotent:
a changed date moves the ones not measured yet). `vervolgmeting_vastleggen` records
the short form of one measurement. Bad input raises a ValidationError keyed by the
field names; nothing is saved then.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.datums import datum_tekst, plus_maanden
from kandidaten.constants import GebeurtenisSoort
from kandidaten.services import gebeurtenis_vastleggen
from trajecten.constants import TrajectStatus
from trajecten.models import Traject
from uitkomsten.constants import (
    WERK_SITUATIES,
    WERK_UITKOMSTEN,
    Situatie,
    UitkomstSoort,
)
from uitkomsten.models import Uitkomst, Vervolgmeting

from .constants import (
    EINDSTATUSSEN,
    MAX_TOELICHTING,
    MAX_UREN_PER_WEEK,
    STANDAARD_VERVOLGMETING_MAANDEN,
    VERVOLGMETING_MARGE_DAGEN,
)
from .regels import mag_vastleggen
from .selectors import traject_einde


def vervolgmeting_maanden() -> list[int]:
    """The configured follow-up periods in months, sorted and without doubles."""
    maanden = getattr(
        settings, "VERVOLGMETING_MAANDEN", STANDAARD_VERVOLGMETING_MAANDEN
    )
    return sorted({int(m) for m in maanden if int(m) > 0})


def _mag_vastleggen_of_fout(*, traject: Traject, door) -> None:
    zichtbaar = Traject.objects.zichtbaar_voor(door).filter(pk=traject.pk).exists()
    if not (zichtbaar and mag_vastleggen(user=door, traject=traject)):
        raise PermissionDenied(_("Je mag de uitkomst van dit traject niet vastleggen."))


def _werk_controleren(fouten: dict, *, werk: bool, contractsoort, uren) -> None:
    """Work needs a contract type and 1 to 60 hours a week."""
    if not werk:
        return
    if not contractsoort:
        fouten["contractsoort"] = _("Kies het soort contract.")
    if not uren:
        fouten["uren_per_week"] = _("Vul in hoeveel uur per week de kandidaat werkt.")
    elif not 1 <= uren <= MAX_UREN_PER_WEEK:
        fouten["uren_per_week"] = _("Vul een aantal uren tussen 1 en %d in.") % (
            MAX_UREN_PER_WEEK
        )


def _toelichting_controleren(fouten: dict, toelichting: str) -> None:
    # A TextField's max_length is not checked by full_clean().
    if len(toelichting or "") > MAX_TOELICHTING:
        fouten["toelichting"] = _("Gebruik hoogstens %d tekens.") % MAX_TOELICHTING


@transaction.atomic
def uitkomst_vastleggen(
    *,
    traject: Traject,
    door,
    soort: str,
    datum: date,
    contractsoort: str = "",
    uren_per_week: int | None = None,
    uitval_reden: str = "",
    toelichting: str = "",
) -> Uitkomst:
    """Record (or correct) the outcome of an ended traject, plan its follow-ups and
    write the candidate's timeline. Raises ValidationError on bad input and
    PermissionDenied for someone who may not record it."""
    traject = (
        Traject.objects.select_for_update(of=("self",))
        .select_related("kandidaat")
        .get(pk=traject.pk)
    )
    _mag_vastleggen_of_fout(traject=traject, door=door)
    if traject.status not in EINDSTATUSSEN:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: _(
                    "Dit traject loopt nog. Leg de uitkomst vast als de verklaring "
                    "is uitgereikt of als de kandidaat is uitgevallen."
                )
            }
        )
    werk = soort in WERK_UITKOMSTEN
    fouten: dict[str, str] = {}
    if soort not in UitkomstSoort.values:
        fouten["soort"] = _("Kies een uitkomst uit de lijst.")
    elif (
        soort == UitkomstSoort.UITGEVALLEN
        and traject.status != TrajectStatus.UITGEVALLEN
    ):
        fouten["soort"] = _(
            "Dit traject is niet uitgevallen. Kies waar de kandidaat naartoe is gegaan."
        )
    # A traject from before the history was kept may have no known end: the outcome
    # then at least does not lie before its start.
    einde = traject_einde(traject) or traject.startdatum
    vandaag = timezone.localdate()
    if not datum:
        fouten["datum"] = _("Vul de datum van de uitkomst in.")
    elif datum < einde:
        fouten["datum"] = _(
            "De uitkomst kan niet voor het einde van het traject liggen (%s)."
        ) % datum_tekst(einde)
    elif datum > vandaag:
        fouten["datum"] = _(
            "Deze datum ligt in de toekomst. Vul de datum in waarop het zo was."
        )
    _werk_controleren(
        fouten, werk=werk, contractsoort=contractsoort, uren=uren_per_week
    )
    if soort == UitkomstSoort.UITGEVALLEN and not uitval_reden:
        fouten["uitval_reden"] = _("Kies de reden van uitval.")
    _toelichting_controleren(fouten, toelichting)
    if fouten:
        raise ValidationError(fouten)

    uitkomst = Uitkomst.objects.filter(traject=traject).first()
    nieuw = uitkomst is None
    uitkomst = uitkomst or Uitkomst(traject=traject)
    # Fields that do not belong to this kind of outcome are emptied, so that the
    # figures never count a contract of someone who went to school.
    uitkomst.soort, uitkomst.datum, uitkomst.door = soort, datum, door
    uitkomst.contractsoort = contractsoort if werk else ""
    uitkomst.uren_per_week = uren_per_week if werk else None
    uitkomst.uitval_reden = uitval_reden if soort == UitkomstSoort.UITGEVALLEN else ""
    uitkomst.toelichting = toelichting
    uitkomst.full_clean()
    uitkomst.save()
    vervolgmetingen_plannen(uitkomst=uitkomst)
    titel = _("Uitkomst vastgelegd: %s") if nieuw else _("Uitkomst gewijzigd: %s")
    gebeurtenis_vastleggen(
        kandidaat=traject.kandidaat,
        soort=GebeurtenisSoort.TRAJECT,
        titel=titel % UitkomstSoort(soort).label,
        toelichting=toelichting,
        door=door,
    )
    return uitkomst


def vervolgmetingen_plannen(*, uitkomst: Uitkomst) -> list[Vervolgmeting]:
    """Make sure a follow-up exists for each configured period, planned that many
    months after the outcome date. Idempotent: measured ones stay as they are, the
    others move with the outcome date, and unmeasured ones of a period no longer
    configured are removed. Call inside the transaction that locked the traject."""
    maanden = vervolgmeting_maanden()
    bestaand = {m.maanden: m for m in uitkomst.traject.vervolgmetingen.all()}
    for m in bestaand.values():
        if m.maanden not in maanden and m.gemeten_op is None:
            m.delete()
    uit = []
    for aantal in maanden:
        gepland_op = plus_maanden(uitkomst.datum, aantal)
        meting = bestaand.get(aantal)
        if meting is None:
            meting = Vervolgmeting.objects.create(
                traject=uitkomst.traject, maanden=aantal, gepland_op=gepland_op
            )
        elif meting.gemeten_op is None and meting.gepland_op != gepland_op:
            meting.gepland_op = gepland_op
            meting.save(update_fields=["gepland_op", "updated_at"])
        uit.append(meting)
    return uit


@transaction.atomic
def vervolgmeting_vastleggen(
    *,
    vervolgmeting: Vervolgmeting,
    door,
    situatie: str,
    gemeten_op: date,
    contractsoort: str = "",
    uren_per_week: int | None = None,
    toelichting: str = "",
) -> Vervolgmeting:
    """Record (or correct) one follow-up measurement and note it on the candidate's
    timeline. It may be filled in from VERVOLGMETING_MARGE_DAGEN days before its
    planned date, never in the future."""
    traject = (
        Traject.objects.select_for_update(of=("self",))
        .select_related("kandidaat")
        .get(pk=vervolgmeting.traject_id)
    )
    _mag_vastleggen_of_fout(traject=traject, door=door)
    meting = Vervolgmeting.objects.select_for_update().get(pk=vervolgmeting.pk)
    werk = situatie in WERK_SITUATIES
    fouten: dict[str, str] = {}
    if situatie not in Situatie.values:
        fouten["situatie"] = _("Kies de situatie uit de lijst.")
    vroegst = meting.gepland_op - timedelta(days=VERVOLGMETING_MARGE_DAGEN)
    if not gemeten_op:
        fouten["gemeten_op"] = _("Vul de datum van de meting in.")
    elif gemeten_op < vroegst:
        fouten["gemeten_op"] = _(
            "Deze meting is gepland op %(gepland)s. Je kunt hem invullen vanaf "
            "%(vroegst)s."
        ) % {"gepland": datum_tekst(meting.gepland_op), "vroegst": datum_tekst(vroegst)}
    elif gemeten_op > timezone.localdate():
        fouten["gemeten_op"] = _(
            "Deze datum ligt in de toekomst. Vul de datum in waarop je de kandidaat "
            "sprak."
        )
    _werk_controleren(
        fouten, werk=werk, contractsoort=contractsoort, uren=uren_per_week
    )
    _toelichting_controleren(fouten, toelichting)
    if fouten:
        raise ValidationError(fouten)

    nieuw = meting.gemeten_op is None
    meting.situatie, meting.gemeten_op, meting.door = situatie, gemeten_op, door
    meting.contractsoort = contractsoort if werk else ""
    meting.uren_per_week = uren_per_week if werk else None
    meting.toelichting = toelichting
    meting.full_clean()
    meting.save()
    titel = (
        _("Nameting na %(maanden)d maanden: %(situatie)s")
        if nieuw
        else _("Nameting na %(maanden)d maanden gewijzigd: %(situatie)s")
    )
    gebeurtenis_vastleggen(
        kandidaat=traject.kandidaat,
        soort=GebeurtenisSoort.TRAJECT,
        titel=titel % {"maanden": meting.maanden, "situatie": Situatie(situatie).label},
        toelichting=toelichting,
        door=door,
    )
    return meting
