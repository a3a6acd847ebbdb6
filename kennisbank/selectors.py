"""Reads of the kennisbank, scoped to the user.

Scope: national items (no regio) are visible to every logged-in user; regional items
to the users of that arbeidsmarktregio. `Item.objects.zichtbaar_voor` combines the
usual `Zichtbaarheid` (regio path, every role) with `regio IS NULL`.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When

from organisaties.scoping import zichtbaar_filter

from .models import Item, controle_grens
from .regels import mag_landelijk_beheren

__all__ = [
    "controle_grens",
    "item_bewerkbaar_list",
    "item_detail_list",
    "item_list",
    "item_zoeken",
    "items_voor",
]


def item_list(*, user) -> QuerySet[Item]:
    """Items the user may see, joined for the list page and the CSV export."""
    return (
        Item.objects.zichtbaar_voor(user)
        .select_related("regio", "eigenaar")
        .prefetch_related("tags")
        .order_by("titel", "pk")
    )


def item_detail_list(*, user) -> QuerySet[Item]:
    """Like `item_list`, plus the related items the user may see (`zie_ook`)."""
    return (
        item_list(user=user)
        .select_related("gecontroleerd_door")
        .prefetch_related(
            Prefetch(
                "gerelateerd",
                queryset=Item.objects.zichtbaar_voor(user).order_by("titel"),
                to_attr="zie_ook",
            )
        )
    )


def item_bewerkbaar_list(*, user) -> QuerySet[Item]:
    """Items the user may change: those of their regions for an editor, and national
    items for a functioneel beheerder (everything for a superuser)."""
    if user.is_superuser:
        return item_list(user=user)
    if not user.has_perm("kennisbank.change_item"):
        return Item.objects.none()
    # `zichtbaar_filter` alone does not reach national items: it is the regional part.
    q = zichtbaar_filter(Item, user)
    if mag_landelijk_beheren(user):
        q |= Q(regio__isnull=True)
    return item_list(user=user).filter(q)


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def item_zoeken(qs: QuerySet[Item], term: str) -> QuerySet[Item]:
    """Items matching `term`, best first, annotated with `rang`.

    On PostgreSQL: full-text search with the Dutch configuration (stemming, stop
    words), web-search syntax ("a b", "a OR b", -a) and weights A titel, B samenvatting,
    C body (HTML tags are not indexed by the parser). Elsewhere (the SQLite dev server):
    a plain icontains on the three fields, title hits first.
    """
    term = (term or "").strip()
    if not term:
        return qs
    if _is_postgres():
        vector = (
            SearchVector("titel", weight="A", config="dutch")
            + SearchVector("samenvatting", weight="B", config="dutch")
            + SearchVector("body", weight="C", config="dutch")
        )
        query = SearchQuery(term, config="dutch", search_type="websearch")
        return (
            qs.annotate(zoekvector=vector, rang=SearchRank(vector, query))
            .filter(zoekvector=query)
            .order_by("-rang", "titel", "pk")
        )
    return (
        qs.filter(
            Q(titel__icontains=term)
            | Q(samenvatting__icontains=term)
            | Q(body__icontains=term)
        )
        .annotate(
            rang=Case(
                When(titel__icontains=term, then=Value(3)),
                When(samenvatting__icontains=term, then=Value(2)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("-rang", "titel", "pk")
    )


def items_voor(*, user, soort: str | None = None, sector: str | None = None, limit=5):
    """A few items for a context link on another app's page (e.g. regelingen on a
    traject), most recently checked first; with `sector`, the items of that sector
    first, then the general ones (no sector).

    Returns a list, so that its one query runs here and never in a template loop.
    """
    qs = Item.objects.zichtbaar_voor(user).select_related("regio")
    volgorde = ["-laatst_gecontroleerd_op", "titel"]
    if soort:
        qs = qs.filter(soort=soort)
    if sector:
        qs = qs.filter(Q(sector=sector) | Q(sector=""))
        volgorde.insert(0, "-sector")  # "" sorts last in descending order
    return list(qs.order_by(*volgorde)[:limit])
