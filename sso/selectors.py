"""Reads for SSO: which organisations log in through their own provider."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from .models import SsoKoppeling


def koppeling_list_actief() -> QuerySet[SsoKoppeling]:
    """Every switched-on koppeling, for the login page's choice of organisation."""
    return SsoKoppeling.objects.filter(actief=True).select_related("organisatie")


def koppeling_get_actief(
    *, slug: str = "", pk: int | None = None
) -> SsoKoppeling | None:
    filters = {"pk": pk} if pk is not None else {"slug": slug}
    return koppeling_list_actief().filter(**filters).first()


def wachtwoord_geweigerd(user) -> str | None:
    """Why `user` may not log in with a password, or None.

    Registered with organisaties.forms.WACHTWOORD_CONTROLES: runs after the password
    was found right, so it never tells whether an account exists. Beheerders keep
    their password (the way in when the provider is down).
    """
    if user.is_beheerder or not user.organisatie_id:
        return None
    koppeling = SsoKoppeling.objects.filter(
        organisatie_id=user.organisatie_id, actief=True, wachtwoord_toegestaan=False
    ).first()
    if koppeling is None:
        return None
    return _(
        "%(organisatie)s laat je inloggen met het account van je organisatie, niet "
        "met een wachtwoord. Kies hieronder ‘Inloggen met je organisatie’ of ga naar "
        "%(adres)s."
    ) % {"organisatie": koppeling.organisatie, "adres": koppeling.get_absolute_url()}
