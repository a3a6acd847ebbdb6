"""Reads of the assessment, scoped through the traject (`Traject.zichtbaar_voor`)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Exists, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from kwalificaties.models import Werkproces
from leerbedrijven.selectors import leerbedrijf_get_queryset
from meldingen.herinneringen import regels as herinnering_regels
from meldingen.models import Herinnering
from organisaties.scoping import InLijst
from trajecten.constants import (
    ACTIEVE_STATUSSEN,
    PARTIJEN,
    OvereenkomstSoort,
    Partij,
    PdfStatus,
    TrajectStatus,
)
from trajecten.models import Plaatsing, Traject
from trajecten.selectors import overeenkomsten_met_handtekeningen

from . import regels
from .constants import NIVEAU_WAARDE, BorgingStatus, Niveau, ObservatieSoort
from .models import (
    Borging,
    Eindbeoordeling,
    Gedragsvoorbeeld,
    Observatie,
    ObservatieScore,
    Ontwikkeldoel,
    Praktijkverklaring,
    Werkopdracht,
)
from .services.beoordeling import OBSERVATIE_STATUSSEN


def traject_beoordeling(*, user) -> QuerySet[Traject]:
    """Trajecten the user may see, with every collection the observation and progress
    pages read, each loaded once (the count of queries does not grow with the number
    of observations or werkprocessen)."""
    return (
        Traject.objects.zichtbaar_voor(user)
        .select_related("kandidaat", "kwalificatie", "mbo_instelling")
        .prefetch_related(
            Prefetch("werkprocessen", Werkproces.objects.order_by("code")),
            Prefetch(
                "plaatsingen",
                Plaatsing.objects.select_related(
                    "leerbedrijf__organisatie", "praktijkopleider"
                ).order_by("startdatum", "pk"),
            ),
            Prefetch(
                "observaties",
                Observatie.objects.select_related("door")
                .prefetch_related(
                    Prefetch(
                        "scores",
                        ObservatieScore.objects.select_related("gedragsvoorbeeld"),
                    )
                )
                .order_by("datum", "pk"),
            ),
            Prefetch(
                "ontwikkeldoelen",
                Ontwikkeldoel.objects.select_related("werkproces").order_by(
                    "werkproces__code", "afgesproken_op", "pk"
                ),
            ),
            Prefetch(
                "eindbeoordelingen",
                Eindbeoordeling.objects.select_related("werkproces", "door"),
            ),
            Prefetch(
                "borgingen",
                Borging.objects.select_related("door").order_by("-op", "-pk"),
            ),
            Prefetch(
                "verklaringen", Praktijkverklaring.objects.order_by("-uitgereikt_op")
            ),
        )
    )


def gedragsvoorbeelden_voor(traject: Traject) -> dict[int, list[Gedragsvoorbeeld]]:
    """Per werkproces of the traject its active gedragsvoorbeelden: those of the
    current placement's leerbedrijf when it has its own, else the general ones.
    One query (werkprocessen and plaatsingen are prefetched)."""
    plaatsingen = list(traject.plaatsingen.all())
    leerbedrijf_id = plaatsingen[-1].leerbedrijf_id if plaatsingen else None
    wp_ids = [w.pk for w in traject.werkprocessen.all()]
    eigen, algemeen = defaultdict(list), defaultdict(list)
    for gv in Gedragsvoorbeeld.objects.filter(
        Q(leerbedrijf__isnull=True) | Q(leerbedrijf_id=leerbedrijf_id),
        werkproces_id__in=wp_ids,
        actief=True,
    ).order_by("volgorde", "pk"):
        (eigen if gv.leerbedrijf_id else algemeen)[gv.werkproces_id].append(gv)
    return {wp: eigen[wp] or algemeen[wp] for wp in wp_ids}


@dataclass
class Reeks:
    """The level of one werkproces over the observations, for chart and table."""

    werkproces: Werkproces
    punten: list[tuple[Observatie, float | None]] = field(default_factory=list)
    svg_punten: str = ""
    cirkels: list[tuple[int, int]] = field(default_factory=list)


NIVEAU_LABEL = {
    0: Niveau.NOG_NIET.label,
    1: Niveau.MET_HULP.label,
    2: Niveau.ZELFSTANDIG.label,
}
# Chart geometry (SVG user units): the level 0..2 maps to y 100..10.
SVG_BREED, SVG_HOOG, SVG_LINKS = 320, 120, 40


def voortgang(traject: Traject) -> list[Reeks]:
    """Per werkproces the mean level of its scored gedragsvoorbeelden per observation
    (None when none was scored), with SVG coordinates; uses prefetched rows only."""
    observaties = list(traject.observaties.all())
    stap = (SVG_BREED - SVG_LINKS - 10) / max(len(observaties) - 1, 1)
    reeksen = []
    for wp in traject.werkprocessen.all():
        reeks = Reeks(werkproces=wp)
        for i, obs in enumerate(observaties):
            waarden = [
                NIVEAU_WAARDE[s.niveau]
                for s in obs.scores.all()
                if s.gedragsvoorbeeld.werkproces_id == wp.pk
            ]
            gemiddeld = sum(waarden) / len(waarden) if waarden else None
            reeks.punten.append((obs, gemiddeld))
            if gemiddeld is not None:
                reeks.cirkels.append(
                    (round(SVG_LINKS + i * stap), round(100 - gemiddeld * 45))
                )
        reeks.svg_punten = " ".join(f"{x},{y}" for x, y in reeks.cirkels)
        reeksen.append(reeks)
    return reeksen


def niveau_label(waarde: float | None) -> str:
    if waarde is None:
        return "—"
    return str(NIVEAU_LABEL[round(waarde)])


def begeleiding_leerbedrijven(*, user):
    """The leerbedrijven whose own gedragsvoorbeelden and werkopdrachten `user` may edit."""
    return leerbedrijf_get_queryset(user=user)


def gedragsvoorbeeld_list(*, user) -> QuerySet[Gedragsvoorbeeld]:
    """General gedragsvoorbeelden plus those of the leerbedrijven the user may see."""
    return Gedragsvoorbeeld.objects.filter(
        Q(leerbedrijf__isnull=True)
        | Q(leerbedrijf__in=begeleiding_leerbedrijven(user=user))
    ).select_related("werkproces", "leerbedrijf__organisatie")


def werkopdracht_list(*, user) -> QuerySet[Werkopdracht]:
    """General werkopdrachten plus those of the leerbedrijven the user may see."""
    return Werkopdracht.objects.filter(
        Q(leerbedrijf__isnull=True)
        | Q(leerbedrijf__in=begeleiding_leerbedrijven(user=user))
    ).select_related("werkproces", "leerbedrijf__organisatie")


def verklaring_list(*, user) -> QuerySet[Praktijkverklaring]:
    """The verklaringen of the trajecten the user may see, with what lists and the
    detail page show (a fixed number of queries for any number of rows)."""
    return (
        Praktijkverklaring.objects.filter(
            # The scoped trajecten as a key array: an index scan on traject_id
            # instead of a hashed subplan over every verklaring (see InLijst).
            InLijst("traject", Traject.objects.zichtbaar_voor(user).values("pk"))
        )
        .select_related(
            "traject__kandidaat",
            "traject__kwalificatie",
            "mbo_instelling",
            "uitgereikt_door",
            "ingetrokken_door",
        )
        .prefetch_related(
            Prefetch("werkprocessen", Werkproces.objects.order_by("code"))
        )
    )


def verklaring_voor_verificatie(code: str) -> Praktijkverklaring | None:
    """The verklaring with this public code (no scope: the code is the key)."""
    return (
        Praktijkverklaring.objects.select_related(
            "traject__kandidaat", "traject__kwalificatie", "mbo_instelling"
        )
        .prefetch_related(
            Prefetch("werkprocessen", Werkproces.objects.order_by("code"))
        )
        .filter(code=code)
        .first()
    )


# --- the praktijkopleider's home page ---
@dataclass
class Wachtpunt:
    """One thing that waits for the praktijkopleider on a traject, with where to do it."""

    tekst: str
    url: str


@dataclass
class OpleiderKaart:
    """One candidate placed with the praktijkopleider, as a card on the home page."""

    traject: Traject
    leerbedrijf: object
    laatste_observatie: date | None
    observatie_url: str | None  # None: the traject's state allows no observation now
    wacht: list[Wachtpunt] = field(default_factory=list)


def _regel_dagen(code: str) -> int:
    """The period of a reminder rule as the beheerder set it (else its default), so
    the home page calls 'too long ago' what the reminder does."""
    ingesteld = Herinnering.objects.filter(code=code).values_list("dagen", flat=True)
    for dagen in ingesteld:
        return dagen
    return next(r.standaard_dagen for r in herinnering_regels() if r.code == code)


def opleider_trajecten(*, user) -> QuerySet[Traject]:
    """The active trajecten in which `user` is the praktijkopleider of a placement (as
    `regels.is_praktijkopleider_van` decides), with what the home page cards read:
    a fixed number of queries for any number of trajecten."""
    observaties = Observatie.objects.filter(traject=OuterRef("pk"))
    return (
        Traject.objects.zichtbaar_voor(user)
        .filter(
            status__in=ACTIEVE_STATUSSEN,
            pk__in=Plaatsing.objects.filter(praktijkopleider__account=user).values(
                "traject_id"
            ),
        )
        .select_related("kandidaat", "kwalificatie")
        .annotate(
            laatste_observatie=Subquery(
                observaties.order_by()
                .values("traject")
                .annotate(m=Max("datum"))
                .values("m")
            ),
            heeft_nulmeting=Exists(observaties.filter(soort=ObservatieSoort.NULMETING)),
            heeft_pop=Exists(Ontwikkeldoel.objects.filter(traject=OuterRef("pk"))),
        )
        .prefetch_related(
            "werkprocessen",
            "eindbeoordelingen",
            Prefetch(
                "plaatsingen",
                Plaatsing.objects.select_related(
                    "leerbedrijf__organisatie", "praktijkopleider"
                ).order_by("startdatum", "pk"),
            ),
            Prefetch("borgingen", Borging.objects.order_by("-op", "-pk")),
            overeenkomsten_met_handtekeningen(),
        )
        .order_by("kandidaat__achternaam", "kandidaat__voornaam", "pk")
    )


def _te_tekenen(traject: Traject, user) -> list[Wachtpunt]:
    """The agreements whose newest (finished) version still lacks the leerbedrijf's
    signature: the praktijkopleider accepts them in the portal."""
    if not user.has_perm("trajecten.add_ondertekening"):
        return []
    uit = []
    for overeenkomst in traject.overeenkomsten.all():
        if Partij.LEERBEDRIJF not in PARTIJEN[overeenkomst.soort]:
            continue
        versie = next(iter(overeenkomst.versies.all()), None)
        if versie is None or versie.pdf_status != PdfStatus.KLAAR:
            continue
        if any(o.partij == Partij.LEERBEDRIJF for o in versie.ondertekeningen.all()):
            continue
        url = reverse("trajecten:ondertekenen", args=[versie.pk])
        uit.append(
            Wachtpunt(
                _("%s tekenen") % OvereenkomstSoort(overeenkomst.soort).label,
                f"{url}?partij={Partij.LEERBEDRIJF}",
            )
        )
    return uit


def _kan_observeren(traject: Traject, user) -> bool:
    """Whether the observation page would save now: the rule, and the traject's state
    for the kind the page records (a 0-meting first, then tussenresultaten)."""
    soort = (
        ObservatieSoort.TUSSENRESULTAAT
        if traject.heeft_nulmeting
        else ObservatieSoort.NULMETING
    )
    return traject.status in OBSERVATIE_STATUSSEN[soort] and regels.mag_observeren(
        traject, user
    )


def _wachtpunten(
    traject: Traject, user, *, vandaag: date, observatie_dagen: int, eind_dagen: int
) -> list[Wachtpunt]:
    wacht = _te_tekenen(traject, user)
    observeren = reverse("verklaringen:observatie", args=[traject.pk])
    voortgang = reverse("verklaringen:voortgang", args=[traject.pk])
    if _kan_observeren(traject, user):
        if not traject.heeft_nulmeting:
            wacht.append(Wachtpunt(_("0-meting vastleggen"), observeren))
        elif traject.laatste_observatie <= vandaag - timedelta(days=observatie_dagen):
            wacht.append(
                Wachtpunt(
                    _("Observatie: de laatste is %d dagen geleden")
                    % (vandaag - traject.laatste_observatie).days,
                    observeren,
                )
            )
    if (
        traject.heeft_nulmeting
        and not traject.heeft_pop
        and regels.mag_doel_toevoegen(traject, user)
    ):
        wacht.append(Wachtpunt(_("POP: ontwikkeldoelen afspreken"), voortgang))
    if traject.status == TrajectStatus.LOPEND and regels.mag_beoordelen(traject, user):
        wacht += _eindbeoordeling(traject, vandaag=vandaag, eind_dagen=eind_dagen)
    return wacht


@dataclass(frozen=True)
class OpenBeoordeling:
    """What is left of the final assessment on a lopend traject: werkprocessen not
    yet judged, whether judging began, whether the mbo returned the last one."""

    open: int
    begonnen: bool
    teruggestuurd: bool


def open_beoordeling(traject: Traject) -> OpenBeoordeling:
    """Read from `traject`'s related rows, so a prefetched list costs no query (the
    praktijkopleider's home page) and a single traject a few (its next-step line)."""
    beoordeeld = {e.werkproces_id for e in traject.eindbeoordelingen.all()}
    open_ = sum(1 for w in traject.werkprocessen.all() if w.pk not in beoordeeld)
    laatste = next(iter(traject.borgingen.all()), None)  # newest first (Meta)
    return OpenBeoordeling(
        open=open_,
        begonnen=bool(beoordeeld),
        teruggestuurd=laatste is not None
        and laatste.status == BorgingStatus.TERUGGESTUURD,
    )


def _eindbeoordeling(traject: Traject, *, vandaag: date, eind_dagen: int) -> list:
    """What the assessment asks of the praktijkopleider on a lopend traject, in the
    words of a to-do (the next-step line says the same in its own words)."""
    url = reverse("verklaringen:voortgang", args=[traject.pk])
    stand = open_beoordeling(traject)
    if not stand.open:
        tekst = (
            _("Beoordeling aanpassen en opnieuw indienen")
            if stand.teruggestuurd
            else _("Beoordeling indienen bij de mbo-instelling")
        )
        return [Wachtpunt(tekst, url)]
    if stand.begonnen:
        return [Wachtpunt(_("Eindbeoordeling: nog %d werkprocessen") % stand.open, url)]
    if traject.geplande_einddatum <= vandaag + timedelta(days=eind_dagen):
        return [
            Wachtpunt(
                _("Eindbeoordeling geven: het traject stopt op %s")
                % f"{traject.geplande_einddatum:%d-%m-%Y}",
                url,
            )
        ]
    return []


def opleider_werklijst(*, user, vandaag: date) -> list[OpleiderKaart]:
    """The praktijkopleider's home page: per candidate placed with `user` the last
    observation and what waits for him, the cards with work first."""
    trajecten = list(opleider_trajecten(user=user))
    if not trajecten:
        return []
    observatie_dagen = _regel_dagen("geen_observatie")
    eind_dagen = _regel_dagen("einddatum_nadert")
    kaarten = []
    for t in trajecten:
        eigen = [
            p for p in t.plaatsingen.all() if p.praktijkopleider.account_id == user.pk
        ]
        kan_observeren = _kan_observeren(t, user)
        kaarten.append(
            OpleiderKaart(
                traject=t,
                leerbedrijf=eigen[-1].leerbedrijf,
                laatste_observatie=t.laatste_observatie,
                observatie_url=reverse("verklaringen:observatie", args=[t.pk])
                if kan_observeren
                else None,
                wacht=_wachtpunten(
                    t,
                    user,
                    vandaag=vandaag,
                    observatie_dagen=observatie_dagen,
                    eind_dagen=eind_dagen,
                ),
            )
        )
    kaarten.sort(key=lambda k: not k.wacht)  # stable: by name within each group
    return kaarten


def mbo_verklaring_list(*, user):
    """The mbo-verklaringen of the trajecten the user may see."""
    from .models import MboVerklaring

    return MboVerklaring.objects.filter(
        traject__in=Traject.objects.zichtbaar_voor(user).values("pk")
    ).select_related(
        "traject__kandidaat",
        "traject__kwalificatie",
        "mbo_instelling",
        "uitgereikt_door",
    )


def mbo_verklaring_voor_verificatie(code: str):
    """The mbo-verklaring with this public code (no scope: the code is the key)."""
    from .models import MboVerklaring

    return (
        MboVerklaring.objects.select_related(
            "traject__kandidaat", "traject__kwalificatie", "mbo_instelling"
        )
        .filter(code=code)
        .first()
    )


def bewijs_list(*, user):
    """The other proofs of the trajecten the user may see."""
    from .models import Bewijs

    return Bewijs.objects.filter(
        traject__in=Traject.objects.zichtbaar_voor(user).values("pk")
    ).select_related("traject")
