"""Permissions of each role on leerbedrijven (collected by organisaties.rollen).

Every role reads; the roles that recruit employers add and change. Contact moments
are a log: the portal adds them and never edits them, so only the beheerder (admin)
holds `change_contactmoment`.
"""

from organisaties.constants import Rol

_MODELLEN = ("leerbedrijf", "vestiging", "contactpersoon", "erkenning", "leerbaan")
LEZEN = {
    f"leerbedrijven.view_{model}"
    for model in (*_MODELLEN, "contactmoment", "leerbedrijfstatuswijziging")
}
WIJZIGEN = {
    f"leerbedrijven.{actie}_{model}"
    for actie in ("add", "change")
    for model in _MODELLEN
} | {"leerbedrijven.add_contactmoment"}

RECHTEN: dict[str, set[str]] = {
    Rol.CONSULENT: LEZEN | WIJZIGEN,
    Rol.JOBCOACH: LEZEN | WIJZIGEN,
    # The company's own praktijkopleider does not read the recruiters' notes about it.
    Rol.PRAKTIJKOPLEIDER: LEZEN
    - {
        "leerbedrijven.view_contactmoment",
        "leerbedrijven.view_leerbedrijfstatuswijziging",
    },
    Rol.MBO_MEDEWERKER: LEZEN,
    Rol.REGIOCOORDINATOR: LEZEN | WIJZIGEN,
    Rol.FUNCTIONEEL_BEHEERDER: LEZEN
    | WIJZIGEN
    | {"leerbedrijven.change_contactmoment"},
}
