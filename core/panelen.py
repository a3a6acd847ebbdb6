"""Panels that higher apps contribute to a lower app's page.

A lower app (kandidaten, trajecten) cannot import the apps above it; it owns a
`Panelen` register, and the apps above add a `Paneel` from their AppConfig.ready(). A
panel's context function gets the page's object and the user (who may already see
it) and must need a fixed number of queries, so the page's query count stays constant.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paneel:
    template: str
    context: Callable[..., dict]
    volgorde: int = 50


@dataclass
class Panelen:
    panelen: list[Paneel] = field(default_factory=list)

    def registreren(self, paneel: Paneel) -> None:
        if paneel not in self.panelen:
            self.panelen.append(paneel)
            self.panelen.sort(key=lambda p: p.volgorde)

    def voor(self, **context) -> list[tuple[str, dict]]:
        """(template, context) of every registered panel for this page."""
        return [(p.template, p.context(**context)) for p in self.panelen]
