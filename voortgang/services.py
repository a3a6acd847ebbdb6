"""Writes of attendance and progress meetings. Each checks the object rule
(`regels`, PermissionDenied) and the input (ValidationError, keyed by the form's
field), locks the row it changes, and writes in one transaction."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.concurrency import GELIJKTIJDIG_GEWIJZIGD
from trajecten.models import Plaatsing, Traject

from . import regels
from .constants import MAX_UREN_PER_WEEK, GesprekPartij
from .models import (
    Aanwezigheid,
    AanwezigheidCorrectie,
    GesprekActie,
    GesprekOndertekening,
    Gespreksritme,
    Voortgangsgesprek,
)
from .weken import week_fout


def _uren_controleren(gepland, gewerkt, reden) -> None:
    if gewerkt is None or gewerkt < 0 or gewerkt > MAX_UREN_PER_WEEK:
        raise ValidationError(
            {
                "gewerkt_uren": _("Vul een aantal uren in van 0 tot en met %s.")
                % MAX_UREN_PER_WEEK
            }
        )
    if gewerkt < gepland and not reden:
        raise ValidationError(
            {
                "afwezigheid_reden": _(
                    "Minder uren dan gepland: kies een reden van afwezigheid."
                )
            }
        )


def gepland_uren(plaatsing: Plaatsing) -> Decimal:
    """The hours a week the traject plans (the agreement's `uren_per_week`)."""
    return Decimal(plaatsing.traject.uren_per_week)


@transaction.atomic
def aanwezigheid_bevestigen(
    *,
    plaatsing: Plaatsing,
    week: date,
    gewerkt_uren: Decimal,
    afwezigheid_reden: str = "",
    toelichting: str = "",
    door,
    vandaag: date | None = None,
) -> Aanwezigheid:
    """The praktijkopleider confirms the hours of one week. The placement's row is
    locked, so two taps at once give one confirmation and one clear refusal."""
    vandaag = vandaag or timezone.localdate()
    plaatsing = (
        Plaatsing.objects.select_for_update(of=("self",))
        .select_related("traject", "praktijkopleider")
        .get(pk=plaatsing.pk)
    )
    if not regels.mag_bevestigen(plaatsing, door):
        raise PermissionDenied
    if fout := week_fout(plaatsing, week, vandaag=vandaag):
        raise ValidationError(fout)
    if Aanwezigheid.objects.filter(plaatsing=plaatsing, week=week).exists():
        raise ValidationError(
            _("Deze week is al bevestigd. Wil je iets veranderen? Corrigeer de week.")
        )
    gepland = gepland_uren(plaatsing)
    if gewerkt_uren >= gepland:
        afwezigheid_reden = ""
    _uren_controleren(gepland, gewerkt_uren, afwezigheid_reden)
    return Aanwezigheid.objects.create(
        plaatsing=plaatsing,
        week=week,
        gepland_uren=gepland,
        gewerkt_uren=gewerkt_uren,
        afwezigheid_reden=afwezigheid_reden,
        toelichting=toelichting,
        bevestigd_door=door,
        bevestigd_op=timezone.now(),
    )


@transaction.atomic
def aanwezigheid_corrigeren(
    *,
    aanwezigheid: Aanwezigheid,
    gewerkt_uren: Decimal,
    afwezigheid_reden: str = "",
    toelichting: str = "",
    reden: str,
    door,
    versie: int | None = None,
) -> Aanwezigheid:
    """Change a confirmed week; the old values and the reason stay in a correction
    row (and the audit log). The row is locked and its version checked: a correction
    made on a page that is out of date is refused."""
    rij = (
        Aanwezigheid.objects.select_for_update(of=("self",))
        .select_related("plaatsing__traject", "plaatsing__praktijkopleider")
        .get(pk=aanwezigheid.pk)
    )
    if not regels.mag_corrigeren(rij.plaatsing, door):
        raise PermissionDenied
    if versie is not None and rij.versie != versie:
        raise ValidationError(GELIJKTIJDIG_GEWIJZIGD, code="gelijktijdig_gewijzigd")
    if not (reden or "").strip():
        raise ValidationError({"reden": _("Schrijf op waarom je de week corrigeert.")})
    if gewerkt_uren is not None and gewerkt_uren >= rij.gepland_uren:
        afwezigheid_reden = ""
    _uren_controleren(rij.gepland_uren, gewerkt_uren, afwezigheid_reden)
    if (gewerkt_uren, afwezigheid_reden, toelichting) == (
        rij.gewerkt_uren,
        rij.afwezigheid_reden,
        rij.toelichting,
    ):
        raise ValidationError(
            {"gewerkt_uren": _("Er is niets veranderd. Pas de uren of de reden aan.")}
        )
    AanwezigheidCorrectie.objects.create(
        aanwezigheid=rij,
        oud_uren=rij.gewerkt_uren,
        nieuw_uren=gewerkt_uren,
        oud_reden=rij.afwezigheid_reden,
        nieuw_reden=afwezigheid_reden,
        reden=reden.strip(),
        door=door,
        op=timezone.now(),
    )
    rij.gewerkt_uren = gewerkt_uren
    rij.afwezigheid_reden = afwezigheid_reden
    rij.toelichting = toelichting
    rij.versie += 1
    rij.save(
        update_fields=[
            "gewerkt_uren",
            "afwezigheid_reden",
            "toelichting",
            "versie",
            "updated_at",
        ]
    )
    return rij


def gesprek_eigenaren(traject: Traject) -> list:
    """Who can own an action of a meeting: the traject's consulent and jobcoach and
    the praktijkopleiders (with an account) of its placements."""
    mensen = [traject.consulent, traject.jobcoach]
    mensen += [p.praktijkopleider.account for p in traject.plaatsingen.all()]
    gezien, uit = set(), []
    for m in mensen:
        if m is not None and m.pk not in gezien:
            gezien.add(m.pk)
            uit.append(m)
    return uit


@transaction.atomic
def gesprek_vastleggen(
    *,
    traject: Traject,
    door,
    datum: date,
    goed_ging: str,
    afspraken: str = "",
    kandidaat_aanwezig: bool = True,
    praktijkopleider_aanwezig: bool = True,
    consulent_aanwezig: bool = True,
    anderen_aanwezig: str = "",
    acties: list[dict] = (),
    vandaag: date | None = None,
) -> Voortgangsgesprek:
    vandaag = vandaag or timezone.localdate()
    traject = Traject.objects.select_for_update(of=("self",)).get(pk=traject.pk)
    if not regels.mag_gesprek_vastleggen(traject, door):
        raise PermissionDenied
    if datum > vandaag:
        raise ValidationError(
            {"datum": _("Het gesprek is nog niet geweest. Kies vandaag of eerder.")}
        )
    if datum < traject.startdatum:
        raise ValidationError(
            {"datum": _("Deze datum ligt voor de start van het traject.")}
        )
    eigenaren = {m.pk for m in gesprek_eigenaren(traject)}
    for actie in acties:
        if actie["eigenaar"].pk not in eigenaren:
            raise ValidationError(
                _("Een actie is voor iemand van dit traject: %s hoort er niet bij.")
                % actie["eigenaar"]
            )
    gesprek = Voortgangsgesprek.objects.create(
        traject=traject,
        datum=datum,
        goed_ging=goed_ging,
        afspraken=afspraken,
        kandidaat_aanwezig=kandidaat_aanwezig,
        praktijkopleider_aanwezig=praktijkopleider_aanwezig,
        consulent_aanwezig=consulent_aanwezig,
        anderen_aanwezig=anderen_aanwezig,
        vastgelegd_door=door,
    )
    for actie in acties:
        GesprekActie.objects.create(gesprek=gesprek, **actie)
    return gesprek


@transaction.atomic
def gesprek_ondertekenen(*, gesprek: Voortgangsgesprek, door) -> GesprekOndertekening:
    """Praktijkopleider or consulent signs as themselves; anyone else is refused."""
    gesprek = (
        Voortgangsgesprek.objects.select_for_update(of=("self",))
        .select_related("traject")
        .get(pk=gesprek.pk)
    )
    partij = regels.partij_van(gesprek.traject, door)
    if not partij or not door.has_perm("voortgang.add_gesprekondertekening"):
        raise ValidationError(
            _(
                "Alleen de praktijkopleider en de consulent van dit traject tekenen "
                "dit gesprek."
            )
        )
    if gesprek.ondertekeningen.filter(partij=partij).exists():
        raise ValidationError(_("Je hebt dit gesprek al getekend."))
    return GesprekOndertekening.objects.create(
        gesprek=gesprek,
        partij=partij,
        door=door,
        getekend_op=timezone.localdate(),
        vastgelegd_op=timezone.now(),
    )


@transaction.atomic
def gesprek_op_papier_getekend(
    *, gesprek: Voortgangsgesprek, door, getekend_op: date
) -> GesprekOndertekening:
    """The consulent records that the candidate signed the meeting on paper."""
    gesprek = (
        Voortgangsgesprek.objects.select_for_update(of=("self",))
        .select_related("traject")
        .get(pk=gesprek.pk)
    )
    if not regels.mag_op_papier_vastleggen(gesprek.traject, door):
        raise PermissionDenied
    if getekend_op > timezone.localdate():
        raise ValidationError({"getekend_op": _("Deze datum ligt in de toekomst.")})
    if getekend_op < gesprek.datum:
        raise ValidationError(
            {"getekend_op": _("De kandidaat tekent op of na de dag van het gesprek.")}
        )
    if gesprek.ondertekeningen.filter(partij=GesprekPartij.KANDIDAAT).exists():
        raise ValidationError(_("De kandidaat heeft dit gesprek al getekend."))
    return GesprekOndertekening.objects.create(
        gesprek=gesprek,
        partij=GesprekPartij.KANDIDAAT,
        door=door,
        op_papier=True,
        getekend_op=getekend_op,
        vastgelegd_op=timezone.now(),
    )


@transaction.atomic
def gesprek_door_kandidaat_getekend(
    *, gesprek: Voortgangsgesprek, kandidaat
) -> GesprekOndertekening:
    """The candidate signs a meeting of their own traject in their own view (`mijn`):
    no user (`door` empty), not on paper. Refused for another candidate's meeting
    (PermissionDenied) and when the candidate has already signed it."""
    gesprek = (
        Voortgangsgesprek.objects.select_for_update(of=("self",))
        .select_related("traject")
        .get(pk=gesprek.pk)
    )
    if gesprek.traject.kandidaat_id != kandidaat.pk:
        raise PermissionDenied
    if gesprek.ondertekeningen.filter(partij=GesprekPartij.KANDIDAAT).exists():
        raise ValidationError(_("Je hebt dit gesprek al getekend."))
    return GesprekOndertekening.objects.create(
        gesprek=gesprek,
        partij=GesprekPartij.KANDIDAAT,
        door=None,
        op_papier=False,
        getekend_op=timezone.localdate(),
        vastgelegd_op=timezone.now(),
    )


@transaction.atomic
def actie_afronden(*, actie: GesprekActie, door) -> GesprekActie:
    actie = (
        GesprekActie.objects.select_for_update(of=("self",))
        .select_related("gesprek__traject")
        .get(pk=actie.pk)
    )
    if not regels.mag_actie_afronden(actie, door):
        raise PermissionDenied
    if actie.afgerond_op:
        raise ValidationError(_("Deze actie is al afgerond."))
    actie.afgerond_op = timezone.localdate()
    actie.save(update_fields=["afgerond_op", "updated_at"])
    return actie


@transaction.atomic
def gespreksritme_instellen(*, traject: Traject, weken: int, door) -> Gespreksritme:
    if not regels.mag_ritme_instellen(traject, door):
        raise PermissionDenied
    if not 1 <= weken <= 26:
        raise ValidationError({"weken": _("Kies 1 tot en met 26 weken.")})
    ritme, _nieuw = Gespreksritme.objects.select_for_update().update_or_create(
        traject=traject, defaults={"weken": weken}
    )
    return ritme
