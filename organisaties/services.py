"""Writes for organisaties and medewerkers.

Organisations work in one or more arbeidsmarktregio's; a medewerker belongs to one
organisation and holds roles (groups). The admin covers day-to-day edits; these
services are the path for code (demo data, imports, tests).
"""

from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from .models import Arbeidsmarktregio, Medewerker, Netwerkcontact, Organisatie


@transaction.atomic
def organisatie_opslaan(
    *, naam: str, type: str, regios: Iterable[Arbeidsmarktregio], **velden
) -> Organisatie:
    """Create or update the organisation with this name and type; sets its regions."""
    organisatie, _ = Organisatie.objects.update_or_create(
        naam=naam, type=type, defaults=velden
    )
    organisatie.full_clean()
    organisatie.regios.set(regios)
    return organisatie


@transaction.atomic
def medewerker_opslaan(
    *,
    username: str,
    organisatie: Organisatie,
    rollen: Iterable[str],
    wachtwoord: str | None = None,
    **velden,
) -> Medewerker:
    """Create or update a medewerker and give it exactly `rollen`."""
    medewerker, _ = Medewerker.objects.update_or_create(
        username=username, defaults={"organisatie": organisatie, **velden}
    )
    if wachtwoord is not None:
        medewerker.set_password(wachtwoord)
        medewerker.save(update_fields=["password"])
    medewerker_rollen_zetten(medewerker=medewerker, rollen=rollen)
    return medewerker


def medewerker_rollen_zetten(*, medewerker: Medewerker, rollen: Iterable[str]) -> None:
    """Replace the medewerker's roles; the change lands in the audit trail (m2m)."""
    medewerker.groups.set(Group.objects.filter(name__in=list(rollen)))
    medewerker.__dict__.pop("rollen", None)  # drop the cached value


@transaction.atomic
def netwerkcontact_opslaan(
    *, contact: Netwerkcontact, door: Medewerker
) -> Netwerkcontact:
    """Save a network entry; whoever saves it has checked it today."""
    contact.gecontroleerd_op = timezone.localdate()
    contact.gecontroleerd_door = door
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def netwerkcontact_gecontroleerd(*, contact: Netwerkcontact, door: Medewerker) -> None:
    """Mark an entry as still correct today, without other changes (audited)."""
    contact = Netwerkcontact.objects.select_for_update().get(pk=contact.pk)
    contact.gecontroleerd_op = timezone.localdate()
    contact.gecontroleerd_door = door
    contact.save(update_fields=["gecontroleerd_op", "gecontroleerd_door", "updated_at"])
