"""The traject workflow.

A traject starts at 'plaatsing voorbereid' with its first placement and the three
agreements. Every status move goes through `traject_status_wijzigen`: it locks the row,
checks TRANSITIONS and the conditions of the target state (all agreements signed before
'overeenkomsten getekend' and 'lopend'), writes a history row, bumps the version, moves
the candidate's phase along and puts the move on the candidate's timeline.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.workflow import TransitionNotAllowed
from kandidaten.constants import Fase, GebeurtenisSoort
from kandidaten.models import Kandidaat
from kandidaten.services import gebeurtenis_vastleggen, kandidaat_fase_zetten
from meldingen.services import melding_versturen
from trajecten.constants import (
    ACTIEVE_STATUSSEN,
    BEOORDELING_STAPPEN,
    OvereenkomstSoort,
    TrajectStatus,
)
from trajecten.models import (
    Financiering,
    Overeenkomst,
    Plaatsing,
    Traject,
    TrajectInstellingen,
    TrajectStatuswijziging,
)
from trajecten.selectors import traject_team

from .overeenkomsten import ontbrekende_handtekeningen
from .plaatsing_periode import PlaatsingPeriode, buiten_traject_tekst, overlap_fouten

KANDIDAAT_FASE = {
    TrajectStatus.PLAATSING_VOORBEREID: Fase.GEPLAATST,
    TrajectStatus.OVEREENKOMSTEN_GETEKEND: Fase.GEPLAATST,
    TrajectStatus.LOPEND: Fase.LOPEND,
    TrajectStatus.BEOORDEELD: Fase.LOPEND,
    TrajectStatus.VERKLARING_UITGEREIKT: Fase.AFGEROND,
    TrajectStatus.NAZORG: Fase.AFGEROND,
    TrajectStatus.AFGESLOTEN: Fase.AFGEROND,
    TrajectStatus.UITGEVALLEN: Fase.UITGEVALLEN,
}
# Moves that start the work need every agreement signed; a return from 'beoordeeld'
# to 'lopend' continues a traject that already started.
GETEKEND_NODIG = {
    (TrajectStatus.PLAATSING_VOORBEREID, TrajectStatus.OVEREENKOMSTEN_GETEKEND),
    (TrajectStatus.OVEREENKOMSTEN_GETEKEND, TrajectStatus.LOPEND),
}


@dataclass(frozen=True)
class Beoordelingsstand:
    """Where the assessment of a traject stands, in one object (as Open Formulieren's
    CosignState): the traject status that its state puts the traject in.

    The assessment lives in verklaringen, which computes this from its own rows
    (`verklaringen.services.beoordeling_stand`). The moves that belong to the
    assessment (BEOORDELING_STAPPEN) are made only when they follow it, so the workflow
    never needs to know who asks; the status form passes no stand and never makes one.
    """

    trajectstatus: str

    def volgt(self, naar: str) -> bool:
        return self.trajectstatus == naar


def _label(status: str) -> str:
    return str(TrajectStatus(status).label) if status else "—"


ADVIES_VERPLICHT_TEKST = _(
    "Dit traject kan niet starten: %s heeft nog geen advies. In deze regio is het "
    "advies (de Checklist inclusief advies) verplicht voor een traject. Vul eerst "
    "de checklist in met de mbo-medewerker."
)
REDEN_NODIG_TEKST = _(
    "Deze kandidaat heeft nog geen advies. Schrijf op waarom het traject toch al start."
)


def advies_verplicht() -> bool:
    """Whether the beheerder made the advice a hard condition for a traject."""
    return TrajectInstellingen.huidig().advies_verplicht


def zonder_advies_controleren(*, traject: Traject) -> None:
    """A traject without an advice needs a reason, or is refused altogether when the
    beheerder made the advice required (a ValidationError in Dutch)."""
    if traject.advies_id is not None:
        traject.zonder_advies_reden = ""
        return
    if advies_verplicht():
        raise ValidationError(ADVIES_VERPLICHT_TEKST % traject.kandidaat)
    traject.zonder_advies_reden = (traject.zonder_advies_reden or "").strip()
    if not traject.zonder_advies_reden:
        raise ValidationError({"zonder_advies_reden": REDEN_NODIG_TEKST})


NIEUW = "nieuw"  # the key of the placement being added among the traject's periods


def _plaatsing_controleren(
    plaatsing: Plaatsing, traject: Traject, *, overlap_bedoeld: bool = False
) -> None:
    """Refuse (ValidationError per form field, Dutch) a placement outside the
    traject's period, with a praktijkopleider of another company, or that overlaps
    another placement of the traject unless `overlap_bedoeld`. An end before the
    start is refused by `Plaatsing.clean` (and the database)."""
    fouten: dict[str, list[str]] = {}

    def fout(veld: str, tekst: str) -> None:
        fouten.setdefault(veld, []).append(tekst)

    buiten = buiten_traject_tekst(traject.startdatum, traject.geplande_einddatum)
    if plaatsing.startdatum < traject.startdatum:
        fout("startdatum", buiten)
    if plaatsing.einddatum > traject.geplande_einddatum:
        fout("einddatum", buiten)
    if plaatsing.praktijkopleider.leerbedrijf_id != plaatsing.leerbedrijf_id:
        fout("praktijkopleider", _("Kies een praktijkopleider van dit leerbedrijf."))
    elif not plaatsing.praktijkopleider.is_praktijkopleider:
        fout("praktijkopleider", _("Deze contactpersoon is geen praktijkopleider."))
    if (
        plaatsing.vestiging_id
        and plaatsing.vestiging.leerbedrijf_id != plaatsing.leerbedrijf_id
    ):
        fout("vestiging", _("Kies een vestiging van dit leerbedrijf."))
    if not overlap_bedoeld and plaatsing.einddatum > plaatsing.startdatum:
        periodes = {
            p.pk: PlaatsingPeriode(p.leerbedrijf, p.startdatum, p.einddatum)
            for p in traject.plaatsingen.select_related(
                "leerbedrijf__organisatie"
            ).order_by("startdatum", "pk")
        }
        periodes[NIEUW] = PlaatsingPeriode(
            plaatsing.leerbedrijf, plaatsing.startdatum, plaatsing.einddatum
        )
        for _sleutel, tekst in overlap_fouten(periodes, gewijzigd={NIEUW}, bij=NIEUW):
            fout("startdatum", tekst)
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def traject_starten(
    *, traject: Traject, werkprocessen, plaatsing: Plaatsing, door
) -> Traject:
    """Create a traject with its first placement and its three (empty) agreements.
    Without an advice it needs `traject.zonder_advies_reden` (or is refused when the
    advice is required: `zonder_advies_controleren`)."""
    if any(
        w.kerntaak.kwalificatie_id != traject.kwalificatie_id for w in werkprocessen
    ):
        raise ValidationError(
            {
                "werkprocessen": _(
                    "Kies alleen werkprocessen van de gekozen kwalificatie."
                )
            }
        )
    if not werkprocessen:
        raise ValidationError({"werkprocessen": _("Kies minstens één werkproces.")})
    traject.kwalificatie.instroom_controleren()  # no new traject past einde instroom
    # One active traject at a time; the lock makes a double submit start only one.
    kandidaat = Kandidaat.objects.select_for_update().get(pk=traject.kandidaat_id)
    if kandidaat.trajecten.filter(status__in=ACTIEVE_STATUSSEN).exists():
        raise ValidationError(
            _("%s heeft al een traject dat loopt. Sluit dat eerst af.") % kandidaat
        )
    zonder_advies_controleren(traject=traject)
    traject.consulent = traject.consulent or door
    traject.status = TrajectStatus.PLAATSING_VOORBEREID
    traject.full_clean()
    traject.save()
    traject.werkprocessen.set(werkprocessen)
    plaatsing.traject = traject
    _plaatsing_controleren(plaatsing, traject)
    plaatsing.full_clean()
    plaatsing.save()
    Overeenkomst.objects.bulk_create(
        Overeenkomst(traject=traject, soort=soort) for soort in OvereenkomstSoort.values
    )
    TrajectStatuswijziging.objects.create(
        traject=traject,
        van="",
        naar=traject.status,
        door=door,
        reden=_("Traject gestart."),
    )
    kandidaat_fase_zetten(kandidaat=traject.kandidaat, fase=Fase.GEPLAATST, door=door)
    gebeurtenis_vastleggen(
        kandidaat=traject.kandidaat,
        soort=GebeurtenisSoort.TRAJECT,
        titel=_("Traject gestart bij %(lb)s (%(kw)s)")
        % {"lb": plaatsing.leerbedrijf, "kw": traject.kwalificatie.naam},
        door=door,
    )
    return traject


@transaction.atomic
def plaatsing_toevoegen(
    *, traject: Traject, plaatsing: Plaatsing, door, overlap_bedoeld: bool = False
) -> Plaatsing:
    """Add a later placement (e.g. from the werkfit part to the employer). It may not
    overlap another placement of the traject unless `overlap_bedoeld`; the traject's
    row lock keeps two additions at once from both passing that check."""
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    traject.moet_actief_zijn()
    plaatsing.traject = traject
    _plaatsing_controleren(plaatsing, traject, overlap_bedoeld=overlap_bedoeld)
    plaatsing.full_clean()
    plaatsing.save()
    gebeurtenis_vastleggen(
        kandidaat=traject.kandidaat,
        soort=GebeurtenisSoort.TRAJECT,
        titel=_("Nieuwe plaatsing: %(p)s") % {"p": plaatsing},
        door=door,
    )
    return plaatsing


@transaction.atomic
def financiering_toevoegen(
    *, traject: Traject, financiering: Financiering, door
) -> Financiering:
    """Record who pays what for (a phase of) the traject."""
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    traject.moet_actief_zijn()
    financiering.traject = traject
    financiering.full_clean()
    financiering.save()
    return financiering


def overgang_weigering(
    *,
    traject: Traject,
    naar: str,
    beoordeling: Beoordelingsstand | None = None,
    ontbreekt: list[str] | None = None,
) -> str | None:
    """Why `traject` may not move to `naar` now (Dutch), or None when it may.

    The one place for the workflow's guards: TRANSITIONS, the assessment's own steps
    and the signatures before the work starts. `traject_status_wijzigen` refuses with
    this text; the page's 'Volgende stap' line asks it too, so it never names a move
    the workflow refuses. (The reason of uitval is input, checked on the move itself.)
    `ontbreekt`: `ontbrekende_handtekeningen` when the caller has it already.
    """
    van = traject.status
    if naar not in traject.volgende_statussen():
        return _("Van '%(van)s' kan een traject niet naar '%(naar)s'.") % {
            "van": _label(van),
            "naar": _label(naar),
        }
    if (van, naar) in BEOORDELING_STAPPEN and not (
        beoordeling and beoordeling.volgt(naar)
    ):
        return _(
            "Deze stap hoort bij de beoordeling: de praktijkopleider dient die in en de "
            "mbo-instelling keurt hem goed of stuurt hem terug."
        )
    if (van, naar) in GETEKEND_NODIG:
        if ontbreekt is None:
            ontbreekt = ontbrekende_handtekeningen(traject=traject)
        if ontbreekt:
            return _("Nog niet alle overeenkomsten zijn getekend: %s") % "; ".join(
                ontbreekt
            )
    return None


@transaction.atomic
def traject_status_wijzigen(
    *,
    traject: Traject,
    naar: str,
    door,
    reden: str = "",
    uitval_reden: str = "",
    beoordeling: Beoordelingsstand | None = None,
) -> Traject:
    """Move the traject to `naar`; raises TransitionNotAllowed with a Dutch message.
    A move of the assessment needs `beoordeling`, the assessment's stand it follows."""
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    van = traject.status
    weigering = overgang_weigering(traject=traject, naar=naar, beoordeling=beoordeling)
    if weigering:
        raise TransitionNotAllowed(weigering)
    if naar == TrajectStatus.UITGEVALLEN and not uitval_reden:
        raise TransitionNotAllowed(_("Kies de reden van uitval."))
    traject.status = naar
    velden = ["status", "versie", "updated_at"]
    if naar == TrajectStatus.UITGEVALLEN:
        traject.uitval_reden = uitval_reden
        velden.append("uitval_reden")
    if naar in (TrajectStatus.AFGESLOTEN, TrajectStatus.UITGEVALLEN):
        traject.einddatum = timezone.localdate()
        velden.append("einddatum")
    traject.versie = F("versie") + 1
    traject.save(update_fields=velden)
    traject.refresh_from_db(fields=["versie"])
    wijziging = TrajectStatuswijziging.objects.create(
        traject=traject, van=van, naar=naar, door=door, reden=reden
    )
    kandidaat_fase_zetten(
        kandidaat=traject.kandidaat,
        fase=KANDIDAAT_FASE[naar],
        door=door,
        toelichting=reden,
    )
    gebeurtenis_vastleggen(
        kandidaat=traject.kandidaat,
        soort=GebeurtenisSoort.TRAJECT,
        titel=_("Traject: %(van)s → %(naar)s")
        % {"van": _label(van), "naar": _label(naar)},
        toelichting=reden,
        door=door,
    )
    # The team hears about the move; whoever made it does not (melding_versturen).
    melding_versturen(
        ontvangers=traject_team(traject),
        oorzaak=f"traject_status:{wijziging.pk}",
        titel=_("Een traject heeft een nieuwe status: %s") % _label(naar),
        tekst=f"{traject.kandidaat}: {_label(van)} → {_label(naar)}. {reden}".strip(),
        url=traject.get_absolute_url(),
        actor=door,
    )
    return traject
