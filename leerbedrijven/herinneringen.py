"""Reminder rule of leerbedrijven, registered with the core registry from `ready()`."""

from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meldingen.herinneringen import regel_registreren
from meldingen.services import geplande_acties_herinneren

from .selectors import geplande_acties


@regel_registreren(
    "leerbedrijf_actie",
    gettext_lazy(
        "Volgende actie bij een leerbedrijf: herinner wie het contactmoment "
        "vastlegde zoveel dagen van tevoren (0 = op de dag zelf)."
    ),
    standaard_dagen=0,
)
def leerbedrijf_actie(vandaag: date, dagen: int) -> int:
    """The next action of a leerbedrijf's latest planned contact moment is due within
    `dagen` days or overdue: notify whoever recorded that contact moment."""
    return geplande_acties_herinneren(
        geplande_acties(tot_en_met=vandaag + timedelta(days=dagen)),
        code="leerbedrijf_actie",
        titel=_("Er staat een actie voor een leerbedrijf gepland"),
        ontvangers=lambda moment: [moment.door],
    )
