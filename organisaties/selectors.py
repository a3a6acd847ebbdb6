"""Reads of organisaties, medewerkers and the audit trail, scoped to the user."""

from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, QuerySet
from django.utils import timezone

from auditlog.models import LogEntry

from .constants import OrganisatieType
from .models import Medewerker, Netwerkcontact, Organisatie
from .scoping import zichtbaar_filter


def organisatie_list(*, user) -> QuerySet[Organisatie]:
    """Organisations in the user's regions, with their regions and staff count."""
    return (
        Organisatie.objects.zichtbaar_voor(user)
        .prefetch_related("regios")
        .annotate(aantal_medewerkers=Count("medewerkers", distinct=True))
        .order_by("naam")
    )


def medewerker_list(*, user) -> QuerySet[Medewerker]:
    """Medewerkers the user may see, with organisation and roles loaded."""
    return (
        Medewerker.objects.zichtbaar_voor(user)
        .filter(is_active=True)
        .select_related("organisatie")
        .prefetch_related("groups")
        .order_by("first_name", "last_name", "username")
    )


def organisatie_medewerkers(*, user, organisatie: Organisatie) -> QuerySet[Medewerker]:
    return medewerker_list(user=user).filter(organisatie=organisatie)


def logentry_list(*, user) -> QuerySet[LogEntry]:
    """Audit entries whose actor the user may see (all entries for a superuser).

    Entries without an actor (system work, imports by command) only reach superusers.
    """
    qs = LogEntry.objects.select_related("content_type", "actor__organisatie")
    if not user.is_superuser:
        qs = qs.filter(
            actor__in=Medewerker.objects.filter(zichtbaar_filter(Medewerker, user))
        )
    return qs.order_by("-timestamp")


def netwerkcontact_list(*, user) -> QuerySet[Netwerkcontact]:
    """The regional network the user may see, with organisation and checker loaded."""
    return (
        Netwerkcontact.objects.zichtbaar_voor(user)
        .select_related("organisatie", "gecontroleerd_door")
        .order_by("naam", "pk")
    )


def controle_grens() -> date:
    """Network entries last checked before this date count as out of date."""
    return timezone.localdate() - timedelta(days=30 * settings.NETWERK_CONTROLE_MAANDEN)


def mbo_instelling_list(*, user) -> QuerySet[Organisatie]:
    return Organisatie.objects.zichtbaar_voor(user).filter(
        type=OrganisatieType.MBO_INSTELLING
    )


def medewerkers_in_regio(*, user, rol: str) -> QuerySet[Medewerker]:
    """Active medewerkers with `rol` in the user's regions (to choose, e.g., a jobcoach)."""
    regios = user.organisatie.regios.all() if user.organisatie_id else []
    return (
        Medewerker.objects.filter(
            groups__name=rol, is_active=True, organisatie__regios__in=regios
        )
        .select_related("organisatie")
        .distinct()
        .order_by("first_name", "last_name")
    )
