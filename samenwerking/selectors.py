"""Reads of the samenwerkingsscan, scoped to the user.

Scope: a region's coordinators see every version of their region's scan
(`Scan.zichtbaarheid`); a version that is shared (`gedeeld`) is readable by every
coordinator. Anything else is invisible, so a view answers 404.
"""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from organisaties.models import Arbeidsmarktregio
from organisaties.scoping import zichtbaar_filter

from .constants import Richting, Vraagsoort
from .models import Scan, ScanAntwoord, Vraag

__all__ = [
    "Faseregel",
    "actieve_vragen",
    "eigen_regio_list",
    "fase_overzicht",
    "gedeelde_scan_list",
    "scan_leesbaar_list",
    "scan_list",
    "vorige_scan",
]


def _mag_lezen(user) -> bool:
    return user.is_authenticated and user.has_perm("samenwerking.view_scan")


def eigen_regio_list(*, user) -> QuerySet[Arbeidsmarktregio]:
    """The regions whose scan the user keeps: those its organisation works in."""
    if not _mag_lezen(user):
        return Arbeidsmarktregio.objects.none()
    if user.is_superuser:
        return Arbeidsmarktregio.objects.order_by("naam")
    return Arbeidsmarktregio.objects.filter(pk__in=user.regio_ids).order_by("naam")


def _met_antwoorden(qs: QuerySet[Scan]) -> QuerySet[Scan]:
    return qs.select_related("regio", "ingevuld_door").prefetch_related(
        Prefetch("antwoorden", queryset=ScanAntwoord.objects.order_by("volgorde"))
    )


def scan_list(*, user) -> QuerySet[Scan]:
    """Every version of the scans of the user's own regions, newest first."""
    if not _mag_lezen(user):
        return Scan.objects.none()
    return _met_antwoorden(Scan.objects.zichtbaar_voor(user)).order_by(
        "regio__naam", "-versie"
    )


def scan_leesbaar_list(*, user) -> QuerySet[Scan]:
    """The versions the user may read: of their own regions, and shared ones."""
    if not _mag_lezen(user):
        return Scan.objects.none()
    return _met_antwoorden(
        Scan.objects.filter(zichtbaar_filter(Scan, user) | Q(gedeeld=True))
    ).order_by("regio__naam", "-versie")


def gedeelde_scan_list(*, user) -> QuerySet[Scan]:
    """The shared versions of the other regions (not the user's own)."""
    if not _mag_lezen(user):
        return Scan.objects.none()
    return (
        Scan.objects.filter(gedeeld=True)
        .exclude(regio__in=eigen_regio_list(user=user))
        .select_related("regio", "ingevuld_door")
        .order_by("regio__naam", "-versie")
    )


def vorige_scan(scan: Scan, *, user) -> Scan | None:
    """The version before `scan` that the user may read: the previous one for the
    region's own coordinators; for another region's coordinator the previous
    *shared* one (an unshared version never shows, not even as a difference)."""
    eerder = scan_leesbaar_list(user=user).filter(
        regio_id=scan.regio_id, versie__lt=scan.versie
    )
    return eerder.order_by("-versie").first()


def actieve_vragen() -> list[Vraag]:
    """The questions a new scan asks, in order, with their stages."""
    return list(
        Vraag.objects.filter(actief=True)
        .select_related("thema")
        .prefetch_related("opties")
        .order_by("thema__volgorde", "thema__pk", "volgorde", "pk")
    )


@dataclass(frozen=True)
class Faseregel:
    """One dimension in the overview: the stage now, the stage last time, the move."""

    vraag_id: int
    vraag: str
    fase: int
    fase_titel: str
    toelichting: str
    vorige_fase: int | None
    vorige_titel: str
    richting: str

    @property
    def richting_label(self) -> str:
        return str(Richting(self.richting).label)

    @property
    def verschil(self) -> int:
        return 0 if self.vorige_fase is None else self.fase - self.vorige_fase


def _richting(nu: int, vorige: int | None) -> str:
    if vorige is None:
        return Richting.NIEUW
    if nu > vorige:
        return Richting.HOGER
    if nu < vorige:
        return Richting.LAGER
    return Richting.GELIJK


def fase_overzicht(scan: Scan, vorige: Scan | None) -> list[Faseregel]:
    """Per dimension of `scan`: its stage, the stage in `vorige` and the direction."""
    eerder = {
        a.vraag_id: a
        for a in (vorige.antwoorden.all() if vorige else [])
        if a.soort == Vraagsoort.FASE
    }
    regels = []
    for a in scan.antwoorden.all():
        if a.soort != Vraagsoort.FASE:
            continue
        oud = eerder.get(a.vraag_id)
        regels.append(
            Faseregel(
                vraag_id=a.vraag_id,
                vraag=a.vraag_tekst,
                fase=a.fase,
                fase_titel=a.fase_titel,
                toelichting=a.tekst,
                vorige_fase=oud.fase if oud else None,
                vorige_titel=oud.fase_titel if oud else "",
                richting=_richting(a.fase, oud.fase if oud else None),
            )
        )
    return regels
