"""Panels on the candidate page that higher apps contribute (advies, traject, ...).

kandidaten cannot import the apps above it; they register a panel from their
AppConfig.ready(). A panel's context function gets the candidate and the user (who
may already see the candidate) and should need at most a few queries.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Paneel:
    template: str
    context: Callable[..., dict]
    volgorde: int = 50


PANELEN: list[Paneel] = []


def paneel_registreren(paneel: Paneel) -> None:
    if paneel not in PANELEN:
        PANELEN.append(paneel)
        PANELEN.sort(key=lambda p: p.volgorde)


def panelen_voor(*, kandidaat, user) -> list[tuple[str, dict]]:
    """(template, context) of every registered panel for this candidate."""
    return [(p.template, p.context(kandidaat=kandidaat, user=user)) for p in PANELEN]
