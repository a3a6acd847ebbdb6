"""The one answer to "what may this user see?", used by every selector in every app.

A model declares its `zichtbaarheid` (a `Zichtbaarheid`) and a QuerySet built on
`ZichtbaarQuerySet`; `Model.objects.zichtbaar_voor(user)` then filters it. The rule:

1. A superuser (installation administrator) sees everything.
2. A regiobrede role (by default regiocoördinator and functioneel beheerder) sees every
   object in the arbeidsmarktregio's its organisation works in.
3. An organisation role (consulent, jobcoach, mbo-medewerker, ...) sees the objects in
   its regions in which its own organisation takes part (one of `organisaties`).
4. Anyone sees the objects they are linked to in person (one of `personen`, e.g. the
   praktijkopleider of a placement), whatever the region.
5. Everything else is invisible: views get their objects from a scoped selector, so an
   object outside the scope is a 404, never a 403 that confirms it exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q

from .constants import Rol

NIETS = Q(pk__in=[])


@dataclass(frozen=True)
class Zichtbaarheid:
    """How one model is scoped; each entry is an ORM lookup path from that model."""

    regio: str
    organisaties: tuple[str, ...] = ()
    personen: tuple[str, ...] = ()
    regiobreed: frozenset[str] = frozenset(
        {Rol.REGIOCOORDINATOR, Rol.FUNCTIONEEL_BEHEERDER}
    )
    organisatie_rollen: frozenset[str] = field(
        default=frozenset(
            {
                Rol.CONSULENT,
                Rol.JOBCOACH,
                Rol.MBO_MEDEWERKER,
                Rol.REGIOCOORDINATOR,
                Rol.FUNCTIONEEL_BEHEERDER,
            }
        )
    )


def _is_multivalued(model: type[models.Model], path: str) -> bool:
    """True when `path` crosses a reverse or many-to-many relation."""
    for name in path.split("__"):
        try:
            veld = model._meta.get_field(name)
        except FieldDoesNotExist:
            return False  # a lookup such as "in" or "pk": the path ends here
        if veld.many_to_many or veld.one_to_many:
            return True
        if not veld.is_relation:
            return False
        model = veld.related_model
    return False


def _pad_q(model: type[models.Model], lookup: str, waarde) -> Q:
    # A filter across a multi-valued relation would repeat rows; a subquery on the
    # primary key keeps every object once without DISTINCT.
    if _is_multivalued(model, lookup):
        return Q(pk__in=model._base_manager.filter(**{lookup: waarde}).values("pk"))
    return Q(**{lookup: waarde})


def _mijn_regios(model: type[models.Model], regel: Zichtbaarheid, user):
    """The user's regions as the region path needs them: a list of ids (resolved once
    per request, `Medewerker.regio_ids`), so PostgreSQL can use the path's index
    instead of scanning the table for an OR of subqueries. A multi-valued path keeps
    the subquery: there the planner does better with it (measured at 100,000)."""
    if _is_multivalued(model, regel.regio):
        # Looked up by name: the models import this module for their querysets.
        Arbeidsmarktregio = apps.get_model("organisaties", "Arbeidsmarktregio")
        return Arbeidsmarktregio.objects.filter(
            organisaties=user.organisatie_id
        ).values("pk")
    return user.regio_ids


def zichtbaar_filter(model: type[models.Model], user) -> Q:
    """The Q that limits `model` to what `user` may see (see the module docstring)."""
    if not user.is_authenticated or not user.is_active:
        return NIETS
    if user.is_superuser:
        return Q()
    regel: Zichtbaarheid = model.zichtbaarheid
    rollen = user.rollen
    q = NIETS
    if user.organisatie_id:
        in_regio = _pad_q(model, f"{regel.regio}__in", _mijn_regios(model, regel, user))
        if rollen & regel.regiobreed:
            q |= in_regio  # includes the organisation's own objects in the region
        elif rollen & regel.organisatie_rollen and regel.organisaties:
            eigen = NIETS
            for pad in regel.organisaties:
                eigen |= _pad_q(model, pad, user.organisatie_id)
            q |= in_regio & eigen
    for pad in regel.personen:
        q |= _pad_q(model, pad, user.pk)
    return q


def zichtbaarheid_uitbreiden(
    model: type[models.Model],
    *,
    organisaties: tuple[str, ...] = (),
    personen: tuple[str, ...] = (),
) -> None:
    """Let a higher app add paths to a lower model's scope (from its AppConfig.ready).

    E.g. trajecten makes a kandidaat visible to the mbo-instelling of its advies, without
    kandidaten having to know about trajecten.
    """
    regel = model.zichtbaarheid
    model.zichtbaarheid = replace(
        regel,
        organisaties=regel.organisaties
        + tuple(p for p in organisaties if p not in regel.organisaties),
        personen=regel.personen + tuple(p for p in personen if p not in regel.personen),
    )


class ZichtbaarQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """The rows of this queryset that `user` may see."""
        return self.filter(zichtbaar_filter(self.model, user))
