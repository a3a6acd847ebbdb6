"""Reads for the advies (and later trajecten), scoped through the candidate."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from core.invoer import id_of_none
from kandidaten.models import Kandidaat
from kwalificaties.models import Werkproces
from leerbedrijven.models import Contactpersoon, Leerbaan, Leerbedrijf
from leerbedrijven.selectors import leerbedrijf_get_queryset
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


def overeenkomsten_met_handtekeningen() -> Prefetch:
    """A traject's agreements with their versions (newest first) and signatures, for
    pages that say which signature is still missing."""
    return Prefetch(
        "overeenkomsten",
        Overeenkomst.objects.prefetch_related(
            Prefetch(
                "versies",
                OvereenkomstVersie.objects.prefetch_related("ondertekeningen").order_by(
                    "-nummer"
                ),
            )
        ),
    )


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
            overeenkomsten_met_handtekeningen(),
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


@dataclass(frozen=True)
class Voorinvulling:
    """What a match puts in the traject form: the leerbedrijf, its only
    praktijkopleider, the kwalificatie, the wanted werkprocessen and the leerbaan."""

    leerbedrijf: Leerbedrijf
    kwalificatie_id: int | None = None
    werkprocessen: list[int] = field(default_factory=list)
    praktijkopleider_id: int | None = None
    leerbaan: Leerbaan | None = None

    def initial(self) -> dict:
        initial = {"leerbedrijf": self.leerbedrijf.pk}
        if self.kwalificatie_id:
            initial["kwalificatie"] = self.kwalificatie_id
        if self.werkprocessen:
            initial["werkprocessen"] = self.werkprocessen
        if self.praktijkopleider_id:
            initial["praktijkopleider"] = self.praktijkopleider_id
        return initial


def traject_voorinvulling(*, user, vraag) -> Voorinvulling | None:
    """The prefill of the traject form from a match (`vraag`: the GET parameters
    leerbedrijf, kwalificatie, werkprocessen, leerbaan). Only what the user may see
    and what belongs together is used; anything else is left out (None without a
    visible leerbedrijf). At most four queries."""
    lb_id = id_of_none(vraag.get("leerbedrijf"))
    leerbedrijf = (
        leerbedrijf_get_queryset(user=user).filter(pk=lb_id).first() if lb_id else None
    )
    if leerbedrijf is None:
        return None
    kwalificatie_id = id_of_none(vraag.get("kwalificatie"))
    leerbaan = None
    leerbaan_id = id_of_none(vraag.get("leerbaan"))
    if leerbaan_id:
        leerbaan = (
            Leerbaan.objects.filter(pk=leerbaan_id, leerbedrijf=leerbedrijf)
            .select_related("kwalificatie", "vestiging")
            .prefetch_related("werkprocessen")
            .first()
        )
        if leerbaan and kwalificatie_id in (None, leerbaan.kwalificatie_id):
            kwalificatie_id = leerbaan.kwalificatie_id
        else:
            leerbaan = None
    werkprocessen = []
    if kwalificatie_id:
        gevraagd = {id_of_none(w) for w in vraag.getlist("werkprocessen")} - {None}
        if not gevraagd and leerbaan:
            gevraagd = {w.pk for w in leerbaan.werkprocessen.all()}
        if gevraagd:
            werkprocessen = list(
                Werkproces.objects.filter(
                    pk__in=gevraagd, kerntaak__kwalificatie_id=kwalificatie_id
                )
                .order_by("kerntaak__code", "code")
                .values_list("pk", flat=True)
            )
    opleiders = list(
        Contactpersoon.objects.filter(
            leerbedrijf=leerbedrijf, is_praktijkopleider=True
        ).values_list("pk", flat=True)[:2]
    )
    return Voorinvulling(
        leerbedrijf=leerbedrijf,
        kwalificatie_id=kwalificatie_id,
        werkprocessen=werkprocessen,
        praktijkopleider_id=opleiders[0] if len(opleiders) == 1 else None,
        leerbaan=leerbaan,
    )
