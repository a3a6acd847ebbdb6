"""Permissions of each role on organisaties' models, and on the audit log and the
login attempts that organisaties' pages and admin show (collected by
`rollen.rol_permissies`).
"""

from .constants import Rol

_LEZEN = {
    "organisaties.view_netwerkcontact",
    "organisaties.view_organisatie",
    "organisaties.view_medewerker",
}
_NETWERK_BEHEREN = {
    "organisaties.add_netwerkcontact",
    "organisaties.change_netwerkcontact",
}

RECHTEN: dict[str, set[str]] = {
    Rol.CONSULENT: _LEZEN,
    Rol.JOBCOACH: _LEZEN,
    # The praktijkopleider does not browse the other organisations' people.
    Rol.PRAKTIJKOPLEIDER: _LEZEN - {"organisaties.view_medewerker"},
    Rol.MBO_MEDEWERKER: _LEZEN,
    Rol.REGIOCOORDINATOR: _LEZEN | _NETWERK_BEHEREN,
    Rol.FUNCTIONEEL_BEHEERDER: {
        *_LEZEN,
        *_NETWERK_BEHEREN,
        # The admin (/beheer/): organisations, accounts and their roles, the regions.
        "organisaties.view_arbeidsmarktregio",
        "organisaties.add_organisatie",
        "organisaties.change_organisatie",
        "organisaties.add_medewerker",
        "organisaties.change_medewerker",
        # The portal's audit trail (AuditTrailView); the raw log is the superuser's.
        "auditlog.view_logentry",
        # Locked-out accounts: see the attempts, unlock by deleting them.
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "axes.view_accessfailurelog",
    },
}
