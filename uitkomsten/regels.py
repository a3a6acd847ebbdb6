"""Who may record the outcome and follow-ups of one traject: plain functions used by
the views, the traject page's section and the services alike."""

from organisaties.constants import Rol
from trajecten.models import Traject


def mag_vastleggen(*, user, traject: Traject) -> bool:
    """Whether `user` records outcome and follow-ups of a traject they may see: its
    consulent, or a consulent colleague who may change trajecten. Following the
    candidate after the traject is the referrer's task: not the school's, not the
    company's (they may change trajecten for other reasons)."""
    return traject.consulent_id == user.pk or (
        user.heeft_rol(Rol.CONSULENT) and user.has_perm("trajecten.change_traject")
    )
