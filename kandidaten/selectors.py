"""Reads of kandidaten, scoped to the user (organisaties.scoping)."""

from datetime import timedelta

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, TruncDate
from django.utils import timezone

from organisaties.constants import Rol
from organisaties.models import Medewerker, Organisatie
from organisaties.scoping import InLijst

from .constants import ACTIEVE_FASEN, GEEN_CONTACT_SIGNAAL_DAGEN, Fase
from .models import Contactmoment, Gebeurtenis, Kandidaat


def _met_contactinfo(qs: QuerySet[Kandidaat]) -> QuerySet[Kandidaat]:
    # Subqueries instead of joins + GROUP BY: one row per candidate, constant queries.
    van_kandidaat = Contactmoment.objects.filter(kandidaat=OuterRef("pk"))
    laatste = van_kandidaat.nieuwste_eerst()
    # The moment whose plan counts: the same rule as the reminder 'volgende_actie'.
    gepland = van_kandidaat.geplande_nieuwste_eerst()
    return qs.annotate(
        laatste_contact=Subquery(laatste.values("datum")[:1]),
        laatste_contact_id=Subquery(laatste.values("pk")[:1]),
        volgende_actie=Subquery(gepland.values("volgende_actie")[:1]),
        volgende_actie_op=Subquery(gepland.values("volgende_actie_op")[:1]),
        gepland_contact_id=Subquery(gepland.values("pk")[:1]),
    ).annotate(contact_sinds=_contact_sinds(F("laatste_contact")))


def _contact_sinds(laatste_contact) -> Greatest:
    """The day the 'no contact' period starts: the last contact moment, the intake
    (toestemming_op) or the day the candidate came into the portal (an import of an
    existing caseload), whichever is latest. A new or just imported candidate is not
    'without contact' on day one."""
    in_portaal = TruncDate("created_at", tzinfo=timezone.get_current_timezone())
    return Greatest(
        Coalesce(laatste_contact, F("toestemming_op")), F("toestemming_op"), in_portaal
    )


def kandidaat_list(*, user) -> QuerySet[Kandidaat]:
    """Candidates the user may see, with consulent and last/next contact for the caseload."""
    return _met_contactinfo(
        Kandidaat.objects.zichtbaar_voor(user).select_related(
            "consulent", "organisatie"
        )
    ).order_by("achternaam", "voornaam", "pk")


# The caseload's sort keys (`?sort=naam`, `?sort=-urgentie`): each the columns it
# orders by, ties broken by name and pk so pages never overlap.
_NAAM = ["achternaam", "voornaam", "pk"]
CASELOAD_SORTERING = {
    "naam": _NAAM,
    "fase": ["fase_volgorde", *_NAAM],
    "laatste_contact": ["laatste_contact", *_NAAM],
    "volgende_actie": ["volgende_actie_op", *_NAAM],
    "urgentie": ["urgentie", "volgende_actie_op", *_NAAM],
}
CASELOAD_STANDAARD = "naam"


def caseload(*, user, sort: str | None = None) -> tuple[QuerySet[Kandidaat], str]:
    """The caseload: `kandidaat_list` with the urgency and the phase's place in the
    process as sort keys (the columns higher apps add are filled per page with
    `kandidaten.caseload.kolommen_vullen`), ordered
    by `sort` (a key of CASELOAD_SORTERING, "-" for descending; anything else gives
    the default). Returns the queryset and the sort it used."""
    if (sort or "").removeprefix("-") not in CASELOAD_SORTERING:
        sort = CASELOAD_STANDAARD
    sleutel, aflopend = sort.removeprefix("-"), sort.startswith("-")
    # Sort keys only when sorted on (alias: in ORDER BY, never in the SELECT list).
    # The columns higher apps add are filled per page: kandidaten.caseload.
    qs = kandidaat_list(user=user)
    if sleutel == "fase":
        qs = qs.alias(
            fase_volgorde=Case(
                *(When(fase=f, then=Value(i)) for i, f in enumerate(Fase.values)),
                default=Value(len(Fase.values)),
            )
        )
    elif sleutel == "urgentie":
        qs = qs.alias(urgentie=_urgentie())
    eerste, *rest = CASELOAD_SORTERING[sleutel]
    # Empty values (no contact yet, nothing planned) always come last.
    eerste = (
        F(eerste).desc(nulls_last=True) if aflopend else F(eerste).asc(nulls_last=True)
    )
    return qs.order_by(eerste, *rest), sort


# What one row of the caseload page shows (the contact columns and signals come from
# the annotations of `kandidaat_list`). The page loads only these: 50 candidates with
# all 36 columns, their consulent and organisation cost more to load than to render.
CASELOAD_PAGINA_VELDEN = (
    "pk",
    "voornaam",
    "achternaam",
    "fase",
    "consulent__first_name",
    "consulent__last_name",
    "consulent__username",
)


def caseload_pagina(qs: QuerySet[Kandidaat]) -> QuerySet[Kandidaat]:
    """`qs` (the caseload) with only what a row of the page shows loaded."""
    return (
        qs.select_related(None)
        .select_related("consulent")
        .only(*CASELOAD_PAGINA_VELDEN)
    )


def _urgentie() -> Case:
    """The signals as one number to sort on (the same rules as `signalen`): a late
    action weighs most, then no contact, then an open advice."""

    def punten(q: Q, gewicht: int) -> Case:
        return Case(When(q, then=Value(gewicht)), default=Value(0))

    return (
        punten(actie_te_laat_filter(), 4)
        + punten(geen_contact_filter(), 2)
        + punten(Q(fase=Fase.ADVIES), 1)
    )


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


def _geen_contact_grens():
    return timezone.localdate() - timedelta(days=GEEN_CONTACT_SIGNAAL_DAGEN)


def actie_te_laat(kandidaat: Kandidaat, vandaag) -> bool:
    """A planned action is late from the day after its date, unless a later contact
    moment (not the one that planned it) took place on or after that date: then it
    was done."""
    if kandidaat.volgende_actie_op is None or kandidaat.volgende_actie_op >= vandaag:
        return False
    gedaan = (
        kandidaat.laatste_contact_id != kandidaat.gepland_contact_id
        and kandidaat.laatste_contact >= kandidaat.volgende_actie_op
    )
    return not gedaan


def signalen(kandidaat: Kandidaat) -> list[str]:
    """Warnings for the caseload, from the annotations of `kandidaat_list` (no queries).

    The filters on the caseload (`geen_contact_filter`, `actie_te_laat_filter`) and the
    team view count with the same rules."""
    if kandidaat.fase not in ACTIEVE_FASEN:
        return []
    vandaag = timezone.localdate()
    uit = []
    # Contact exactly 30 days ago is still 'in 30 days'; from day 31 it is not.
    if kandidaat.contact_sinds < _geen_contact_grens():
        uit.append(f"Geen contact in {GEEN_CONTACT_SIGNAAL_DAGEN} dagen")
    if actie_te_laat(kandidaat, vandaag):
        uit.append("Actie te laat")
    if kandidaat.fase == Fase.ADVIES:
        uit.append("Advies staat open")
    return uit


def geen_contact_filter() -> Q:
    """Active candidates without contact in the signal period (matches `signalen`)."""
    return Q(fase__in=ACTIEVE_FASEN, contact_sinds__lt=_geen_contact_grens())


def actie_te_laat_filter() -> Q:
    """Active candidates with a late planned action (matches `signalen`)."""
    return Q(fase__in=ACTIEVE_FASEN, volgende_actie_op__lt=timezone.localdate()) & (
        Q(laatste_contact_id=F("gepland_contact_id"))
        | Q(laatste_contact__lt=F("volgende_actie_op"))
    )


def signalen_tellen(*, user) -> dict[str, int]:
    """For the consulent's "Vandaag": how many of their own candidates have a late
    action and how many had no contact in the signal period (the rules of `signalen`).
    One query."""
    return _met_contactinfo(
        Kandidaat.objects.zichtbaar_voor(user).filter(consulent=user)
    ).aggregate(
        actie_te_laat=Count("pk", filter=actie_te_laat_filter()),
        geen_contact=Count("pk", filter=geen_contact_filter()),
    )


def consulenten_zichtbaar(*, user) -> QuerySet[Medewerker]:
    """The consulent filter's choices: the consulenten whose candidates the user may
    see, answered from the scope the request already holds (`Medewerker.regio_ids`,
    the own organisation) instead of a subquery over every candidate in scope.

    A candidate's consulent is a consulent of its organisation (the intake and edit
    forms offer no one else) and a candidate's region is one its organisation works
    in. So a coordinator's choices are the consulenten of the organisations in their
    regions, a consulent's or jobcoach's those of their own organisation, plus, for
    anyone, the consulenten of the candidates linked to them in person (an index look-up
    on consulent/jobcoach, not the scope). The other roles (an mbo-medewerker, who sees
    candidates through advice and trajecten, and the superuser) keep the definition
    `consulenten_van(Kandidaat.objects.zichtbaar_voor(user))`, which their few
    candidates keep cheap. Unlike that definition, a consulent of such an organisation
    without candidates (yet) is a choice too; tests/kandidaten/test_consulent_filter.py
    compares both for every role."""
    deel = _organisatie_deel(user)
    if deel is None:
        return consulenten_van(Kandidaat.objects.zichtbaar_voor(user))
    persoonlijk = Kandidaat.objects.filter(Q(consulent=user) | Q(jobcoach=user))
    return Medewerker.objects.filter(
        _met_consulentrol(deel[1]) | Q(InLijst("pk", persoonlijk.values("consulent")))
    ).order_by(*_CONSULENT_VOLGORDE)


_CONSULENT_VOLGORDE = ("first_name", "last_name", "pk")


def consulenten_per_organisatie(*, user) -> tuple[str, QuerySet[Medewerker]] | None:
    """The part of `consulenten_zichtbaar` that follows from the user's regions or
    organisation alone (the same for everyone there), with a key that names that
    scope; None for the roles that keep the definition over the candidates."""
    deel = _organisatie_deel(user)
    if deel is None:
        return None
    sleutel, organisaties = deel
    return sleutel, Medewerker.objects.filter(_met_consulentrol(organisaties)).order_by(
        *_CONSULENT_VOLGORDE
    )


def _organisatie_deel(user) -> tuple[str, Q] | None:
    regel = Kandidaat.zichtbaarheid
    if not user.is_authenticated or not user.is_active or user.is_superuser:
        return None
    rollen = user.rollen
    if rollen & regel.regiobreed:
        # The organisations of the regions straight from the link table, as a key
        # array (InLijst): the medewerkers are then found on their organisation's
        # index, not by checking every consulent in the country against the region
        # (measured at 100,000 candidates: 11 ms -> 3 ms).
        in_regio = Organisatie.regios.through.objects.filter(
            arbeidsmarktregio__in=user.regio_ids
        ).values("organisatie_id")
        sleutel = "regios:" + ",".join(str(pk) for pk in user.regio_ids)
        return sleutel, Q(InLijst("organisatie_id", in_regio))
    if rollen & {Rol.CONSULENT, Rol.JOBCOACH} and Rol.MBO_MEDEWERKER not in rollen:
        return f"organisatie:{user.organisatie_id}", Q(organisatie=user.organisatie_id)
    return None


def _met_consulentrol(organisaties: Q) -> Q:
    # A subquery on the primary key: a join on the groups would repeat a medewerker
    # with several roles.
    met_rol = Medewerker.groups.through.objects.filter(
        group__name=Rol.CONSULENT
    ).values("medewerker_id")
    return organisaties & Q(pk__in=met_rol)


def consulenten_van(kandidaten: QuerySet[Kandidaat]) -> QuerySet[Medewerker]:
    """The consulenten of `kandidaten` (the filter's former definition)."""
    return Medewerker.objects.filter(pk__in=kandidaten.values("consulent")).order_by(
        "first_name", "last_name", "pk"
    )


def caseload_per_consulent(*, user) -> QuerySet:
    """The team view: per consulent the number of candidates per phase and with signals."""
    grens = _geen_contact_grens()
    recent = Contactmoment.objects.filter(kandidaat=OuterRef("pk"), datum__gte=grens)
    # As `signalen`: no contact moment in the period and the intake and the arrival
    # in the portal both before it.
    zonder_contact = (
        Q(fase__in=ACTIEVE_FASEN, toestemming_op__lt=grens)
        & Q(created_at__date__lt=grens)
        & ~Exists(recent)
    )
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
            zonder_contact=Count("pk", filter=zonder_contact),
            **per_fase,
        )
        .order_by("organisatie__naam", "consulent__first_name", "consulent__last_name")
    )
