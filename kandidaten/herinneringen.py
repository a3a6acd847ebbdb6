"""Reminder rules of kandidaten, registered with the core registry from `ready()`."""

from datetime import date, timedelta

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meldingen.herinneringen import regel_registreren
from meldingen.services import geplande_acties_herinneren

from .constants import ACTIEVE_FASEN
from .models import Contactmoment


@regel_registreren(
    "volgende_actie",
    gettext_lazy(
        "Volgende actie bij een kandidaat: herinner de consulent zoveel dagen "
        "van tevoren (0 = op de dag zelf)."
    ),
    standaard_dagen=0,
)
def volgende_actie(vandaag: date, dagen: int) -> int:
    """The next action of a candidate's latest planned contact moment is due within
    `dagen` days or overdue: notify the consulent and whoever recorded it."""
    # As 'Actie te laat' on the caseload: a later contact moment on or after the
    # action's date means it was done; no reminder then.
    gedaan = Contactmoment.objects.filter(
        kandidaat=OuterRef("kandidaat"), datum__gte=OuterRef("volgende_actie_op")
    ).exclude(pk=OuterRef("pk"))
    # Only the latest planned contact moment counts, as on the caseload: a later
    # contact replaces the plan of an earlier one.
    momenten = (
        Contactmoment.objects.laatst_geplande()
        .filter(
            volgende_actie_op__lte=vandaag + timedelta(days=dagen),
            kandidaat__fase__in=ACTIEVE_FASEN,
        )
        .exclude(Exists(gedaan))
        .select_related("kandidaat__consulent", "door")
        .order_by("volgende_actie_op", "pk")
    )
    return geplande_acties_herinneren(
        momenten,
        code="volgende_actie",
        titel=_("Er staat een actie voor een kandidaat gepland"),
        ontvangers=lambda moment: [moment.kandidaat.consulent, moment.door],
    )
