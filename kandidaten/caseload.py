"""Columns on the caseload that higher apps fill (the current traject, ...).

Kandidaten cannot import the apps above it. An app above registers a function from
its AppConfig.ready() that takes the caseload's queryset and the user and returns the
queryset annotated (subqueries only, so the page's query count stays the same for 3
or 80 rows; scoped to what the user may see of the higher app). The
caseload template reads these annotations, and shows "—" when none is registered:

- `huidig_traject_status`: the label of the status of the candidate's current traject;
- `huidig_leerbedrijf`: the name of the leerbedrijf of its current placement.
"""

from collections.abc import Callable

from django.db.models import QuerySet

Annotatie = Callable[..., QuerySet]  # (qs, *, user) -> qs

_ANNOTATIES: list[Annotatie] = []


def annotatie_registreren(functie: Annotatie) -> Annotatie:
    """Register `functie` (idempotent); usable as a decorator."""
    if functie not in _ANNOTATIES:
        _ANNOTATIES.append(functie)
    return functie


def annoteren(qs: QuerySet, *, user) -> QuerySet:
    for functie in _ANNOTATIES:
        qs = functie(qs, user=user)
    return qs
