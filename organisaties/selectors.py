"""Reads of organisaties, medewerkers and the audit trail, scoped to the user."""

from django.db.models import Count, QuerySet

from auditlog.models import LogEntry

from .models import Medewerker, Organisatie
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
