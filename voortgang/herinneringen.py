"""Reminder rules of voortgang, registered with the core registry from `ready()`:
weeks of attendance that stay unconfirmed, and progress meetings that are overdue.
Each selects its rows in a fixed number of queries."""

from datetime import date, timedelta

from django.db.models import Max, Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.datums import datum_tekst
from meldingen.herinneringen import regel_registreren
from meldingen.services import melding_versturen
from trajecten.models import Plaatsing, Traject

from .constants import OP_DE_WERKVLOER
from .models import Aanwezigheid, Gespreksritme, VoortgangInstellingen
from .selectors import volgend_gesprek
from .weken import iso_week, weken_van


@regel_registreren(
    "aanwezigheid_open",
    gettext_lazy(
        "Uren niet bevestigd: herinner de praktijkopleider en de consulent als een "
        "week van een plaatsing zoveel dagen na die week nog niet is bevestigd."
    ),
    standaard_dagen=7,
)
def aanwezigheid_open(vandaag: date, dagen: int) -> int:
    """A placement of a lopend traject has a week that ended at least `dagen` days
    ago without confirmed hours: notify its praktijkopleider (with an account) and
    the consulent, once per oldest open week."""
    # The last week that counts: its Sunday lies `dagen` days or more in the past.
    tot = vandaag - timedelta(days=dagen + 6)
    plaatsingen = (
        Plaatsing.objects.filter(
            traject__status__in=OP_DE_WERKVLOER, startdatum__lte=tot
        )
        .select_related(
            "praktijkopleider__account",
            "leerbedrijf__organisatie",
            "traject__kandidaat",
            "traject__consulent",
        )
        .prefetch_related(
            Prefetch("aanwezigheden", Aanwezigheid.objects.only("plaatsing_id", "week"))
        )
        .order_by("pk")
    )
    nieuw = 0
    for plaatsing in plaatsingen:
        bevestigd = {a.week for a in plaatsing.aanwezigheden.all()}
        open_ = [
            w
            for w in weken_van(plaatsing, vandaag=vandaag, tot=tot)
            if w not in bevestigd
        ]
        if not open_:
            continue
        traject = plaatsing.traject
        nieuw += melding_versturen(
            ontvangers=[plaatsing.praktijkopleider.account, traject.consulent],
            oorzaak=f"aanwezigheid_open:{plaatsing.pk}:{open_[0].isoformat()}",
            titel=_("Uren nog niet bevestigd"),
            tekst=_(
                "Bij %(kandidaat)s (%(leerbedrijf)s) zijn %(aantal)s weken nog niet "
                "bevestigd, de eerste is week %(week)s. Bevestigen kost één tik."
            )
            % {
                "kandidaat": traject.kandidaat,
                "leerbedrijf": plaatsing.leerbedrijf,
                "aantal": len(open_),
                "week": iso_week(open_[0]),
            },
            url=reverse("voortgang:plaatsing", args=[plaatsing.pk]),
        )
    return nieuw


@regel_registreren(
    "voortgangsgesprek_te_laat",
    gettext_lazy(
        "Voortgangsgesprek te laat: herinner de consulent als het gesprek zoveel "
        "dagen na de geplande datum nog niet is vastgelegd."
    ),
    standaard_dagen=7,
)
def voortgangsgesprek_te_laat(vandaag: date, dagen: int) -> int:
    """A lopend traject whose next meeting (its rhythm after the last one, or after
    the start) was due `dagen` days ago or more: notify its consulent (once per due
    date). Two queries."""
    standaard = VoortgangInstellingen.huidig().gesprek_weken
    ritmes = dict(Gespreksritme.objects.values_list("traject_id", "weken"))
    trajecten = (
        Traject.objects.filter(status__in=OP_DE_WERKVLOER)
        .annotate(laatste=Max("voortgangsgesprekken__datum"))
        .select_related("kandidaat", "consulent")
        .order_by("pk")
    )
    nieuw = 0
    for traject in trajecten:
        gepland = volgend_gesprek(
            traject,
            laatste=traject.laatste,
            weken=ritmes.get(traject.pk, standaard),
        )
        if gepland > vandaag - timedelta(days=dagen):
            continue
        nieuw += melding_versturen(
            ontvangers=[traject.consulent],
            oorzaak=f"voortgangsgesprek_te_laat:{traject.pk}:{gepland.isoformat()}",
            titel=_("Tijd voor een voortgangsgesprek"),
            tekst=_(
                "Het voortgangsgesprek met %(kandidaat)s stond gepland op %(datum)s. "
                "Plan het gesprek met kandidaat en praktijkopleider en leg het vast."
            )
            % {"kandidaat": traject.kandidaat, "datum": datum_tekst(gepland)},
            url=traject.get_absolute_url(),
        )
    return nieuw
