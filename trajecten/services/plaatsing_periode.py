"""The date rules of a traject's placements, shared by adding a placement
(`plaatsing_toevoegen`) and correcting a traject (`traject_corrigeren`), so both
refuse the same things with the same Dutch messages.

A placement lies within the traject's period, and two placements of one traject do
not overlap unless the user says so ('De overlap is bedoeld'): in the integral route
the werkfit part at one company ends before praktijkleren at the other starts. Every
period includes its last day.
"""

from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from core.datums import datum_tekst


@dataclass(frozen=True)
class PlaatsingPeriode:
    leerbedrijf: object  # named in the message
    van: date
    tot: date


def buiten_traject_tekst(start: date, eind: date) -> str:
    """The message for a placement outside the traject's period."""
    return _(
        "De plaatsing moet binnen de periode van het traject vallen "
        "(%(van)s tot en met %(tot)s)."
    ) % {"van": datum_tekst(start), "tot": datum_tekst(eind)}


def _overlappen(a: PlaatsingPeriode, b: PlaatsingPeriode) -> bool:
    """Both periods include their last day."""
    return a.van <= b.tot and b.van <= a.tot


def overlap_fouten(
    periodes: Mapping[Hashable, PlaatsingPeriode],
    *,
    gewijzigd: Collection[Hashable],
    bij: Hashable | None = None,
) -> list[tuple[Hashable, str]]:
    """The unintended overlaps: (key of the placement that gets the error, the Dutch
    message naming the other placement), for each pair of `periodes` that overlaps
    and of which at least one is new or changed (its key in `gewijzigd`).

    The error sits at placement `bij` (the one being added) when it is in the pair,
    otherwise at the one that starts last. Pairs are taken in the order of `periodes`.
    """
    fouten = []
    sleutels = list(periodes)
    for i, a in enumerate(sleutels):
        for b in sleutels[i + 1 :]:
            if a not in gewijzigd and b not in gewijzigd:
                continue
            pa, pb = periodes[a], periodes[b]
            if not _overlappen(pa, pb):
                continue
            if bij in (a, b):
                deze, andere = (a, b) if bij == a else (b, a)
            else:
                deze, andere = (
                    (b, a) if (pb.van, pb.tot) >= (pa.van, pa.tot) else (a, b)
                )
            p = periodes[andere]
            fouten.append(
                (
                    deze,
                    _(
                        "Deze plaatsing overlapt met de plaatsing bij %(lb)s "
                        "(%(van)s tot en met %(tot)s). Kies andere datums, of zet "
                        "een vinkje bij 'De overlap is bedoeld'."
                    )
                    % {
                        "lb": p.leerbedrijf,
                        "van": datum_tekst(p.van),
                        "tot": datum_tekst(p.tot),
                    },
                )
            )
    return fouten
