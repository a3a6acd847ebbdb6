"""Reminder rules: a registry that apps fill from their `AppConfig.ready()`.

A rule is a function `(vandaag: date, dagen: int) -> int` that selects the rows due on
`vandaag`, calls `melding_versturen` for each with an `oorzaak` naming that row (so a
cause reaches a person once, however often the rule runs) and returns how many
notifications were new. `dagen` is the rule's period, which the functioneel beheerder
sets in the admin (`Herinnering`); what it means is in the rule's omschrijving.

Core imports no app: apps register their own rules, and the daily beat task
(`tasks.herinneringen_versturen`) runs every active one.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import transaction

logger = logging.getLogger(__name__)

RegelFunctie = Callable[[date, int], int]


@dataclass(frozen=True)
class Regel:
    code: str
    omschrijving: str
    standaard_dagen: int
    functie: RegelFunctie
    standaard_actief: bool = True


_REGELS: dict[str, Regel] = {}


def regel_registreren(
    code: str, omschrijving: str, standaard_dagen: int, *, actief: bool = True
) -> Callable[[RegelFunctie], RegelFunctie]:
    """Decorator: register `functie` as the reminder rule `code` (idempotent per code)."""

    def registreren(functie: RegelFunctie) -> RegelFunctie:
        _REGELS[code] = Regel(
            code=code,
            omschrijving=str(omschrijving),
            standaard_dagen=standaard_dagen,
            functie=functie,
            standaard_actief=actief,
        )
        return functie

    return registreren


def regel_codes() -> set[str]:
    """The codes of the registered rules (each rule's oorzaak prefix)."""
    return set(_REGELS)


def regels() -> list[Regel]:
    """The registered rules, ordered by code."""
    return [_REGELS[code] for code in sorted(_REGELS)]


def regel_dagen(code: str) -> int:
    """The period of rule `code`: the beheerder's setting, else the rule's default
    (one query). For pages that show what a rule would remind of (the home page)."""
    from .models import Herinnering

    dagen = Herinnering.objects.filter(code=code).values_list("dagen", flat=True)
    return next(iter(dagen), _REGELS[code].standaard_dagen)


def herinneringen_laden(herinnering_model) -> int:
    """Create the settings row of every registered rule that has none; existing rows
    (the beheerder's choices) stay as they are. Returns how many were created.

    Takes the model as an argument so that a data migration can pass its historical one.
    """
    bestaand = set(herinnering_model.objects.values_list("code", flat=True))
    nieuw = [
        herinnering_model(
            code=regel.code,
            omschrijving=regel.omschrijving[:200],
            dagen=regel.standaard_dagen,
            actief=regel.standaard_actief,
        )
        for regel in regels()
        if regel.code not in bestaand
    ]
    herinnering_model.objects.bulk_create(nieuw, ignore_conflicts=True)
    return len(nieuw)


def herinneringen_versturen(*, vandaag: date) -> dict[str, int]:
    """Run every active rule for `vandaag` with its configured period; returns the new
    notifications per rule code. A rule without a settings row uses its defaults.

    Each rule runs in its own transaction, so one failing rule does not stop the
    others; the first error is raised again after all rules ran.
    """
    from .models import Herinnering

    instellingen = {h.code: h for h in Herinnering.objects.all()}
    uitkomst: dict[str, int] = {}
    fouten: list[Exception] = []
    for regel in regels():
        instelling = instellingen.get(regel.code)
        actief = instelling.actief if instelling else regel.standaard_actief
        if not actief:
            continue
        dagen = instelling.dagen if instelling else regel.standaard_dagen
        try:
            with transaction.atomic():
                uitkomst[regel.code] = regel.functie(vandaag, dagen)
        except Exception as exc:  # one broken rule must not silence the others
            logger.exception("Herinnering %s mislukt", regel.code)
            fouten.append(exc)
    logger.info("Herinneringen van %s verstuurd: %s", vandaag.isoformat(), uitkomst)
    if fouten:
        raise fouten[0]
    return uitkomst
