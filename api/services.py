"""Writes of the API's own model: making and revoking a client, noting its last use."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.audit import bijwerken

from .models import ApiClient, nieuw_token, token_hash

# The last use is written at most once per this period (not on every request).
GEBRUIK_INTERVAL = timedelta(minutes=1)


@transaction.atomic
def apiclient_aanmaken(*, naam: str, medewerker) -> tuple[ApiClient, str]:
    """A new client with a fresh token. Returns the client and the token, which is
    shown once and never stored (only its hash)."""
    token = nieuw_token()
    client = ApiClient(
        naam=naam,
        medewerker=medewerker,
        token_hash=token_hash(token),
        token_begin=token[:9],
    )
    client.full_clean()
    client.save()
    return client, token


@transaction.atomic
def apiclient_intrekken(*, client: ApiClient) -> ApiClient:
    """Revoke: the token stops working at once. The row stays, for the audit trail."""
    if client.ingetrokken_op is None:
        client.ingetrokken_op = timezone.now()
        client.save(update_fields=["ingetrokken_op", "updated_at"])
    return client


def gebruik_vastleggen(client: ApiClient) -> None:
    nu = timezone.now()
    if client.laatst_gebruikt_op and nu - client.laatst_gebruikt_op < GEBRUIK_INTERVAL:
        return
    client.laatst_gebruikt_op = nu
    bijwerken(ApiClient.objects.filter(pk=client.pk), laatst_gebruikt_op=nu)


def client_bij_token(token: str) -> ApiClient | None:
    """The active client with this token, or None."""
    return (
        ApiClient.objects.select_related("medewerker")
        .filter(token_hash=token_hash(token), ingetrokken_op__isnull=True)
        .first()
    )
