"""Who may act on one placement's attendance or one traject's progress meetings.

Plain functions for views, templates and services alike. Each checks the role's
permission (`voortgang.rechten`) first, then the user's own place on the traject; the
selector has already scoped the object to the user (404 outside it).
"""

from trajecten.models import Plaatsing, Traject

from .constants import GesprekPartij


def is_opleider_van(plaatsing: Plaatsing, user) -> bool:
    return plaatsing.praktijkopleider.account_id == user.pk


def mag_bevestigen(plaatsing: Plaatsing, user) -> bool:
    """Confirm a week: only the praktijkopleider of the placement's leerbedrijf."""
    return user.has_perm("voortgang.add_aanwezigheid") and is_opleider_van(
        plaatsing, user
    )


def mag_corrigeren(plaatsing: Plaatsing, user) -> bool:
    """Correct a confirmed week (with a reason): the placement's praktijkopleider or
    the traject's consulent."""
    return user.has_perm("voortgang.change_aanwezigheid") and (
        is_opleider_van(plaatsing, user) or plaatsing.traject.consulent_id == user.pk
    )


def mag_gesprek_vastleggen(traject: Traject, user) -> bool:
    """Record a progress meeting: the traject's consulent."""
    return (
        user.has_perm("voortgang.add_voortgangsgesprek")
        and traject.consulent_id == user.pk
    )


def mag_ritme_instellen(traject: Traject, user) -> bool:
    return (
        user.has_perm("voortgang.change_gespreksritme")
        and traject.consulent_id == user.pk
    )


def partij_van(traject: Traject, user) -> str | None:
    """The party `user` signs for on this traject (None: not a signing party). Uses
    the traject's prefetched placements with their praktijkopleider."""
    if traject.consulent_id == user.pk:
        return GesprekPartij.CONSULENT
    if any(p.praktijkopleider.account_id == user.pk for p in traject.plaatsingen.all()):
        return GesprekPartij.PRAKTIJKOPLEIDER
    return None


def mag_ondertekenen(traject: Traject, user) -> bool:
    return user.has_perm("voortgang.add_gesprekondertekening") and bool(
        partij_van(traject, user)
    )


def mag_op_papier_vastleggen(traject: Traject, user) -> bool:
    """Tick the candidate's paper signature: the traject's consulent."""
    return (
        user.has_perm("voortgang.add_gesprekondertekening")
        and traject.consulent_id == user.pk
    )


def mag_actie_afronden(actie, user) -> bool:
    """Tick an action done: its owner, or the traject's consulent."""
    return user.has_perm("voortgang.change_gesprekactie") and user.pk in (
        actie.eigenaar_id,
        actie.gesprek.traject.consulent_id,
    )
