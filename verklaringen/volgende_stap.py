"""The assessment's steps on the traject page's 'Volgende stap' line (see
trajecten/volgende_stap.py): while the traject runs, the praktijkopleider observes,
judges every werkproces and submits; once judged, the mbo-medewerker approves and
issues the praktijkverklaring. Registered from VerklaringenConfig.ready()."""

from django.utils.translation import gettext as _

from organisaties.constants import Rol
from trajecten.constants import TrajectStatus
from trajecten.models import Traject
from trajecten.volgende_stap import VolgendeStap, stap_registreren

from .constants import BorgingStatus
from .regels import is_praktijkopleider_van, mag_borgen
from .selectors import open_beoordeling
from .services.beoordeling import (
    beheerste_werkprocessen,
    beoordeling_goedgekeurd,
    laatste_borging,
)


@stap_registreren(volgorde=10)
def beoordeling_stap(*, traject: Traject, user) -> VolgendeStap | None:
    status = traject.status
    if status == TrajectStatus.LOPEND:
        opleider = is_praktijkopleider_van(traject, user)
        stand = open_beoordeling(traject)
        if not stand.open:
            wat = (
                _("past de beoordeling aan en dient hem opnieuw in")
                if stand.teruggestuurd
                else _("dient de beoordeling in")
            )
            return VolgendeStap(
                Rol.PRAKTIJKOPLEIDER,
                wat,
                "indienen",
                opleider,
                TrajectStatus.BEOORDEELD,
            )
        if stand.begonnen:
            return VolgendeStap(
                Rol.PRAKTIJKOPLEIDER,
                _("beoordeelt de andere werkprocessen (nog %d)") % stand.open,
                "eindbeoordeling",
                opleider,
            )
        return VolgendeStap(
            Rol.PRAKTIJKOPLEIDER,
            _("legt een observatie vast"),
            "observatie",
            opleider,
        )

    if status == TrajectStatus.BEOORDEELD:
        borging = laatste_borging(traject)
        mbo = mag_borgen(traject, user)
        if borging is not None and borging.status == BorgingStatus.INGEDIEND:
            return VolgendeStap(
                Rol.MBO_MEDEWERKER, _("keurt de beoordeling goed"), "goedkeuren", mbo
            )
        if beoordeling_goedgekeurd(traject, borging) and not beheerste_werkprocessen(
            traject
        ):
            # No praktijkverklaring without a mastered werkproces: the route stops.
            return VolgendeStap(
                Rol.CONSULENT,
                _("zet het traject op 'Uitgevallen': geen werkproces is beheerst"),
                "status",
                user.pk == traject.consulent_id,
                naar=TrajectStatus.UITGEVALLEN,
            )
        if beoordeling_goedgekeurd(traject, borging):
            return VolgendeStap(
                Rol.MBO_MEDEWERKER,
                _("reikt de praktijkverklaring uit"),
                "uitreiken",
                mbo,
                TrajectStatus.VERKLARING_UITGEREIKT,
            )
    return None
