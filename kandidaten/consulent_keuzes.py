"""The caseload's consulent filter: its choices, kept in the cache per scope.

Every caseload page offers the consulenten whose candidates the user may see
(`selectors.consulenten_zichtbaar`), and a consulent's own caseload validates its
default filter against them: one query of every consulent in the user's regions on
each page, the same answer for everyone of that region. So the answer is kept in the
shared cache per scope (the user's regions, or their organisation), for
`CONSULENT_KEUZES_CACHE_SECONDEN` and no longer than until something changes it: a
medewerker (name, organisation, active), someone's roles or an organisation's regions
give the cache a new version once the change is committed.

The consulenten of the candidates linked to the user in person (as consulent or
jobcoach) are part of the scope but not of the region's answer: one index look-up per
page finds them, and only when one of them is not among the region's consulenten (a
jobcoach of another organisation) is the whole list asked for without the cache.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from organisaties.models import Medewerker, Organisatie

from .models import Kandidaat
from .selectors import consulenten_per_organisatie, consulenten_zichtbaar

VERSIE = "consulent-keuzes:versie"

Keuzes = list[tuple[int, str]]


def _paren(medewerkers) -> Keuzes:
    """(pk, name) pairs without a model instance per option; the name is the
    medewerker's str(): full name, else username."""
    return [
        (pk, f"{voornaam} {achternaam}".strip() or gebruikersnaam)
        for pk, voornaam, achternaam, gebruikersnaam in medewerkers.values_list(
            "pk", "first_name", "last_name", "username"
        )
    ]


def consulent_keuzes(user) -> Keuzes:
    """The consulent filter's choices for `user`, as `consulenten_zichtbaar` gives
    them, in its order."""
    seconden = settings.CONSULENT_KEUZES_CACHE_SECONDEN
    bereik = consulenten_per_organisatie(user=user)
    if not seconden or bereik is None:
        return _paren(consulenten_zichtbaar(user=user))
    sleutel, medewerkers = bereik
    versie = cache.get(VERSIE) or 0
    volledige_sleutel = f"consulent-keuzes:{versie}:{sleutel}"
    keuzes = cache.get(volledige_sleutel)
    if keuzes is None:
        keuzes = _paren(medewerkers)
        cache.set(volledige_sleutel, keuzes, seconden)
    persoonlijk = set(
        Kandidaat.objects.filter(Q(consulent=user) | Q(jobcoach=user))
        .values_list("consulent", flat=True)
        .distinct()
    )
    if persoonlijk - {pk for pk, _naam in keuzes}:
        return _paren(consulenten_zichtbaar(user=user))
    return keuzes


def _nieuwe_versie() -> None:
    cache.add(VERSIE, 0, None)
    try:
        cache.incr(VERSIE)
    except ValueError:  # gone between add and incr (evicted): start again
        cache.set(VERSIE, 1, None)


def vergeten() -> None:
    """Every scope's choices are asked again (after the change is committed)."""
    transaction.on_commit(_nieuwe_versie)


@receiver(post_save, sender=Medewerker, dispatch_uid="consulent_keuzes_medewerker")
def _medewerker_bewaard(sender, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= {"last_login", "password"}:
        return  # a login changes no one's name, organisation or roles
    vergeten()


@receiver(post_delete, sender=Medewerker, dispatch_uid="consulent_keuzes_weg")
def _medewerker_weg(sender, **kwargs):
    vergeten()


@receiver(
    m2m_changed, sender=Medewerker.groups.through, dispatch_uid="consulent_keuzes_rol"
)
@receiver(
    m2m_changed,
    sender=Organisatie.regios.through,
    dispatch_uid="consulent_keuzes_regio",
)
def _koppeling_gewijzigd(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        vergeten()
