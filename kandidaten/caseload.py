"""Columns on the caseload that higher apps fill (the current traject, ...).

Kandidaten cannot import the apps above it. An app above registers a function from
its AppConfig.ready() that takes the candidates of one page (a list, already loaded)
and the user and sets attributes on them, in a fixed number of queries whatever the
number of rows (one query over the page's ids, scoped to what the user may see of the
higher app). The page's own query stays small: a subquery per column in the list's
query made PostgreSQL plan the scope of the higher app once per column, for every
page (measured: most of the caseload's time at 10,000 candidates). The caseload
template reads these attributes and shows "—" when none is set:

- `huidig_traject_status`: the label of the status of the candidate's current traject;
- `huidig_leerbedrijf`: the name of the leerbedrijf of its current placement.

Nothing registered here can be sorted or filtered on; a column that must be, belongs
in the caseload's own query (kandidaten.selectors.caseload).
"""

from collections.abc import Callable, Sequence

Vuller = Callable[..., None]  # (kandidaten: list[Kandidaat], *, user) -> None

_VULLERS: list[Vuller] = []


def kolommen_registreren(functie: Vuller) -> Vuller:
    """Register `functie` (idempotent); usable as a decorator."""
    if functie not in _VULLERS:
        _VULLERS.append(functie)
    return functie


def kolommen_vullen(kandidaten: Sequence, *, user) -> None:
    """Let every registered app fill its columns on these (loaded) candidates."""
    if not kandidaten:
        return
    for functie in _VULLERS:
        functie(kandidaten, user=user)
