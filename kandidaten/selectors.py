"""Reads of kandidaten, scoped to the user (organisaties.scoping)."""

from datetime import timedelta

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from organisaties.models import Medewerker

from .constants import ACTIEVE_FASEN, GEEN_CONTACT_SIGNAAL_DAGEN, Fase
from .models import Contactmoment, Gebeurtenis, Kandidaat


def _met_contactinfo(qs: QuerySet[Kandidaat]) -> QuerySet[Kandidaat]:
    # Subqueries instead of joins + GROUP BY: one row per candidate, constant queries.
    laatste = Contactmoment.objects.filter(kandidaat=OuterRef("pk")).order_by(
        "-datum", "-created_at"
    )
    gepland = laatste.filter(volgende_actie_op__isnull=False)
    return qs.annotate(
        laatste_contact=Subquery(laatste.values("datum")[:1]),
        volgende_actie=Subquery(gepland.values("volgende_actie")[:1]),
        volgende_actie_op=Subquery(gepland.values("volgende_actie_op")[:1]),
    )


def kandidaat_list(*, user) -> QuerySet[Kandidaat]:
    """Candidates the user may see, with consulent and last/next contact for the caseload."""
    return _met_contactinfo(
        Kandidaat.objects.zichtbaar_voor(user).select_related(
            "consulent", "organisatie"
        )
    ).order_by("achternaam", "voornaam", "pk")


def kandidaat_detail(*, user) -> QuerySet[Kandidaat]:
    """Candidates the user may see, loaded for the detail page (timeline included)."""
    return _met_contactinfo(
        Kandidaat.objects.zichtbaar_voor(user).select_related(
            "consulent", "jobcoach", "organisatie", "regio", "toestemming_door"
        )
    ).prefetch_related(
        Prefetch(
            "gebeurtenissen",
            Gebeurtenis.objects.select_related("door"),
            to_attr="tijdlijn",
        )
    )


def signalen(kandidaat: Kandidaat) -> list[str]:
    """Warnings for the caseload, from the annotations of `kandidaat_list` (no queries)."""
    if kandidaat.fase not in ACTIEVE_FASEN:
        return []
    vandaag = timezone.localdate()
    uit = []
    grens = vandaag - timedelta(days=GEEN_CONTACT_SIGNAAL_DAGEN)
    if kandidaat.laatste_contact is None or kandidaat.laatste_contact < grens:
        uit.append(f"Geen contact in {GEEN_CONTACT_SIGNAAL_DAGEN} dagen")
    if kandidaat.volgende_actie_op and kandidaat.volgende_actie_op < vandaag:
        uit.append("Actie te laat")
    if kandidaat.fase == Fase.ADVIES:
        uit.append("Advies staat open")
    return uit


def geen_contact_filter() -> Q:
    """Active candidates without contact in the signal period (matches `signalen`)."""
    grens = timezone.localdate() - timedelta(days=GEEN_CONTACT_SIGNAAL_DAGEN)
    return Q(fase__in=ACTIEVE_FASEN) & (
        Q(laatste_contact__isnull=True) | Q(laatste_contact__lt=grens)
    )


def consulenten_zichtbaar(*, user) -> QuerySet[Medewerker]:
    """Consulenten whose candidates the user may see (for filters and forms)."""
    return Medewerker.objects.filter(
        pk__in=Kandidaat.objects.zichtbaar_voor(user).values("consulent")
    ).order_by("first_name", "last_name")


def caseload_per_consulent(*, user) -> QuerySet:
    """The team view: per consulent the number of candidates per phase and with signals."""
    grens = timezone.localdate() - timedelta(days=GEEN_CONTACT_SIGNAAL_DAGEN)
    recent = Contactmoment.objects.filter(kandidaat=OuterRef("pk"), datum__gte=grens)
    qs = Kandidaat.objects.zichtbaar_voor(user)
    per_fase = {
        f"aantal_{fase}": Count("pk", filter=Q(fase=fase)) for fase in Fase.values
    }
    return (
        qs.values(
            "consulent",
            "consulent__first_name",
            "consulent__last_name",
            "organisatie__naam",
        )
        .annotate(
            totaal=Count("pk"),
            actief=Count("pk", filter=Q(fase__in=ACTIEVE_FASEN)),
            zonder_contact=Count(
                "pk", filter=Q(fase__in=ACTIEVE_FASEN) & ~Exists(recent)
            ),
            **per_fase,
        )
        .order_by("organisatie__naam", "consulent__first_name", "consulent__last_name")
    )
