"""Kinds of notifications (`Soort`): what a person chooses the delivery of.

Apps register their kinds from `AppConfig.ready()` with the `oorzaak` prefixes (the part
before the first ":") that belong to them, so meldingen names no app above it. Two
kinds are meldingen's own: every reminder rule (`herinneringen.regel_registreren`; a
rule's code is its oorzaak prefix) is a "herinnering" unless an app claims its prefix
for a kind of its own, and whatever nobody registered is "overig".
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .herinneringen import regel_codes


@dataclass(frozen=True)
class Soort:
    code: str
    naam: str
    volgorde: int = 50


HERINNERINGEN = Soort("herinneringen", _("Herinneringen"), 80)
OVERIG = Soort("overig", _("Overige meldingen"), 90)

_SOORTEN: dict[str, Soort] = {s.code: s for s in (HERINNERINGEN, OVERIG)}
_OORZAKEN: dict[str, str] = {}


def soort_registreren(
    code: str, naam: str, *, oorzaken: list[str], volgorde: int = 50
) -> Soort:
    """Register the kind `code` (idempotent) and claim the oorzaak prefixes for it."""
    soort = _SOORTEN.get(code) or Soort(code=code, naam=naam, volgorde=volgorde)
    _SOORTEN[code] = soort
    for prefix in oorzaken:
        _OORZAKEN[prefix] = code
    return soort


def soorten() -> list[Soort]:
    """Every kind, in the order the settings page shows them."""
    return sorted(_SOORTEN.values(), key=lambda s: (s.volgorde, s.code))


def soort_van(oorzaak: str) -> str:
    """The code of the kind an `oorzaak` belongs to."""
    prefix = oorzaak.partition(":")[0]
    if prefix in _OORZAKEN:
        return _OORZAKEN[prefix]
    if prefix in regel_codes():
        return HERINNERINGEN.code
    return OVERIG.code
