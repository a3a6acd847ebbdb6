"""The assessment of a traject.

1. The praktijkopleider records the 0-meting (once, from 'overeenkomsten getekend'
   on) and observations (tussenresultaten, while 'lopend'): per gedragsvoorbeeld a level.
   The consulent and jobcoach of the traject may record observations and POP goals too.
2. POP goals (Ontwikkeldoel) per werkproces are agreed and adjusted; auditlog keeps
   the history of every change.
3. The praktijkopleider gives an eindbeoordeling per werkproces while the traject is
   'lopend'; a new judgement replaces the old one until the assessment is submitted.
4. `beoordeling_indienen` (all werkprocessen judged) moves the traject lopend →
   beoordeeld; the mbo-medewerker of the traject's mbo-instelling approves it
   (`beoordeling_goedkeuren`) or returns it with a remark (`beoordeling_terugsturen`,
   beoordeeld → lopend, so corrections are possible again).

Decision: while the traject is 'beoordeeld' nothing of the assessment changes (the
mbo reviews a fixed set); to correct it, the mbo returns it. Every step writes to the
candidate's timeline and notifies the traject's team (never the actor).
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import bulk_aanmaken
from core.workflow import TransitionNotAllowed
from kandidaten.constants import GebeurtenisSoort
from kandidaten.services import gebeurtenis_vastleggen
from meldingen.services import melding_versturen
from trajecten.constants import TrajectStatus
from trajecten.models import Traject
from trajecten.selectors import traject_team
from trajecten.services import Beoordelingsstand, traject_status_wijzigen
from verklaringen.constants import BorgingStatus, Niveau, ObservatieSoort
from verklaringen.models import (
    Borging,
    Eindbeoordeling,
    Gedragsvoorbeeld,
    Observatie,
    ObservatieScore,
    Ontwikkeldoel,
    Werkopdracht,
)
from verklaringen.regels import (
    mag_algemene_begeleiding,
    mag_beoordelen,
    mag_borgen,
    mag_doel_bijstellen,
    mag_doel_toevoegen,
    mag_observeren,
)

# In which traject states an observation of each kind may be recorded.
OBSERVATIE_STATUSSEN = {
    ObservatieSoort.NULMETING: {
        TrajectStatus.OVEREENKOMSTEN_GETEKEND,
        TrajectStatus.LOPEND,
    },
    ObservatieSoort.TUSSENRESULTAAT: {TrajectStatus.LOPEND},
}


def _eis(toegestaan: bool) -> None:
    if not toegestaan:
        raise PermissionDenied(_("Dit mag je bij dit traject niet doen."))


def _vergrendeld(traject: Traject) -> Traject:
    return (
        Traject.objects.select_for_update(of=("self",))
        .select_related("kandidaat", "advies__mbo_medewerker")
        .get(pk=traject.pk)
    )


def _niet_in_toekomst(datum: datetime.date, veld: str = "datum") -> None:
    if datum > timezone.localdate():
        raise ValidationError(
            {veld: _("Deze datum ligt in de toekomst. Vul de datum in waarop het was.")}
        )


def _werkproces_van_traject(traject: Traject, werkproces) -> None:
    if not traject.werkprocessen.filter(pk=werkproces.pk).exists():
        raise ValidationError(
            {"werkproces": _("Dit werkproces hoort niet bij dit traject.")}
        )


def _melden(traject: Traject, *, oorzaak: str, titel: str, door) -> None:
    melding_versturen(
        ontvangers=traject_team(traject),
        oorzaak=oorzaak,
        titel=titel,
        tekst=str(traject.kandidaat),
        url=traject.get_absolute_url(),
        actor=door,
    )


# --- observations ---
@transaction.atomic
def observatie_vastleggen(
    *,
    traject: Traject,
    door,
    datum: datetime.date,
    soort: str,
    scores: dict[int, tuple[str, str]],
) -> Observatie:
    """Record a 0-meting or tussenresultaat with a level per gedragsvoorbeeld.

    Refuses (ValidationError, nothing saved) a traject in the wrong state, a second
    0-meting, a date in the future, an unknown level or a gedragsvoorbeeld of a
    werkproces outside the traject. Writes a timeline entry.
    """
    traject = _vergrendeld(traject)
    _eis(mag_observeren(traject, door))
    if soort not in OBSERVATIE_STATUSSEN:
        raise ValidationError({"soort": _("Kies een 0-meting of een tussenresultaat.")})
    if traject.status not in OBSERVATIE_STATUSSEN[soort]:
        raise ValidationError(
            _("Bij een traject dat %s is, kan geen %s worden vastgelegd.")
            % (
                traject.get_status_display().lower(),
                ObservatieSoort(soort).label.lower(),
            )
        )
    if (
        soort == ObservatieSoort.NULMETING
        and traject.observaties.filter(soort=ObservatieSoort.NULMETING).exists()
    ):
        raise ValidationError(_("Dit traject heeft al een 0-meting."))
    _niet_in_toekomst(datum)
    if not scores:
        raise ValidationError(_("Kies bij minstens één gedragsvoorbeeld een niveau."))
    gedragsvoorbeelden = Gedragsvoorbeeld.objects.in_bulk(list(scores))
    werkproces_ids = set(traject.werkprocessen.values_list("pk", flat=True))
    fouten = {}
    for gv_id, (niveau, notitie) in scores.items():
        gv = gedragsvoorbeelden.get(gv_id)
        veld = f"niveau_{gv_id}"
        if gv is None or gv.werkproces_id not in werkproces_ids:
            fouten[veld] = _("Dit gedragsvoorbeeld hoort niet bij dit traject.")
        elif (
            gv.leerbedrijf_id
            and not traject.plaatsingen.filter(
                leerbedrijf_id=gv.leerbedrijf_id
            ).exists()
        ):
            fouten[veld] = _("Dit gedragsvoorbeeld hoort bij een ander leerbedrijf.")
        elif niveau not in Niveau.values:
            fouten[veld] = _("Kies nog niet, met hulp of zelfstandig.")
        elif len(notitie or "") > 200:
            fouten[f"notitie_{gv_id}"] = _(
                "Houd de notitie kort: hoogstens 200 tekens."
            )
    if fouten:
        raise ValidationError(fouten)
    observatie = Observatie.objects.create(
        traject=traject, datum=datum, soort=soort, door=door
    )
    bulk_aanmaken(
        ObservatieScore,
        [
            ObservatieScore(
                observatie=observatie,
                gedragsvoorbeeld_id=gv_id,
                niveau=niveau,
                notitie=(notitie or "").strip(),
            )
            for gv_id, (niveau, notitie) in scores.items()
        ],
    )
    gebeurtenis_vastleggen(
        kandidaat=traject.kandidaat,
        soort=GebeurtenisSoort.TRAJECT,
        titel=_("%(soort)s vastgelegd (%(datum)s)")
        % {"soort": observatie.get_soort_display(), "datum": f"{datum:%d-%m-%Y}"},
        door=door,
    )
    return observatie


# --- POP ---
@transaction.atomic
def ontwikkeldoel_opslaan(*, doel: Ontwikkeldoel, door) -> Ontwikkeldoel:
    """Add a POP goal or adjust one (stamps `bijgesteld_op`; auditlog keeps the old
    text). Only while the traject is getekend or lopend."""
    traject = _vergrendeld(doel.traject)
    _eis(
        mag_doel_toevoegen(traject, door)
        if doel.pk is None
        else mag_doel_bijstellen(traject, door)
    )
    if traject.status not in OBSERVATIE_STATUSSEN[ObservatieSoort.NULMETING]:
        raise ValidationError(
            _("Bij een traject dat %s is, kan het POP niet worden aangepast.")
            % traject.get_status_display().lower()
        )
    _werkproces_van_traject(traject, doel.werkproces)
    nieuw = doel.pk is None
    if not nieuw:
        doel.bijgesteld_op = timezone.localdate()
    doel.full_clean()
    doel.save()
    if nieuw:
        gebeurtenis_vastleggen(
            kandidaat=traject.kandidaat,
            soort=GebeurtenisSoort.TRAJECT,
            titel=_("Ontwikkeldoel afgesproken voor %s") % doel.werkproces.code,
            door=door,
        )
    return doel


# --- eindbeoordeling and borging ---
def laatste_borging(traject: Traject) -> Borging | None:
    return traject.borgingen.order_by("-op", "-pk").first()


def beoordeling_stand(traject: Traject) -> Beoordelingsstand:
    """Where the assessment stands, for the traject's workflow: an issued verklaring
    puts the traject at 'verklaring uitgereikt'; a submitted or approved assessment
    (the newest borging) at 'beoordeeld'; none yet, or one returned, at 'lopend'."""
    if traject.verklaringen.exists():
        return Beoordelingsstand(TrajectStatus.VERKLARING_UITGEREIKT)
    borging = laatste_borging(traject)
    if borging is not None and borging.status in (
        BorgingStatus.INGEDIEND,
        BorgingStatus.GOEDGEKEURD,
    ):
        return Beoordelingsstand(TrajectStatus.BEOORDEELD)
    return Beoordelingsstand(TrajectStatus.LOPEND)


@transaction.atomic
def eindbeoordeling_vastleggen(
    *,
    traject: Traject,
    werkproces,
    door,
    beheerst: bool,
    datum: datetime.date,
    motivatie: str = "",
) -> Eindbeoordeling:
    """The praktijkopleider's judgement of one werkproces; replaces an earlier one as
    long as the assessment is not submitted or approved (traject 'lopend')."""
    traject = _vergrendeld(traject)
    _eis(mag_beoordelen(traject, door))
    borging = laatste_borging(traject)
    if borging and borging.status == BorgingStatus.GOEDGEKEURD:
        raise ValidationError(
            _("De beoordeling is al goedgekeurd en kan niet meer veranderen.")
        )
    if traject.status != TrajectStatus.LOPEND:
        raise ValidationError(
            _("Een eindbeoordeling kan alleen bij een lopend traject.")
        )
    _werkproces_van_traject(traject, werkproces)
    _niet_in_toekomst(datum)
    beoordeling, _nieuw = Eindbeoordeling.objects.update_or_create(
        traject=traject,
        werkproces=werkproces,
        defaults={
            "beheerst": beheerst,
            "datum": datum,
            "motivatie": motivatie.strip(),
            "door": door,
        },
    )
    gebeurtenis_vastleggen(
        kandidaat=traject.kandidaat,
        soort=GebeurtenisSoort.TRAJECT,
        titel=_("Eindbeoordeling %(code)s: %(oordeel)s")
        % {
            "code": werkproces.code,
            "oordeel": _("beheerst") if beheerst else _("nog niet beheerst"),
        },
        door=door,
    )
    return beoordeling


@transaction.atomic
def beoordeling_indienen(*, traject: Traject, door) -> Borging:
    """Submit the assessment to the mbo-instelling: every werkproces of the traject
    needs an eindbeoordeling; moves the traject lopend → beoordeeld."""
    traject = _vergrendeld(traject)
    _eis(mag_observeren(traject, door))
    ontbreekt = traject.werkprocessen.exclude(
        pk__in=traject.eindbeoordelingen.values("werkproces_id")
    ).order_by("code")
    if ontbreekt:
        raise ValidationError(
            _("Nog geen eindbeoordeling voor: %s")
            % ", ".join(w.code for w in ontbreekt)
        )
    borging = Borging.objects.create(
        traject=traject, status=BorgingStatus.INGEDIEND, door=door
    )
    try:
        traject_status_wijzigen(
            beoordeling=beoordeling_stand(traject),
            traject=traject,
            naar=TrajectStatus.BEOORDEELD,
            door=door,
            reden=_("Beoordeling ingediend bij de mbo-instelling."),
        )
    except TransitionNotAllowed as exc:
        raise ValidationError(str(exc)) from exc
    _melden(
        traject,
        oorzaak=f"borging:{borging.pk}",
        titel=_("Een beoordeling wacht op borging"),
        door=door,
    )
    return borging


def beoordeling_goedgekeurd(traject: Traject, borging: Borging | None) -> bool:
    """The assessment is approved and waits for the verklaring: traject 'beoordeeld'
    and `borging` (its newest) 'goedgekeurd'."""
    return (
        traject.status == TrajectStatus.BEOORDEELD
        and borging is not None
        and borging.status == BorgingStatus.GOEDGEKEURD
    )


def beheerste_werkprocessen(traject: Traject) -> list:
    """The traject's werkprocessen judged 'beheerst', by code (uses prefetched
    werkprocessen and eindbeoordelingen when there are)."""
    ids = {w.pk for w in traject.werkprocessen.all()}
    return sorted(
        (
            b.werkproces
            for b in traject.eindbeoordelingen.all()
            if b.beheerst and b.werkproces_id in ids
        ),
        key=lambda w: w.code,
    )


def _borging_open(traject: Traject) -> None:
    borging = laatste_borging(traject)
    if (
        traject.status != TrajectStatus.BEOORDEELD
        or borging is None
        or borging.status != BorgingStatus.INGEDIEND
    ):
        raise ValidationError(_("Er is geen ingediende beoordeling om te borgen."))


@transaction.atomic
def beoordeling_goedkeuren(*, traject: Traject, door) -> Borging:
    """The mbo-medewerker of the traject's mbo-instelling approves the assessment; the
    traject stays 'beoordeeld' (issuing the verklaring is the next step)."""
    traject = _vergrendeld(traject)
    _eis(mag_borgen(traject, door))
    _borging_open(traject)
    borging = Borging.objects.create(
        traject=traject, status=BorgingStatus.GOEDGEKEURD, door=door
    )
    gebeurtenis_vastleggen(
        kandidaat=traject.kandidaat,
        soort=GebeurtenisSoort.TRAJECT,
        titel=_("Beoordeling goedgekeurd door de mbo-instelling"),
        door=door,
    )
    _melden(
        traject,
        oorzaak=f"borging:{borging.pk}",
        titel=_("De beoordeling is goedgekeurd"),
        door=door,
    )
    return borging


@transaction.atomic
def beoordeling_terugsturen(*, traject: Traject, door, opmerking: str) -> Borging:
    """Return the assessment with a remark; moves the traject beoordeeld → lopend."""
    traject = _vergrendeld(traject)
    _eis(mag_borgen(traject, door))
    opmerking = (opmerking or "").strip()
    if not opmerking:
        raise ValidationError({"opmerking": _("Schrijf op wat er nog moet gebeuren.")})
    _borging_open(traject)
    borging = Borging.objects.create(
        traject=traject,
        status=BorgingStatus.TERUGGESTUURD,
        opmerking=opmerking,
        door=door,
    )
    try:
        traject_status_wijzigen(
            beoordeling=beoordeling_stand(traject),
            traject=traject,
            naar=TrajectStatus.LOPEND,
            door=door,
            reden=_("Beoordeling teruggestuurd: %s") % opmerking,
        )
    except TransitionNotAllowed as exc:
        raise ValidationError(str(exc)) from exc
    _melden(
        traject,
        oorzaak=f"borging:{borging.pk}",
        titel=_("De beoordeling is teruggestuurd"),
        door=door,
    )
    return borging


# --- begeleidingsdocument ---
def _mag_begeleiding_wijzigen(obj, door, leerbedrijven) -> None:
    """General items: mbo-medewerkers (and beheerders); a leerbedrijf's own items:
    whoever may see that leerbedrijf and has the change permission.

    For a change the rule holds for the row as saved and as it will be, so nobody
    moves a general item to their own company (or the other way round).
    """
    if obj.pk:
        opgeslagen = type(obj).objects.only("leerbedrijf_id").get(pk=obj.pk)
        _mag_begeleiding_wijzigen_voor(opgeslagen.leerbedrijf_id, door, leerbedrijven)
    _mag_begeleiding_wijzigen_voor(obj.leerbedrijf_id, door, leerbedrijven)


def _mag_begeleiding_wijzigen_voor(leerbedrijf_id, door, leerbedrijven) -> None:
    if leerbedrijf_id is None:
        _eis(mag_algemene_begeleiding(door))
    else:
        _eis(leerbedrijven.filter(pk=leerbedrijf_id).exists())


@transaction.atomic
def gedragsvoorbeeld_opslaan(
    *, gedragsvoorbeeld: Gedragsvoorbeeld, door, leerbedrijven
) -> Gedragsvoorbeeld:
    """Create or change a gedragsvoorbeeld; `leerbedrijven` are those `door` may see."""
    _mag_begeleiding_wijzigen(gedragsvoorbeeld, door, leerbedrijven)
    gedragsvoorbeeld.full_clean()
    gedragsvoorbeeld.save()
    return gedragsvoorbeeld


@transaction.atomic
def werkopdracht_opslaan(
    *, werkopdracht: Werkopdracht, door, leerbedrijven
) -> Werkopdracht:
    """Create or change a werkopdracht; `leerbedrijven` are those `door` may see."""
    _mag_begeleiding_wijzigen(werkopdracht, door, leerbedrijven)
    werkopdracht.full_clean()
    werkopdracht.save()
    return werkopdracht
