"""Who may act on one traject: plain functions used by the views, the templates
(through the views' context), the services and the next-step line alike.

The role's permissions (`trajecten.rechten`) say what kind of action a role may take
at all; these rules add the user's own place on this traject. The selector has already
scoped the traject to the user.
"""

from organisaties.constants import Rol
from trajecten.constants import Partij
from trajecten.models import Traject


def mag_traject_corrigeren(*, user, traject: Traject) -> bool:
    """A consulent who may change trajecten, or a mbo-medewerker of the traject's own
    mbo-instelling (the selector already scoped the traject to the user)."""
    if not user.has_perm("trajecten.change_traject"):
        return False
    return user.heeft_rol(Rol.CONSULENT) or (
        user.heeft_rol(Rol.MBO_MEDEWERKER)
        and user.organisatie_id == traject.mbo_instelling_id
    )


def mag_op_papier_toevoegen(*, traject: Traject, door) -> bool:
    """A paper signature (PDF) is added by the case managers: someone of the
    referring organisation or of the mbo-instelling."""
    return getattr(door, "organisatie_id", None) in (
        traject.kandidaat.organisatie_id,
        traject.mbo_instelling_id,
    )


def mag_in_portaal_tekenen(*, partij: str, traject: Traject, door) -> bool:
    """Whether `door` represents `partij`: only then may they accept in the portal."""
    if partij == Partij.VERWIJZER:
        return door.organisatie_id == traject.kandidaat.organisatie_id
    if partij == Partij.MBO:
        return door.organisatie_id == traject.mbo_instelling_id
    if partij == Partij.LEERBEDRIJF:
        return traject.plaatsingen.filter(praktijkopleider__account=door).exists() or (
            traject.plaatsingen.filter(
                leerbedrijf__organisatie=door.organisatie_id
            ).exists()
        )
    return False  # the candidate signs on paper
