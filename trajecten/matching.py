"""Ranking the leerbedrijven that fit a candidate (the matching page).

`leerbedrijven.selectors.leerbedrijven_voor_matching` filters (erkend, a
praktijkopleider, an open leerbaan for the kwalificatie, the candidate's region) and
counts the wanted werkprocessen each offers. Here the candidate comes in: the order is

1. the most wanted werkprocessen that can be learned there;
2. the candidate's wish sector (free text on the intake, read as one of the sectors
   of `kwalificaties.constants.Sector` when it names one);
3. nearness: a vestiging in the candidate's own gemeente (woonplaats) first, then by
   the distance between the 4-digit postcodes when the beheerder loaded their
   centroids (`PostcodeGebied`), then the rest;
4. the name.

Every step is a plain tuple key, so the page can explain it in one paragraph. The
queries are fixed: the selector's (with its prefetches), the open leerbanen, and one for
the postcode centroids, whatever the number of leerbedrijven.
"""

import math
import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.urls import reverse

from kwalificaties.constants import Sector
from leerbedrijven.models import Leerbaan
from leerbedrijven.selectors import leerbedrijven_voor_matching

from .models import PostcodeGebied

AARDSTRAAL_KM = 6371.0
DICHTBIJ_IN_GEMEENTE = 0
DICHTBIJ_OP_AFSTAND = 1
DICHTBIJ_ONBEKEND = 2


def _woorden(tekst: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", (tekst or "").lower()))


def sectoren_in_wens(wens: str) -> set[str]:
    """The sectors a free-text wish names: a sector counts when its name (or its
    first word, e.g. "zorg" of "Zorg en welzijn") is a word group in the wish, or the
    wish is the start of its name. "Textiel" names none."""
    wens = _woorden(wens)
    if not wens:
        return set()
    gevonden = set()
    for waarde, label in Sector.choices:
        naam = _woorden(str(label))
        eerste = naam.split()[0]
        omringd = f" {wens} "
        if (
            f" {naam} " in omringd
            or f" {eerste} " in omringd
            or (len(wens) >= 4 and naam.startswith(wens))
        ):
            gevonden.add(waarde)
    return gevonden


def pc4(postcode: str) -> str:
    """The 4 digits of a Dutch postcode ("7511 AB" -> "7511"), or ""."""
    cijfers = re.match(r"\s*([1-9][0-9]{3})", postcode or "")
    return cijfers.group(1) if cijfers else ""


def afstand_km(a: PostcodeGebied, b: PostcodeGebied) -> float:
    """The great-circle distance between two centroids (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * AARDSTRAAL_KM * math.asin(math.sqrt(h))


@dataclass
class Match:
    """One leerbedrijf on the matching page, with why it is where it is."""

    leerbedrijf: object
    wens_sector: bool
    in_gemeente: bool
    km: int | None
    leerbaan_id: int | None
    traject_url: str = ""

    def __str__(self):
        return str(self.leerbedrijf)

    def start_url(self, *, kandidaat, kwalificatie) -> str:
        """The traject form, prefilled with this leerbedrijf (and its leerbaan), the
        kwalificatie and the wanted werkprocessen it offers."""
        vraag = [
            ("leerbedrijf", self.leerbedrijf.pk),
            ("kwalificatie", kwalificatie.pk),
        ]
        if self.leerbaan_id:
            vraag.append(("leerbaan", self.leerbaan_id))
        vraag += [
            ("werkprocessen", w.pk) for w in self.leerbedrijf.gewenste_werkprocessen
        ]
        pad = reverse("trajecten:traject_start", args=[kandidaat.pk])
        return f"{pad}?{urlencode(vraag)}"

    @property
    def dichtbij(self) -> int:
        if self.in_gemeente:
            return DICHTBIJ_IN_GEMEENTE
        return DICHTBIJ_ONBEKEND if self.km is None else DICHTBIJ_OP_AFSTAND

    def sorteersleutel(self) -> tuple:
        return (
            -self.leerbedrijf.aantal_gewenst,
            not self.wens_sector,
            self.dichtbij,
            self.km if self.km is not None else 0,
            self.leerbedrijf.organisatie.naam.lower(),
            self.leerbedrijf.pk,
        )


def matches(*, user, kandidaat, kwalificatie, werkprocessen) -> list[Match]:
    """The leerbedrijven for `kandidaat`, ranked as the module docstring says."""
    leerbedrijven = list(
        leerbedrijven_voor_matching(
            user=user,
            kwalificatie=kwalificatie,
            regio=kandidaat.regio,
            werkprocessen=werkprocessen,
        ).prefetch_related(
            # (the selector already prefetches the vestigingen)
            Prefetch(
                "leerbanen",
                Leerbaan.objects.filter(kwalificatie=kwalificatie, open=True).order_by(
                    "pk"
                ),
                to_attr="open_leerbanen",
            ),
        )
    )
    thuis = pc4(kandidaat.postcode)
    nodig = {thuis} | {
        pc4(v.postcode) for lb in leerbedrijven for v in lb.vestigingen.all()
    }
    nodig.discard("")
    gebieden = (
        {g.pc4: g for g in PostcodeGebied.objects.filter(pc4__in=nodig)}
        if thuis and leerbedrijven
        else {}
    )
    gemeente = _woorden(kandidaat.woonplaats)
    sectoren = sectoren_in_wens(kandidaat.wens_sector)
    uit = []
    for lb in leerbedrijven:
        vestigingen = list(lb.vestigingen.all())
        afstanden = [
            afstand_km(gebieden[thuis], gebieden[pc4(v.postcode)])
            for v in vestigingen
            if thuis in gebieden and pc4(v.postcode) in gebieden
        ]
        uit.append(
            Match(
                leerbedrijf=lb,
                wens_sector=lb.sector in sectoren,
                in_gemeente=bool(gemeente)
                and any(_woorden(v.plaats) == gemeente for v in vestigingen),
                km=max(1, round(min(afstanden))) if afstanden else None,
                leerbaan_id=lb.open_leerbanen[0].pk if lb.open_leerbanen else None,
            )
        )
    uit.sort(key=Match.sorteersleutel)
    for m in uit:
        m.traject_url = m.start_url(kandidaat=kandidaat, kwalificatie=kwalificatie)
    return uit
