"""Who may open the dashboards: by role, as the dashboards count a role's own
population (`populatie.dashboard_populatie`), not one object."""

from organisaties.constants import Rol

DASHBOARD_ROLLEN = (Rol.REGIOCOORDINATOR, Rol.CONSULENT, Rol.JOBCOACH)


def mag_dashboard(user) -> bool:
    return user.is_superuser or user.heeft_rol(*DASHBOARD_ROLLEN)


def mag_vergelijking(user) -> bool:
    """The comparison between regions: the functioneel beheerder."""
    return user.is_superuser or user.heeft_rol(Rol.FUNCTIONEEL_BEHEERDER)
