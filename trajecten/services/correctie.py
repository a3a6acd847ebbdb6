"""Correcting a running traject (a typing mistake, a changed plan) without ending it.

`traject_corrigeren` changes period, hours, werkprocessen, placement dates and funding
in one transaction under the traject's row lock, keeps every changed field in the
traject's history (`TrajectCorrectie`, old → new, with the reason) and puts one entry on
the candidate's timeline. It does not make agreement versions itself: the agreements
are checked against the traject's data by their fingerprint (`overeenkomsten`), so a
correction of something they show makes them 'verouderd'; the result says which.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.concurrency import GELIJKTIJDIG_GEWIJZIGD
from core.datums import datum_tekst
from kandidaten.constants import GebeurtenisSoort
from kandidaten.services import gebeurtenis_vastleggen
from meldingen.services import melding_versturen
from trajecten.constants import CorrectieVeld, Regeling
from trajecten.models import Traject, TrajectCorrectie, TrajectCorrectieRegel
from trajecten.regels import mag_traject_corrigeren
from trajecten.selectors import traject_team

from .overeenkomsten import verouderde_overeenkomsten
from .plaatsing_periode import PlaatsingPeriode, buiten_traject_tekst, overlap_fouten

GEEN_WIJZIGING = gettext_lazy(
    "Je hebt niets veranderd. Er is dus niets opgeslagen. Pas eerst een gegeven aan."
)


def plaatsing_veld(plaatsing_id: int, attr: str) -> str:
    """The form field (and error key) of one placement's date."""
    return f"plaatsing_{plaatsing_id}_{attr}"


def financiering_veld(financiering_id: int, attr: str) -> str:
    """The form field (and error key) of one financing's value."""
    return f"financiering_{financiering_id}_{attr}"


@dataclass
class CorrectieInvoer:
    """The new values; None (or a missing id) keeps what the traject has."""

    startdatum: date | None = None
    geplande_einddatum: date | None = None
    uren_per_week: int | None = None
    werkprocessen: list | None = None
    # plaatsing id -> (startdatum, einddatum)
    plaatsingen: dict[int, tuple[date, date]] = field(default_factory=dict)
    # financiering id -> {"regeling", "betaler", "bedrag_mbo", "bedrag_werkgever"}
    financieringen: dict[int, dict] = field(default_factory=dict)


@dataclass
class Correctieresultaat:
    correctie: TrajectCorrectie
    # Agreements (OvereenkomstSoort values) that need a new version and new signatures.
    verouderde_overeenkomsten: list[str]


def _bedrag(waarde) -> str:
    return f"€ {Decimal(waarde):.2f}".replace(".", ",")


def _werkprocessen_tekst(werkprocessen) -> str:
    return ", ".join(sorted(w.code for w in werkprocessen)) or "—"


class _Fouten:
    def __init__(self):
        self.per_veld: dict[str, list[str]] = {}

    def __call__(self, veld: str, tekst: str) -> None:
        self.per_veld.setdefault(veld, []).append(tekst)

    def controleer(self) -> None:
        if self.per_veld:
            raise ValidationError(self.per_veld)


@transaction.atomic
def traject_corrigeren(
    *,
    traject: Traject,
    door,
    invoer: CorrectieInvoer,
    reden: str,
    versie: int | None = None,
    overlap_bedoeld: bool = False,
) -> Correctieresultaat:
    """Correct an active traject; raises ValidationError (Dutch, per form field) and
    then changes nothing. `versie` is the traject version the form showed: a traject
    changed since is refused rather than overwritten."""
    traject = (
        Traject.objects.select_for_update(of=("self",))
        .select_related("kandidaat")
        .get(pk=traject.pk)
    )
    if not mag_traject_corrigeren(user=door, traject=traject):
        raise PermissionDenied(_("Dit mag je bij dit traject niet doen."))
    traject.moet_actief_zijn()
    if versie is not None and versie != traject.versie:
        raise ValidationError(GELIJKTIJDIG_GEWIJZIGD, code="gelijktijdig_gewijzigd")
    reden = (reden or "").strip()
    fout = _Fouten()
    if not reden:
        fout("reden", _("Schrijf op waarom je het traject corrigeert."))

    regels: list[TrajectCorrectieRegel] = []

    def regel(veld, oud, nieuw, onderwerp=""):
        if oud != nieuw:
            regels.append(
                TrajectCorrectieRegel(
                    veld=veld, oud=oud, nieuw=nieuw, onderwerp=str(onderwerp)
                )
            )

    # --- the traject itself ---
    start = invoer.startdatum or traject.startdatum
    eind = invoer.geplande_einddatum or traject.geplande_einddatum
    uren = invoer.uren_per_week
    if eind <= start:
        fout("geplande_einddatum", _("De einddatum moet na de startdatum liggen."))
    if uren is not None and not 1 <= uren <= 40:
        fout("uren_per_week", _("Vul een aantal uren in van 1 tot en met 40."))
    oude_werkprocessen = list(traject.werkprocessen.all())
    if invoer.werkprocessen is not None:
        if not invoer.werkprocessen:
            fout("werkprocessen", _("Kies minstens één werkproces."))
        elif any(
            w.kerntaak.kwalificatie_id != traject.kwalificatie_id
            for w in invoer.werkprocessen
        ):
            fout(
                "werkprocessen",
                _("Kies alleen werkprocessen van de kwalificatie van dit traject."),
            )
    regel(
        CorrectieVeld.STARTDATUM,
        datum_tekst(traject.startdatum),
        datum_tekst(start),
    )
    regel(
        CorrectieVeld.GEPLANDE_EINDDATUM,
        datum_tekst(traject.geplande_einddatum),
        datum_tekst(eind),
    )
    if uren is not None:
        regel(CorrectieVeld.UREN_PER_WEEK, str(traject.uren_per_week), str(uren))
    werkprocessen_anders = invoer.werkprocessen is not None and {
        w.pk for w in invoer.werkprocessen
    } != {w.pk for w in oude_werkprocessen}
    if werkprocessen_anders:
        regel(
            CorrectieVeld.WERKPROCESSEN,
            _werkprocessen_tekst(oude_werkprocessen),
            _werkprocessen_tekst(invoer.werkprocessen),
        )

    # --- placements: inside the (new) period, end after start, no unintended overlap ---
    plaatsingen = list(
        traject.plaatsingen.select_related("leerbedrijf__organisatie").order_by(
            "startdatum", "pk"
        )
    )
    onbekend = set(invoer.plaatsingen) - {p.pk for p in plaatsingen}
    if onbekend:
        raise ValidationError(_("Deze plaatsing hoort niet bij dit traject."))
    periode = {
        p.pk: invoer.plaatsingen.get(p.pk, (p.startdatum, p.einddatum))
        for p in plaatsingen
    }
    gewijzigd = {
        p.pk for p in plaatsingen if periode[p.pk] != (p.startdatum, p.einddatum)
    }
    for p in plaatsingen:
        van, tot = periode[p.pk]
        if tot <= van:
            fout(
                plaatsing_veld(p.pk, "einddatum"),
                _("De einddatum moet na de startdatum liggen."),
            )
        buiten = buiten_traject_tekst(start, eind)
        if van < start:
            fout(plaatsing_veld(p.pk, "startdatum"), buiten)
        if tot > eind:
            fout(plaatsing_veld(p.pk, "einddatum"), buiten)
        regel(
            CorrectieVeld.PLAATSING_STARTDATUM,
            datum_tekst(p.startdatum),
            datum_tekst(van),
            onderwerp=p,
        )
        regel(
            CorrectieVeld.PLAATSING_EINDDATUM,
            datum_tekst(p.einddatum),
            datum_tekst(tot),
            onderwerp=p,
        )
    if not overlap_bedoeld:
        for pk, tekst in overlap_fouten(
            {
                p.pk: PlaatsingPeriode(p.leerbedrijf, *periode[p.pk])
                for p in plaatsingen
            },
            gewijzigd=gewijzigd,
        ):
            fout(plaatsing_veld(pk, "startdatum"), tekst)

    # --- funding ---
    financieringen = list(traject.financieringen.select_related("betaler"))
    if set(invoer.financieringen) - {f.pk for f in financieringen}:
        raise ValidationError(_("Deze financiering hoort niet bij dit traject."))
    for f in financieringen:
        nieuw = invoer.financieringen.get(f.pk)
        if nieuw is None:
            continue
        onderwerp = _("%(regeling)s (%(fase)s)") % {
            "regeling": f.get_regeling_display(),
            "fase": f.get_routefase_display() or _("hele traject"),
        }
        regeling = nieuw.get("regeling", f.regeling)
        if regeling not in Regeling.values:
            fout(financiering_veld(f.pk, "regeling"), _("Kies een regeling."))
        else:
            regel(
                CorrectieVeld.FINANCIERING_REGELING,
                f.get_regeling_display(),
                str(Regeling(regeling).label),
                onderwerp,
            )
        betaler = nieuw.get("betaler", f.betaler)
        regel(
            CorrectieVeld.FINANCIERING_BETALER,
            str(f.betaler or "—"),
            str(betaler or "—"),
            onderwerp,
        )
        for attr, veld in (
            ("bedrag_mbo", CorrectieVeld.FINANCIERING_BEDRAG_MBO),
            ("bedrag_werkgever", CorrectieVeld.FINANCIERING_BEDRAG_WERKGEVER),
        ):
            bedrag = nieuw.get(attr, getattr(f, attr))
            if bedrag is None or bedrag < 0:
                fout(
                    financiering_veld(f.pk, attr),
                    _("Vul een bedrag in van 0 euro of meer."),
                )
            else:
                regel(veld, _bedrag(getattr(f, attr)), _bedrag(bedrag), onderwerp)

    fout.controleer()
    if not regels:
        raise ValidationError(GEEN_WIJZIGING, code="geen_wijziging")

    # --- everything checked: write it all (the transaction keeps it whole) ---
    traject.startdatum, traject.geplande_einddatum = start, eind
    velden = ["startdatum", "geplande_einddatum", "versie", "updated_at"]
    if uren is not None:
        traject.uren_per_week = uren
        velden.append("uren_per_week")
    traject.versie = F("versie") + 1
    traject.save(update_fields=velden)
    traject.refresh_from_db(fields=["versie"])
    if werkprocessen_anders:
        traject.werkprocessen.set(invoer.werkprocessen)
    for p in plaatsingen:
        if p.pk in gewijzigd:
            p.startdatum, p.einddatum = periode[p.pk]
            p.save(update_fields=["startdatum", "einddatum", "updated_at"])
    for f in financieringen:
        nieuw = invoer.financieringen.get(f.pk)
        if nieuw:
            for attr in ("regeling", "betaler", "bedrag_mbo", "bedrag_werkgever"):
                if attr in nieuw:
                    setattr(f, attr, nieuw[attr])
            f.save(
                update_fields=[
                    "regeling",
                    "betaler",
                    "bedrag_mbo",
                    "bedrag_werkgever",
                    "updated_at",
                ]
            )
    correctie = TrajectCorrectie.objects.create(traject=traject, door=door, reden=reden)
    for r in regels:
        r.correctie = correctie
    TrajectCorrectieRegel.objects.bulk_create(regels)

    labels = []
    for r in regels:
        label = str(CorrectieVeld(r.veld).label)
        if label.lower() not in labels:
            labels.append(label.lower())
    gebeurtenis_vastleggen(
        kandidaat=traject.kandidaat,
        soort=GebeurtenisSoort.TRAJECT,
        titel=(_("Traject gecorrigeerd: %s") % ", ".join(labels))[:200],
        toelichting="; ".join(
            [
                *(f"{_regel_naam(r)}: {r.oud} → {r.nieuw}" for r in regels),
                _("Reden: %s") % reden,
            ]
        ),
        door=door,
    )
    # The team hears about it (whoever corrected does not: melding_versturen).
    melding_versturen(
        ontvangers=traject_team(traject),
        oorzaak=f"traject_correctie:{correctie.pk}",
        titel=_("Een traject is gecorrigeerd"),
        tekst=_("%(kandidaat)s: %(wat)s. Reden: %(reden)s")
        % {"kandidaat": traject.kandidaat, "wat": ", ".join(labels), "reden": reden},
        url=traject.get_absolute_url(),
        actor=door,
    )
    return Correctieresultaat(
        correctie=correctie,
        verouderde_overeenkomsten=verouderde_overeenkomsten(traject=traject),
    )


def _regel_naam(r: TrajectCorrectieRegel) -> str:
    label = str(CorrectieVeld(r.veld).label)
    return f"{label} ({r.onderwerp})" if r.onderwerp else label
