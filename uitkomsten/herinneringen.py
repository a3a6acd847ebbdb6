"""Reminder rules of outcomes and follow-ups, registered with meldingen's registry
from `UitkomstenConfig.ready()`.

Each rule selects its due rows in one query and calls `melding_versturen` per row
with an `oorzaak` naming the row, so the daily run reminds the consulent once.
"""

from datetime import date, timedelta

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.datums import datum_tekst
from meldingen.herinneringen import regel_registreren
from meldingen.services import melding_versturen
from trajecten.models import Traject
from uitkomsten.models import Uitkomst, Vervolgmeting

from .constants import EINDSTATUSSEN
from .selectors import met_einde


@regel_registreren(
    "vervolgmeting_te_laat",
    gettext_lazy(
        "Nameting te laat: herinner de consulent als een nameting zoveel dagen na "
        "de geplande datum nog niet is ingevuld."
    ),
    standaard_dagen=14,
)
def vervolgmeting_te_laat(vandaag: date, dagen: int) -> int:
    """A follow-up planned at least `dagen` days ago is not measured: notify the
    traject's consulent (once per measurement and planned date)."""
    metingen = (
        Vervolgmeting.objects.filter(
            gemeten_op__isnull=True, gepland_op__lte=vandaag - timedelta(days=dagen)
        )
        .select_related("traject__kandidaat", "traject__consulent")
        .order_by("pk")
    )
    nieuw = 0
    for meting in metingen:
        traject = meting.traject
        nieuw += melding_versturen(
            ontvangers=[traject.consulent],
            # A re-planned measurement (the outcome date changed) is a new cause.
            oorzaak=f"vervolgmeting_te_laat:{meting.pk}:{meting.gepland_op.isoformat()}",
            titel=_("Een nameting is nog niet ingevuld"),
            tekst=_(
                "De nameting na %(maanden)s maanden van %(kandidaat)s stond gepland "
                "op %(datum)s."
            )
            % {
                "maanden": meting.maanden,
                "kandidaat": traject.kandidaat,
                "datum": datum_tekst(meting.gepland_op),
            },
            url=traject.get_absolute_url(),
        )
    return nieuw


@regel_registreren(
    "uitkomst_ontbreekt",
    gettext_lazy(
        "Uitkomst ontbreekt: herinner de consulent als een traject zoveel dagen "
        "na het einde nog geen uitkomst heeft."
    ),
    standaard_dagen=30,
)
def uitkomst_ontbreekt(vandaag: date, dagen: int) -> int:
    """An ended traject (verklaring issued or dropped out at least `dagen` days ago)
    has no outcome: notify its consulent (once per traject)."""
    trajecten = (
        met_einde(Traject.objects.filter(status__in=EINDSTATUSSEN))
        .filter(einde__lte=vandaag - timedelta(days=dagen))
        .exclude(Exists(Uitkomst.objects.filter(traject=OuterRef("pk"))))
        .select_related("kandidaat", "consulent")
        .order_by("pk")
    )
    nieuw = 0
    for traject in trajecten:
        nieuw += melding_versturen(
            ontvangers=[traject.consulent],
            oorzaak=f"uitkomst_ontbreekt:{traject.pk}",
            titel=_("Leg de uitkomst van een traject vast"),
            tekst=_(
                "Het traject van %(kandidaat)s is klaar sinds %(datum)s. Waar is de "
                "kandidaat naartoe gegaan?"
            )
            % {"kandidaat": traject.kandidaat, "datum": datum_tekst(traject.einde)},
            url=traject.get_absolute_url(),
        )
    return nieuw
