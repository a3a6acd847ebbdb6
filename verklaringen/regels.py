"""Who may act on one traject's assessment and on the begeleidingsdocument.

Plain functions, used by the views, the templates (through the views' context), the
services (which refuse with PermissionDenied) and the next-step panel alike. Each rule
checks the permission of the role (`verklaringen.rechten`) first, then the user's own
place on the traject; the selector has already scoped the traject to the user.
"""

from organisaties.constants import Rol
from trajecten.models import Traject


def is_praktijkopleider_van(traject: Traject, user) -> bool:
    """Whether `user` is the praktijkopleider of one of the traject's placements."""
    return any(
        p.praktijkopleider.account_id == user.pk for p in traject.plaatsingen.all()
    )


def _begeleidt(traject: Traject, user) -> bool:
    """The traject's consulent or jobcoach, or the praktijkopleider of a placement."""
    return user.pk in (traject.consulent_id, traject.jobcoach_id) or (
        is_praktijkopleider_van(traject, user)
    )


def mag_observeren(traject: Traject, user) -> bool:
    """Record an observation, or submit the assessment: the praktijkopleider of a
    placement, or the traject's consulent or jobcoach."""
    return user.has_perm("verklaringen.add_observatie") and _begeleidt(traject, user)


def mag_doel_toevoegen(traject: Traject, user) -> bool:
    """Agree a new POP goal: the people who guide the candidate on this traject."""
    return user.has_perm("verklaringen.add_ontwikkeldoel") and _begeleidt(traject, user)


def mag_doel_bijstellen(traject: Traject, user) -> bool:
    """Adjust an agreed POP goal: the people who guide the candidate on this traject."""
    return user.has_perm("verklaringen.change_ontwikkeldoel") and _begeleidt(
        traject, user
    )


def mag_beoordelen(traject: Traject, user) -> bool:
    """Give (or replace) the eindbeoordeling: only the praktijkopleider of a placement."""
    return user.has_perms(
        ("verklaringen.add_eindbeoordeling", "verklaringen.change_eindbeoordeling")
    ) and is_praktijkopleider_van(traject, user)


def mag_borgen(traject: Traject, user) -> bool:
    """Approve or return the assessment, issue and revoke the praktijkverklaring: only
    a mbo-medewerker of the traject's own mbo-instelling."""
    return user.has_perm("verklaringen.add_borging") and (
        getattr(user, "organisatie_id", None) == traject.mbo_instelling_id
    )


def mag_algemene_begeleiding(user) -> bool:
    """Keep general gedragsvoorbeelden and werkopdrachten (for every leerbedrijf):
    the mbo-medewerker and the functioneel beheerder; others only their companies'."""
    return user.is_superuser or user.heeft_rol(
        Rol.MBO_MEDEWERKER, Rol.FUNCTIONEEL_BEHEERDER
    )


def mag_bewijs_toevoegen(traject: Traject, user) -> bool:
    """Record another proof (certificate, diploma, exam result): the traject's
    consulent, or a mbo-medewerker of the traject's own mbo-instelling."""
    return user.has_perm("verklaringen.add_bewijs") and (
        user.pk == traject.consulent_id
        or (
            user.heeft_rol(Rol.MBO_MEDEWERKER)
            and getattr(user, "organisatie_id", None) == traject.mbo_instelling_id
        )
    )
