"""Reminder rules of trajecten, registered with the core registry from `ready()`.

Each rule selects its due rows in a fixed number of queries (joins, subqueries and one
prefetch), then calls `melding_versturen` per row with an `oorzaak` naming the row, so
a daily run sends each reminder once.

The rule "geen observatie" lives with the observations, in verklaringen/herinneringen.py.
"""

from datetime import date, timedelta

from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.datums import datum_tekst
from leerbedrijven.constants import ErkenningStatus
from meldingen.herinneringen import regel_registreren
from meldingen.services import melding_versturen

from .constants import (
    ACTIEVE_STATUSSEN,
    REGELING_MAX_MAANDEN,
    Partij,
    PdfStatus,
    Regeling,
    TrajectStatus,
)
from .models import Financiering, OvereenkomstVersie, Plaatsing, Traject

# Agreements are signed before the traject runs; later a missing signature is a
# matter for the traject page, not a reminder.
TEKEN_STATUSSEN = [
    TrajectStatus.PLAATSING_VOORBEREID,
    TrajectStatus.OVEREENKOMSTEN_GETEKEND,
]


def ongetekend(versies) -> list[tuple[OvereenkomstVersie, list[str]]]:
    """The newest versions among `versies` with their PDF ready, of trajecten that
    are still being signed, that lack a required signature: each with the parties
    (Partij values) that have not signed. Two queries. The rule below and the
    consulent's "Vandaag" on the home page share it."""
    nieuwere = OvereenkomstVersie.objects.filter(
        overeenkomst=OuterRef("overeenkomst"), nummer__gt=OuterRef("nummer")
    )
    versies = (
        versies.filter(
            pdf_status=PdfStatus.KLAAR,
            overeenkomst__traject__status__in=TEKEN_STATUSSEN,
        )
        .exclude(Exists(nieuwere))
        .select_related(
            "overeenkomst__traject__kandidaat", "overeenkomst__traject__consulent"
        )
        .prefetch_related("ondertekeningen")
        .order_by("created_at", "pk")
    )
    uit = []
    for versie in versies:
        getekend = {o.partij for o in versie.ondertekeningen.all()}
        ontbreekt = [p for p in versie.overeenkomst.partijen if p not in getekend]
        if ontbreekt:
            uit.append((versie, ontbreekt))
    return uit


@regel_registreren(
    "overeenkomst_ongetekend",
    gettext_lazy(
        "Overeenkomst niet getekend: herinner de consulent als een handtekening "
        "zoveel dagen na het maken van de PDF nog ontbreekt."
    ),
    standaard_dagen=14,
)
def overeenkomst_ongetekend(vandaag: date, dagen: int) -> int:
    """The newest version of an agreement, PDF ready for at least `dagen` days, still
    lacks a required signature: notify the traject's consulent (once per version)."""
    versies = OvereenkomstVersie.objects.filter(
        created_at__date__lte=vandaag - timedelta(days=dagen)
    )
    nieuw = 0
    for versie, ontbreekt in ongetekend(versies):
        overeenkomst = versie.overeenkomst
        traject = overeenkomst.traject
        nieuw += melding_versturen(
            ontvangers=[traject.consulent],
            oorzaak=f"overeenkomst_ongetekend:{versie.pk}",
            titel=_("Een overeenkomst is nog niet helemaal getekend"),
            tekst=_(
                "%(overeenkomst)s (versie %(versie)s) van %(kandidaat)s. Nog niet "
                "getekend door: %(partijen)s."
            )
            % {
                "overeenkomst": overeenkomst.get_soort_display(),
                "versie": versie.nummer,
                "kandidaat": traject.kandidaat,
                "partijen": ", ".join(str(Partij(p).label) for p in ontbreekt),
            },
            url=traject.get_absolute_url(),
        )
    return nieuw


@regel_registreren(
    "einddatum_nadert",
    gettext_lazy(
        "Einde traject nadert: herinner consulent en jobcoach zoveel dagen voor de "
        "geplande einddatum."
    ),
    standaard_dagen=30,
)
def einddatum_nadert(vandaag: date, dagen: int) -> int:
    """An active traject's planned end date is within `dagen` days (or passed):
    notify its consulent and jobcoach (once per planned end date)."""
    trajecten = (
        Traject.objects.filter(
            status__in=ACTIEVE_STATUSSEN,
            geplande_einddatum__lte=vandaag + timedelta(days=dagen),
        )
        .select_related("kandidaat", "consulent", "jobcoach")
        .order_by("pk")
    )
    nieuw = 0
    for traject in trajecten:
        nieuw += melding_versturen(
            ontvangers=[traject.consulent, traject.jobcoach],
            oorzaak=(
                f"einddatum_nadert:{traject.pk}:"
                f"{traject.geplande_einddatum.isoformat()}"
            ),
            titel=_("Een traject is bijna afgelopen"),
            tekst=_(
                "Het traject van %(kandidaat)s stopt volgens de planning op %(datum)s."
            )
            % {
                "kandidaat": traject.kandidaat,
                "datum": datum_tekst(traject.geplande_einddatum),
            },
            url=traject.get_absolute_url(),
        )
    return nieuw


@regel_registreren(
    "regeling_maximum",
    gettext_lazy(
        "Regeling bijna op: herinner de consulent zoveel dagen voordat de "
        "maximale duur van de regeling (bijvoorbeeld 9 maanden) om is."
    ),
    standaard_dagen=30,
)
def regeling_maximum(vandaag: date, dagen: int) -> int:
    """An active traject is paid by a scheme with a maximum duration that ends within
    `dagen` days (or ended): notify its consulent (once per traject, scheme and date)."""
    grens = vandaag + timedelta(days=dagen)
    # A traject started after `grens` minus the maximum cannot be due yet; the exact
    # month arithmetic (plus_maanden) follows in Python, one row at a time.
    per_regeling = Q(pk__in=[])
    for regeling, maanden in REGELING_MAX_MAANDEN.items():
        if maanden:
            per_regeling |= Q(
                regeling=regeling,
                traject__startdatum__lte=grens - timedelta(days=28 * maanden),
            )
    financieringen = (
        Financiering.objects.filter(per_regeling, traject__status__in=ACTIEVE_STATUSSEN)
        .select_related("traject__kandidaat", "traject__consulent")
        .order_by("traject_id", "regeling", "pk")
    )
    nieuw = 0
    for financiering in financieringen:
        traject = financiering.traject
        einde = financiering.regeling_einde()
        if einde > grens:
            continue
        nieuw += melding_versturen(
            ontvangers=[traject.consulent],
            oorzaak=(
                f"regeling_maximum:{traject.pk}:{financiering.regeling}:"
                f"{einde.isoformat()}"
            ),
            titel=_("De regeling van een traject loopt bijna af"),
            tekst=_(
                "%(regeling)s betaalt het traject van %(kandidaat)s hoogstens "
                "%(maanden)s maanden: tot %(datum)s."
            )
            % {
                "regeling": Regeling(financiering.regeling).label,
                "kandidaat": traject.kandidaat,
                "maanden": financiering.max_maanden,
                "datum": datum_tekst(einde),
            },
            url=traject.get_absolute_url(),
        )
    return nieuw


@regel_registreren(
    "erkenning_verloopt",
    gettext_lazy(
        "Erkenning verloopt tijdens het traject: herinner consulent en "
        "praktijkopleider zoveel dagen voor het einde van de erkenning."
    ),
    standaard_dagen=90,
)
def erkenning_verloopt(vandaag: date, dagen: int) -> int:
    """The SBB erkenning of a current placement's leerbedrijf for the traject's
    kwalificatie ends before the traject's planned end, within `dagen` days: notify
    the consulent and the praktijkopleider's account (once per placement and date)."""
    # One erkenning per leerbedrijf and kwalificatie (a unique constraint), so a plain
    # join (the conditions in one filter() share it) gives at most one row per
    # placement; a correlated subquery here once made PostgreSQL plan badly.
    plaatsingen = (
        Plaatsing.objects.filter(
            traject__status__in=ACTIEVE_STATUSSEN,
            einddatum__gte=vandaag,
            leerbedrijf__erkenningen__kwalificatie=F("traject__kwalificatie"),
            leerbedrijf__erkenningen__status=ErkenningStatus.ERKEND,
            leerbedrijf__erkenningen__geldig_tot__lt=F("traject__geplande_einddatum"),
            leerbedrijf__erkenningen__geldig_tot__lte=vandaag + timedelta(days=dagen),
        )
        .annotate(erkend_tot=F("leerbedrijf__erkenningen__geldig_tot"))
        .select_related(
            "leerbedrijf__organisatie",
            "praktijkopleider__account",
            "traject__kandidaat",
            "traject__consulent",
        )
        .order_by("pk")
    )
    nieuw = 0
    for plaatsing in plaatsingen:
        traject = plaatsing.traject
        nieuw += melding_versturen(
            ontvangers=[traject.consulent, plaatsing.praktijkopleider.account],
            oorzaak=(
                f"erkenning_verloopt:{plaatsing.pk}:{plaatsing.erkend_tot.isoformat()}"
            ),
            titel=_("Een erkenning verloopt voor het einde van een traject"),
            tekst=_(
                "De erkenning van %(leerbedrijf)s is geldig tot %(datum)s. Het traject "
                "van %(kandidaat)s loopt tot %(einde)s. Vraag op tijd een nieuwe "
                "erkenning aan bij SBB."
            )
            % {
                "leerbedrijf": plaatsing.leerbedrijf,
                "datum": datum_tekst(plaatsing.erkend_tot),
                "kandidaat": traject.kandidaat,
                "einde": datum_tekst(traject.geplande_einddatum),
            },
            url=traject.get_absolute_url(),
        )
    return nieuw
