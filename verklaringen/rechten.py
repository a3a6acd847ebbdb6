"""Permissions of each role on the assessment and the begeleidingsdocument (collected
by organisaties.rollen).

The progress page of a traject shows observations, goals, judgements and the borging:
it needs the four view permissions. Recording them is decided per traject by the
rules in `verklaringen.regels`, which check these permissions first.
"""

from organisaties.constants import Rol

_BEGELEIDING_LEZEN = {
    "verklaringen.view_gedragsvoorbeeld",
    "verklaringen.view_werkopdracht",
}
_BEGELEIDING_SCHRIJVEN = {
    "verklaringen.add_gedragsvoorbeeld",
    "verklaringen.change_gedragsvoorbeeld",
    "verklaringen.add_werkopdracht",
    "verklaringen.change_werkopdracht",
}
_VOORTGANG_LEZEN = {
    "verklaringen.view_observatie",
    "verklaringen.view_ontwikkeldoel",
    "verklaringen.view_eindbeoordeling",
    "verklaringen.view_borging",
    "verklaringen.view_bewijs",
}
_BEGELEIDEN = {
    "verklaringen.add_observatie",
    "verklaringen.add_ontwikkeldoel",
    "verklaringen.change_ontwikkeldoel",
}

RECHTEN: dict[str, set[str]] = {
    Rol.CONSULENT: _BEGELEIDING_LEZEN
    | _VOORTGANG_LEZEN
    | _BEGELEIDEN
    | {"verklaringen.add_bewijs"},
    Rol.JOBCOACH: _BEGELEIDING_LEZEN | _VOORTGANG_LEZEN | _BEGELEIDEN,
    Rol.PRAKTIJKOPLEIDER: _BEGELEIDING_LEZEN
    | _VOORTGANG_LEZEN
    | _BEGELEIDING_SCHRIJVEN
    | _BEGELEIDEN
    | {
        "verklaringen.add_eindbeoordeling",
        "verklaringen.change_eindbeoordeling",
    },
    Rol.MBO_MEDEWERKER: _BEGELEIDING_LEZEN
    | _VOORTGANG_LEZEN
    | _BEGELEIDING_SCHRIJVEN
    | {"verklaringen.add_borging", "verklaringen.add_bewijs"},
    Rol.REGIOCOORDINATOR: _BEGELEIDING_LEZEN | _VOORTGANG_LEZEN,
    Rol.FUNCTIONEEL_BEHEERDER: _BEGELEIDING_LEZEN | _BEGELEIDING_SCHRIJVEN,
}
