"""Reads for the advies (and later trajecten), scoped through the candidate."""

from django.db.models import Prefetch, QuerySet

from kandidaten.models import Kandidaat
from organisaties.constants import Rol
from organisaties.models import Medewerker

from .models import Advies, AdviesAntwoord


def advies_list(*, user) -> QuerySet[Advies]:
    """Adviezen of candidates the user may see."""
    return Advies.objects.filter(
        kandidaat__in=Kandidaat.objects.zichtbaar_voor(user)
    ).select_related(
        "kandidaat",
        "kwalificatie",
        "leerbedrijf__organisatie",
        "mbo_medewerker",
        "mbo_instelling",
        "besloten_door",
    )


def advies_detail(*, user) -> QuerySet[Advies]:
    return advies_list(user=user).prefetch_related(
        Prefetch(
            "antwoorden",
            AdviesAntwoord.objects.order_by("onderwerp", "vraag__volgorde"),
        )
    )


def actueel_advies(*, kandidaat: Kandidaat) -> Advies | None:
    """The newest advice of a candidate the caller already may see."""
    return (
        Advies.objects.filter(kandidaat=kandidaat, actueel=True)
        .select_related("kwalificatie", "leerbedrijf__organisatie", "mbo_medewerker")
        .first()
    )


def mbo_medewerkers(*, user) -> QuerySet[Medewerker]:
    """Mbo-medewerkers in the user's regions (to do the checklist with)."""
    regios = user.organisatie.regios.all() if user.organisatie_id else []
    return (
        Medewerker.objects.filter(
            groups__name=Rol.MBO_MEDEWERKER,
            is_active=True,
            organisatie__regios__in=regios,
        )
        .select_related("organisatie")
        .distinct()
        .order_by("first_name", "last_name")
    )
