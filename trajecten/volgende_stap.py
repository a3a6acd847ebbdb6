"""The 'Volgende stap' line of the traject page: what the process expects next, and who.

One place, computed from the rules the workflow itself uses, so the line never names
a step that would be refused:
- the status moves: `overgang_weigering` (TRANSITIONS, the assessment's own steps,
  every agreement signed before the work starts) and the missing signatures
  (`ontbrekend`, the same list that refuses the start);
- the assessment: the rules (`verklaringen.regels`: who may observe, judge, approve
  and issue) and services of verklaringen (`laatste_borging`, `beoordeling_goedgekeurd`);
- the outcome after the end: uitkomsten' `regels.mag_vastleggen` and its end states.

Verklaringen and rapportage build on trajecten, so they are imported inside the
function (as the page's sections of rapportage are registered in trajecten.panelen).
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from organisaties.constants import Rol
from trajecten.constants import OvereenkomstSoort, Partij, TrajectStatus
from trajecten.models import Traject
from trajecten.regels import mag_in_portaal_tekenen, mag_op_papier_toevoegen
from trajecten.services.overeenkomsten import Ontbrekend, ontbrekend
from trajecten.services.traject import overgang_weigering

WIE = {
    Rol.CONSULENT: _("de consulent"),
    Rol.PRAKTIJKOPLEIDER: _("de praktijkopleider"),
    Rol.MBO_MEDEWERKER: _("de mbo-medewerker"),
}


@dataclass(frozen=True)
class VolgendeStap:
    """`rol` must do `wat` (a Dutch verb phrase that reads after 'de consulent' and
    after 'jij' alike: 'tekent de praktijkovereenkomst'). `soort` names the workflow
    step (status, tekenen, observatie, eindbeoordeling, indienen, goedkeuren,
    uitreiken, uitkomst); `naar` the target status of a status move; `ontbrekend`
    the signature of a signing step."""

    rol: str
    wat: str
    soort: str
    jij: bool = False
    naar: str = ""
    ontbrekend: Ontbrekend | None = None

    @property
    def tekst(self) -> str:
        wie = _("jij") if self.jij else WIE[self.rol]
        return _("Volgende stap: %(wie)s %(wat)s.") % {"wie": wie, "wat": self.wat}


def _is_consulent(traject: Traject, user) -> bool:
    return user.pk == traject.consulent_id


def _tekenstap(traject: Traject, user, item: Ontbrekend) -> VolgendeStap:
    ovk = str(OvereenkomstSoort(item.soort).label).lower()
    if not item.partij:
        wat = (
            _("maakt een nieuwe versie van de overeenkomsten")
            if item.verouderd
            else _("maakt de overeenkomsten")
        )
        return VolgendeStap(
            Rol.CONSULENT, wat, "overeenkomsten", _is_consulent(traject, user)
        )
    if item.partij == Partij.KANDIDAAT:
        # The candidate has no account: signs on paper, a case manager adds the PDF.
        return VolgendeStap(
            Rol.CONSULENT,
            _("laat de kandidaat de %s tekenen en voegt de PDF toe") % ovk,
            "tekenen",
            _is_consulent(traject, user)
            and mag_op_papier_toevoegen(traject=traject, door=user),
            ontbrekend=item,
        )
    rol = {
        Partij.LEERBEDRIJF: Rol.PRAKTIJKOPLEIDER,
        Partij.MBO: Rol.MBO_MEDEWERKER,
        Partij.VERWIJZER: Rol.CONSULENT,
    }[item.partij]
    return VolgendeStap(
        rol,
        _("tekent de %s") % ovk,
        "tekenen",
        user.heeft_rol(rol)
        and mag_in_portaal_tekenen(partij=item.partij, traject=traject, door=user),
        ontbrekend=item,
    )


def _voor_jou(traject: Traject, user, stappen: list[VolgendeStap]) -> VolgendeStap:
    """Of several signatures that may be given in any order: the viewer's own first."""
    return next((s for s in stappen if s.jij), stappen[0])


# The steps that move the traject through verklaringen's services (BEOORDELING_STAPPEN).
VIA_BEOORDELING = {"indienen", "uitreiken"}


def volgende_stap(*, traject: Traject, user) -> VolgendeStap | None:
    """What the process expects next on `traject` and who does it (None: nothing)."""
    stap = _volgende_stap(traject=traject, user=user)
    # A step that moves the status is named only when the workflow's guard allows it.
    if stap and stap.naar:
        weigering = overgang_weigering(
            traject=traject,
            naar=stap.naar,
            via_beoordeling=stap.soort in VIA_BEOORDELING,
            ontbreekt=[],  # the signatures were checked above (GETEKEND_NODIG)
        )
        if weigering:
            return None
    return stap


def _volgende_stap(*, traject: Traject, user) -> VolgendeStap | None:
    from uitkomsten.constants import EINDSTATUSSEN
    from uitkomsten.models import Uitkomst
    from uitkomsten.regels import mag_vastleggen
    from verklaringen.constants import BorgingStatus
    from verklaringen.regels import is_praktijkopleider_van, mag_borgen
    from verklaringen.services.beoordeling import (
        beheerste_werkprocessen,
        beoordeling_goedgekeurd,
        laatste_borging,
    )

    status = traject.status
    consulent = _is_consulent(traject, user)
    if status in (
        TrajectStatus.PLAATSING_VOORBEREID,
        TrajectStatus.OVEREENKOMSTEN_GETEKEND,
    ):
        if status == TrajectStatus.PLAATSING_VOORBEREID:
            naar = TrajectStatus.OVEREENKOMSTEN_GETEKEND
            wat = _("zet de status op 'Overeenkomsten getekend'")
        else:
            naar, wat = TrajectStatus.LOPEND, _("start het traject")
        # Computed once: `volgende_stap` hands the guard the same (empty) list, so
        # the page's queries stay the same whether something is missing or not.
        ontbreekt = ontbrekend(traject=traject)
        if ontbreekt:
            stappen = [_tekenstap(traject, user, o) for o in ontbreekt]
            return _voor_jou(traject, user, stappen)
        return VolgendeStap(Rol.CONSULENT, wat, "status", consulent, naar=naar)

    opleider = is_praktijkopleider_van(traject, user)
    if status == TrajectStatus.LOPEND:
        open_ = traject.werkprocessen.exclude(
            pk__in=traject.eindbeoordelingen.values("werkproces_id")
        ).count()
        if not open_:
            borging = laatste_borging(traject)
            terug = (
                borging is not None and borging.status == BorgingStatus.TERUGGESTUURD
            )
            wat = (
                _("past de beoordeling aan en dient hem opnieuw in")
                if terug
                else _("dient de beoordeling in")
            )
            return VolgendeStap(
                Rol.PRAKTIJKOPLEIDER,
                wat,
                "indienen",
                opleider,
                TrajectStatus.BEOORDEELD,
            )
        if traject.eindbeoordelingen.exists():
            return VolgendeStap(
                Rol.PRAKTIJKOPLEIDER,
                _("beoordeelt de andere werkprocessen (nog %d)") % open_,
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
                consulent,
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

    if status in EINDSTATUSSEN:
        if not Uitkomst.objects.filter(traject=traject).exists():
            return VolgendeStap(
                Rol.CONSULENT,
                _("legt de uitkomst vast"),
                "uitkomst",
                mag_vastleggen(user=user, traject=traject)
                and user.heeft_rol(Rol.CONSULENT),
            )
        if status == TrajectStatus.VERKLARING_UITGEREIKT:
            return VolgendeStap(
                Rol.CONSULENT,
                _("zet het traject in nazorg of sluit het af"),
                "status",
                consulent,
                naar=TrajectStatus.NAZORG,
            )
        if status == TrajectStatus.NAZORG:
            return VolgendeStap(
                Rol.CONSULENT,
                _("sluit het traject af"),
                "status",
                consulent,
                naar=TrajectStatus.AFGESLOTEN,
            )
    return None
