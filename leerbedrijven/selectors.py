"""Reads of leerbedrijven, scoped to the user (organisaties/scoping.py).

Child rows (erkenningen, leerbanen, contactmomenten, ...) are only reached through a
leerbedrijf from these selectors, so they share its scope.
"""

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce

from kwalificaties.models import Kwalificatie, Werkproces

from .constants import LeerbedrijfStatus
from .models import (
    Contactmoment,
    Contactpersoon,
    Erkenning,
    Leerbaan,
    Leerbedrijf,
    LeerbedrijfStatuswijziging,
    Vestiging,
)


def leerbedrijf_list(*, user) -> QuerySet[Leerbedrijf]:
    """Visible leerbedrijven with organisation, region, places (for the plaats column)
    and counts of open leerbanen and erkenningen; a fixed number of queries per page."""
    return (
        Leerbedrijf.objects.zichtbaar_voor(user)
        .select_related("organisatie", "regio")
        .prefetch_related(
            Prefetch("vestigingen", queryset=Vestiging.objects.order_by("plaats"))
        )
        .met_tellingen()
        .order_by("organisatie__naam", "pk")
    )


def leerbedrijf_detail(*, user) -> QuerySet[Leerbedrijf]:
    """Visible leerbedrijven with every collection the detail page shows, loaded once."""
    return (
        Leerbedrijf.objects.zichtbaar_voor(user)
        .select_related("organisatie", "regio")
        .prefetch_related(
            "vestigingen",
            Prefetch(
                "contactpersonen",
                queryset=Contactpersoon.objects.select_related("account"),
            ),
            Prefetch(
                "werkprocessen",
                queryset=Werkproces.objects.select_related("kerntaak__kwalificatie"),
            ),
            Prefetch(
                "erkenningen",
                queryset=Erkenning.objects.select_related("kwalificatie"),
            ),
            Prefetch(
                "leerbanen",
                queryset=Leerbaan.objects.select_related(
                    "kwalificatie", "vestiging"
                ).prefetch_related("werkprocessen"),
            ),
            Prefetch(
                "contactmomenten",
                queryset=Contactmoment.objects.select_related("door").order_by(
                    "-datum", "-pk"
                ),
            ),
            Prefetch(
                "statuswijzigingen",
                queryset=LeerbedrijfStatuswijziging.objects.select_related(
                    "door"
                ).order_by("-op", "-pk"),
            ),
        )
    )


def leerbedrijven_erkend_voor(
    *, user, kwalificatie: Kwalificatie
) -> QuerySet[Leerbedrijf]:
    """Visible leerbedrijven with a valid ERKEND erkenning for `kwalificatie`
    (the starting point for matching a kandidaat to a leerbedrijf)."""
    return leerbedrijf_list(user=user).erkend_voor(kwalificatie)


def leerbedrijf_get_queryset(*, user) -> QuerySet[Leerbedrijf]:
    """Visible leerbedrijven with organisation and region: for forms and transitions."""
    return Leerbedrijf.objects.zichtbaar_voor(user).select_related(
        "organisatie", "regio"
    )


def leerbedrijven_voor_matching(
    *, user, kwalificatie: Kwalificatie, regio, werkprocessen: list[Werkproces]
) -> QuerySet[Leerbedrijf]:
    """Visible leerbedrijven in `regio` that are erkend for `kwalificatie`, have a
    praktijkopleider and an open leerbaan for it, ranked by how many of the wanted
    `werkprocessen` can be learned there (annotated `aantal_gewenst`, `erkend_tot`,
    and `gewenste_werkprocessen` prefetched)."""
    gewenst = [w.pk for w in werkprocessen]
    aantal = (
        Leerbedrijf.werkprocessen.through.objects.filter(
            leerbedrijf=OuterRef("pk"), werkproces__in=gewenst
        )
        .order_by()
        .values("leerbedrijf")
        .annotate(n=Count("pk"))
        .values("n")
    )
    erkenning = Erkenning.objects.geldig().filter(
        leerbedrijf=OuterRef("pk"), kwalificatie=kwalificatie
    )
    return (
        leerbedrijven_erkend_voor(user=user, kwalificatie=kwalificatie)
        .filter(regio=regio)
        .filter(
            Exists(
                Contactpersoon.objects.filter(
                    leerbedrijf=OuterRef("pk"), is_praktijkopleider=True
                )
            ),
            Exists(
                Leerbaan.objects.filter(
                    leerbedrijf=OuterRef("pk"), kwalificatie=kwalificatie, open=True
                )
            ),
        )
        .annotate(
            aantal_gewenst=Coalesce(Subquery(aantal, output_field=IntegerField()), 0),
            erkend_tot=Subquery(erkenning.values("geldig_tot")[:1]),
        )
        .prefetch_related(
            Prefetch(
                "werkprocessen",
                queryset=Werkproces.objects.filter(pk__in=gewenst).order_by("code"),
                to_attr="gewenste_werkprocessen",
            )
        )
        .order_by("-aantal_gewenst", "organisatie__naam", "pk")
    )


def praktijkopleider_list(*, user) -> QuerySet[Contactpersoon]:
    """Praktijkopleiders of the leerbedrijven the user may see (for placement forms)."""
    return (
        Contactpersoon.objects.filter(
            is_praktijkopleider=True,
            leerbedrijf__in=Leerbedrijf.objects.zichtbaar_voor(user),
        )
        .select_related("leerbedrijf__organisatie")
        .order_by("leerbedrijf__organisatie__naam", "naam")
    )


def geplande_acties(*, tot_en_met, user=None) -> QuerySet[Contactmoment]:
    """The planned next actions with leerbedrijven due on `tot_en_met` or earlier.

    Only the latest planned contact moment of a leerbedrijf counts (a later contact
    replaces the plan of an earlier one) and a stopped leerbedrijf has none. With
    `user`: only the actions that user recorded, with leerbedrijven in their scope
    (the home page); without: all of them (the reminder rule). One query.
    """
    momenten = (
        Contactmoment.objects.laatst_geplande()
        .filter(volgende_actie_op__lte=tot_en_met)
        .exclude(leerbedrijf__status=LeerbedrijfStatus.GESTOPT)
    )
    if user is not None:
        momenten = momenten.filter(
            door=user, leerbedrijf__in=Leerbedrijf.objects.zichtbaar_voor(user)
        )
    return momenten.select_related("leerbedrijf__organisatie", "door").order_by(
        "volgende_actie_op", "pk"
    )
