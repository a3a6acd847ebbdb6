"""The 'Volgende stap' line of the traject page: what the process expects next, and who.

One place, computed from the rules the workflow itself uses, so the line never names
a step that would be refused:
- the status moves: `overgang_weigering` (TRANSITIONS, the assessment's own steps,
  every agreement signed before the work starts) and the missing signatures
  (`ontbrekend`, the same list that refuses the start);
- the assessment: verklaringen/volgende_stap.py, from verklaringen's rules
  (`verklaringen.regels`: who may observe, judge, approve and issue) and services
  (`laatste_borging`, `beoordeling_goedgekeurd`);
- the outcome after the end: uitkomsten/volgende_stap.py (`uitkomsten.regels.mag_vastleggen`
  and the end states).

Verklaringen and uitkomsten build on trajecten, so they name the steps of their
stages through a registry they fill from their AppConfig.ready() (as the page's
sections in trajecten.panelen): `stap_registreren`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from organisaties.constants import Rol
from trajecten.constants import OvereenkomstSoort, Partij, TrajectStatus
from trajecten.models import Traject
from trajecten.regels import mag_in_portaal_tekenen, mag_op_papier_toevoegen
from trajecten.services.overeenkomsten import Ontbrekend, ontbrekend
from trajecten.services.traject import Beoordelingsstand, overgang_weigering

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
            # An assessment step: asked with the stand the assessment will be in.
            beoordeling=(
                Beoordelingsstand(stap.naar) if stap.soort in VIA_BEOORDELING else None
            ),
            ontbreekt=[],  # the signatures were checked above (GETEKEND_NODIG)
        )
        if weigering:
            return None
    return stap


StapFunctie = Callable[..., VolgendeStap | None]

_STAPPEN: list[tuple[int, StapFunctie]] = []


def stap_registreren(volgorde: int) -> Callable[[StapFunctie], StapFunctie]:
    """Decorator for an app above trajecten: `functie(*, traject, user)` names the next
    step of its own stage, or None when its stage has none now. The registered
    functions are asked in `volgorde` after the signing stages and before the status
    moves after the end; the first step wins. Idempotent per function."""

    def registreren(functie: StapFunctie) -> StapFunctie:
        if all(f is not functie for _volgorde, f in _STAPPEN):
            _STAPPEN.append((volgorde, functie))
            _STAPPEN.sort(key=lambda item: item[0])
        return functie

    return registreren


def _volgende_stap(*, traject: Traject, user) -> VolgendeStap | None:
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

    # The assessment (verklaringen), the outcome (uitkomsten).
    for _volgorde, functie in _STAPPEN:
        stap = functie(traject=traject, user=user)
        if stap is not None:
            return stap

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
