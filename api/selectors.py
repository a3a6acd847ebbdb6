"""Reads of the API's own model, scoped to the person asking."""

from django.db.models import Exists, OuterRef

from .models import ApiClient


def medewerkers_voor_clients(door):
    """The medewerkers `door` may make or revoke API clients for: active, never a
    superuser (a token that sees everything), and for a beheerder only people of
    organisations that work in their own regions alone and that they may see
    (`Medewerker.objects.zichtbaar_voor`), so a token never reaches further than the
    beheerder's own regions."""
    from organisaties.admin import binnen_eigen_regios
    from organisaties.models import Medewerker

    qs = Medewerker.objects.filter(is_active=True, is_superuser=False)
    if door.is_superuser:
        return qs
    return qs.zichtbaar_voor(door).filter(organisatie__in=binnen_eigen_regios(door))


def clients_voor(door):
    """The API clients `door` may see, rename and revoke."""
    qs = ApiClient.objects.all()
    if door.is_superuser:
        return qs
    return qs.filter(
        medewerker__in=medewerkers_voor_clients(door).values("pk"),
    )


def clients_om_op_te_halen(user):
    """The user's own clients whose key still waits for them."""
    return ApiClient.objects.filter(
        medewerker=user, ingetrokken_op__isnull=True, opgehaald_op__isnull=True
    )


def heeft_clients() -> Exists:
    """Whether the user has a client that is not revoked (in use or waiting for its
    key), as an expression for a query on users: the header asks it in the query of
    the bell, to show "API-sleutels" in the user menu without a query of its own."""
    return Exists(
        ApiClient.objects.filter(medewerker=OuterRef("pk"), ingetrokken_op__isnull=True)
    )
