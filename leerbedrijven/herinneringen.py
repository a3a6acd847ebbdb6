"""Reminder rule of leerbedrijven, registered with the core registry from `ready()`."""

from datetime import date, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from meldingen.herinneringen import regel_registreren
from meldingen.services import melding_versturen

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
    momenten = geplande_acties(tot_en_met=vandaag + timedelta(days=dagen))
    nieuw = 0
    for moment in momenten:
        leerbedrijf = moment.leerbedrijf
        nieuw += melding_versturen(
            ontvangers=[moment.door],
            # The date is part of the cause: a moved action is reminded again.
            oorzaak=(
                f"leerbedrijf_actie:{moment.pk}:{moment.volgende_actie_op.isoformat()}"
            ),
            titel=_("Er staat een actie voor een leerbedrijf gepland"),
            tekst=_("%(leerbedrijf)s, %(datum)s: %(actie)s")
            % {
                "leerbedrijf": leerbedrijf,
                "datum": moment.volgende_actie_op.strftime("%d-%m-%Y"),
                "actie": moment.volgende_actie or _("volgende actie"),
            },
            url=leerbedrijf.get_absolute_url(),
        )
    return nieuw
