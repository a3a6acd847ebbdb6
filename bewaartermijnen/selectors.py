"""What the retention periods make due: the candidates to anonymise by a date.

A candidate with a traject is due `kandidaat_jaren` after the latest of the outcome,
the follow-ups (measured, or still planned), the end of a traject and the last
contact, once no traject runs any more. A candidate who never had a traject is due
`aanmelding_maanden` after the latest of the intake and the last contact.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import DateField, Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Greatest

from kandidaten.models import Contactmoment, Kandidaat
from trajecten.constants import TrajectStatus
from trajecten.models import Traject
from uitkomsten.models import Uitkomst, Vervolgmeting

from .datums import maanden_erbij
from .models import Bewaartermijnen

# A traject in one of these states has ended; any other still runs (nazorg too).
GEEINDIGD = [TrajectStatus.AFGESLOTEN, TrajectStatus.UITGEVALLEN]
# Stands in for "no date" in Greatest(), which is NULL on SQLite when any part is.
OOIT = date(1900, 1, 1)


def _laatste(queryset, veld: str):
    return Coalesce(
        Subquery(queryset.order_by(f"-{veld}").values(veld)[:1]),
        Value(OOIT),
        output_field=DateField(),
    )


def kandidaten_met_peildatum() -> QuerySet[Kandidaat]:
    """Every candidate not yet anonymised, annotated with `heeft_traject`,
    `traject_loopt` and `peildatum` (the date the retention period counts from)."""
    trajecten = Traject.objects.filter(kandidaat=OuterRef("pk"))
    contact = _laatste(Contactmoment.objects.filter(kandidaat=OuterRef("pk")), "datum")
    return (
        Kandidaat.objects.filter(geanonimiseerd_op__isnull=True)
        .annotate(
            heeft_traject=Exists(trajecten),
            traject_loopt=Exists(trajecten.exclude(status__in=GEEINDIGD)),
            peildatum=Greatest(
                "toestemming_op",
                contact,
                _laatste(
                    trajecten.filter(einddatum__isnull=False).order_by(), "einddatum"
                ),
                _laatste(
                    Uitkomst.objects.filter(traject__kandidaat=OuterRef("pk")), "datum"
                ),
                _laatste(
                    Vervolgmeting.objects.filter(
                        traject__kandidaat=OuterRef("pk")
                    ).annotate(
                        wanneer=Coalesce("gemeten_op", "gepland_op"),
                    ),
                    "wanneer",
                ),
                output_field=DateField(),
            ),
        )
        .exclude(traject_loopt=True)
    )


@dataclass(frozen=True)
class TeAnonimiseren:
    """One candidate that the retention period makes due, without personal values."""

    kandidaat_id: int
    organisatie: str
    regio: str
    met_traject: bool
    peildatum: date
    op: date


def te_anonimiseren_qs(*, tot: date, termijnen: Bewaartermijnen) -> QuerySet[Kandidaat]:
    """The candidates whose retention period ends on or before `tot`."""
    grens_traject = maanden_erbij(tot, -12 * termijnen.kandidaat_jaren)
    grens_aanmelding = maanden_erbij(tot, -termijnen.aanmelding_maanden)
    return kandidaten_met_peildatum().filter(
        Q(heeft_traject=True, peildatum__lte=grens_traject)
        | Q(heeft_traject=False, peildatum__lte=grens_aanmelding)
    )


def te_anonimiseren_list(*, user, tot: date) -> list[TeAnonimiseren]:
    """What the daily task will anonymise up to `tot`, in the user's regions (all
    of them for a superuser), soonest first. Ids, organisation and dates only: the
    beheerder manages the system and does not see candidates."""
    termijnen = Bewaartermijnen.huidig()
    qs = te_anonimiseren_qs(tot=tot, termijnen=termijnen).select_related(
        "organisatie", "regio"
    )
    if not user.is_superuser:
        qs = qs.filter(regio_id__in=user.regio_ids)
    rijen = [
        TeAnonimiseren(
            kandidaat_id=k.pk,
            organisatie=k.organisatie.naam,
            regio=k.regio.naam,
            met_traject=k.heeft_traject,
            peildatum=k.peildatum,
            op=maanden_erbij(
                k.peildatum,
                12 * termijnen.kandidaat_jaren
                if k.heeft_traject
                else termijnen.aanmelding_maanden,
            ),
        )
        for k in qs.order_by("peildatum", "pk")
    ]
    return sorted(rijen, key=lambda r: (r.op, r.kandidaat_id))
