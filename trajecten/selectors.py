"""Reads for the advies (and later trajecten), scoped through the candidate."""

from django.db.models import Prefetch, QuerySet

from kandidaten.models import Kandidaat
from kwalificaties.models import Werkproces
from organisaties.constants import Rol
from organisaties.models import Medewerker
from organisaties.selectors import medewerkers_in_regio

from .models import (
    Advies,
    AdviesAntwoord,
    Financiering,
    Overeenkomst,
    OvereenkomstVersie,
    Plaatsing,
    Traject,
    TrajectCorrectie,
    TrajectStatuswijziging,
)


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
    return medewerkers_in_regio(user=user, rol=Rol.MBO_MEDEWERKER)


def traject_list(*, user) -> QuerySet[Traject]:
    """Trajecten the user may see, with candidate, kwalificatie and current placement."""
    return (
        Traject.objects.zichtbaar_voor(user)
        .select_related("kandidaat", "kwalificatie", "consulent", "mbo_instelling")
        .prefetch_related(
            Prefetch(
                "plaatsingen",
                Plaatsing.objects.select_related("leerbedrijf__organisatie").order_by(
                    "startdatum", "pk"
                ),
            )
        )
        .order_by("-startdatum", "-pk")
    )


def traject_detail(*, user) -> QuerySet[Traject]:
    """Trajecten the user may see, with every collection the detail page shows."""
    return (
        Traject.objects.zichtbaar_voor(user)
        .select_related(
            "kandidaat__organisatie",
            "kwalificatie",
            "consulent",
            "jobcoach",
            "mbo_instelling",
            "advies",
        )
        .prefetch_related(
            Prefetch(
                "werkprocessen", Werkproces.objects.order_by("kerntaak__code", "code")
            ),
            Prefetch(
                "plaatsingen",
                Plaatsing.objects.select_related(
                    "leerbedrijf__organisatie", "vestiging", "praktijkopleider"
                ).order_by("startdatum", "pk"),
            ),
            Prefetch("financieringen", Financiering.objects.select_related("betaler")),
            Prefetch(
                "statuswijzigingen",
                TrajectStatuswijziging.objects.select_related("door").order_by(
                    "-op", "-pk"
                ),
            ),
            Prefetch(
                "correcties",
                TrajectCorrectie.objects.select_related("door")
                .prefetch_related("regels")
                .order_by("-op", "-pk"),
            ),
            Prefetch(
                "overeenkomsten",
                Overeenkomst.objects.prefetch_related(
                    Prefetch(
                        "versies",
                        OvereenkomstVersie.objects.prefetch_related(
                            "ondertekeningen"
                        ).order_by("-nummer"),
                    )
                ),
            ),
        )
    )


def overeenkomst_versie_list(*, user) -> QuerySet[OvereenkomstVersie]:
    """Agreement versions of trajecten the user may see."""
    return OvereenkomstVersie.objects.filter(
        overeenkomst__traject__in=Traject.objects.zichtbaar_voor(user)
    ).select_related("overeenkomst__traject__kandidaat")


def regeling_waarschuwingen(traject: Traject) -> list[str]:
    """Schemes whose maximum duration the planned traject exceeds (prefetched, no queries)."""
    uit = []
    for f in traject.financieringen.all():
        einde = f.regeling_einde()
        if einde and traject.geplande_einddatum > einde:
            uit.append(
                f"{f.get_regeling_display()} betaalt hoogstens {f.max_maanden} maanden: "
                f"het traject moet uiterlijk {einde:%d-%m-%Y} klaar zijn."
            )
    return uit


def traject_team(traject: Traject) -> list:
    """The people who work on the traject: consulent, jobcoach, the mbo-medewerker of
    the advice and the praktijkopleiders with an account."""
    team = [traject.consulent, traject.jobcoach]
    if traject.advies_id:
        team.append(traject.advies.mbo_medewerker)
    team += [
        p.praktijkopleider.account
        for p in traject.plaatsingen.select_related("praktijkopleider__account")
    ]
    return team
