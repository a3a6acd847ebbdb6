"""Who may keep which kennisbank items: plain functions used by the selectors and the
form alike. Changing items at all is the permission `kennisbank.change_item`
(`kennisbank.rechten`); these rules add which items."""

from organisaties.constants import Rol


def mag_landelijk_beheren(user) -> bool:
    """National items (no region) are kept by the functioneel beheerder only."""
    return user.is_superuser or Rol.FUNCTIONEEL_BEHEERDER in user.rollen
