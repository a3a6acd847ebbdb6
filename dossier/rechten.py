"""Permissions of each role on the funding dossier (collected by organisaties.rollen).
Which traject a user may make it for is decided by `dossier.regels`."""

from organisaties.constants import Rol

_DOSSIER = {"dossier.add_dossieraanvraag", "dossier.view_dossieraanvraag"}

RECHTEN: dict[str, set[str]] = {
    # The traject's case managers of the referring organisation.
    Rol.CONSULENT: _DOSSIER,
    Rol.JOBCOACH: _DOSSIER,
}
