"""Permissions of each role on attendance and progress meetings (collected by
organisaties.rollen). Which traject or placement a user may act on is decided by
the rules in `voortgang.regels`, which check these permissions first."""

from organisaties.constants import Rol

_LEZEN = {
    "voortgang.view_aanwezigheid",
    "voortgang.view_voortgangsgesprek",
}
_GESPREK = {
    "voortgang.add_voortgangsgesprek",
    "voortgang.add_gesprekondertekening",
    "voortgang.change_gesprekactie",
}

RECHTEN: dict[str, set[str]] = {
    # The consulent corrects a week (after a call with the company), records the
    # meeting, sets its rhythm, signs, and ticks the candidate's paper signature.
    Rol.CONSULENT: _LEZEN
    | _GESPREK
    | {"voortgang.change_aanwezigheid", "voortgang.change_gespreksritme"},
    Rol.JOBCOACH: _LEZEN | {"voortgang.change_gesprekactie"},
    # Confirms the weeks of his own placements, corrects them, signs the meeting.
    Rol.PRAKTIJKOPLEIDER: _LEZEN
    | {
        "voortgang.add_aanwezigheid",
        "voortgang.change_aanwezigheid",
        "voortgang.add_gesprekondertekening",
        "voortgang.change_gesprekactie",
    },
    Rol.MBO_MEDEWERKER: _LEZEN,
    Rol.REGIOCOORDINATOR: _LEZEN,
    Rol.FUNCTIONEEL_BEHEERDER: {
        "voortgang.view_voortganginstellingen",
        "voortgang.change_voortganginstellingen",
    },
}
