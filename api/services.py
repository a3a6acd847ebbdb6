"""Writes of the API's own model: making and revoking a client (telling the medewerker
when a key waits for them), noting its last use. The reads are in `selectors`."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import bijwerken
from meldingen.services import melding_versturen, meldingen_gelezen

from .models import ApiClient, nieuw_token, token_hash
from .selectors import medewerkers_voor_clients

# The last use is written at most once per this period (not on every request).
GEBRUIK_INTERVAL = timedelta(minutes=1)
# The oorzaak prefix of "a key waits for you" (meldingen: kind "overig").
SLEUTEL_KLAAR = "api_sleutel_klaar"


def _sleutel_zetten(client: ApiClient) -> str:
    token = nieuw_token()
    client.token_hash = token_hash(token)
    client.token_begin = token[:9]
    client.opgehaald_op = timezone.now()
    return token


@transaction.atomic
def apiclient_aanmaken(
    *, naam: str, medewerker, door=None
) -> tuple[ApiClient, str | None]:
    """A new client acting as `medewerker`. With `door` (the person making it), the
    medewerker must be within their reach; a client never acts as a superuser.

    The key belongs to the medewerker and only they see it: made for oneself (or
    without `door`: scripts, tests), the key is returned at once; made by a beheerder
    for someone else, no key exists yet (None) and the medewerker picks it up once,
    logged in as themselves (`apiclient_ophalen`). A beheerder so never holds a key
    that reads what their own role may not (a consulent's candidates, say). Only its
    hash is ever stored."""
    if medewerker.is_superuser or (
        door is not None
        and not medewerkers_voor_clients(door).filter(pk=medewerker.pk).exists()
    ):
        raise PermissionDenied("Geen API-koppeling voor deze medewerker.")
    client = ApiClient(naam=naam, medewerker=medewerker)
    if door is None or door.pk == medewerker.pk:
        token = _sleutel_zetten(client)
    else:
        token = None
        # A placeholder nobody knows (unique, like every hash); no key works until
        # the pick-up, which `client_bij_token` checks as well.
        client.token_hash = token_hash(nieuw_token())
        client.token_begin = ""
    client.full_clean()
    client.save()
    if token is None:
        _sleutel_klaar_melden(client=client, door=door)
    return client, token


def _oorzaak(client: ApiClient) -> str:
    return f"{SLEUTEL_KLAAR}:{client.pk}"


def _sleutel_klaar_melden(*, client: ApiClient, door) -> None:
    # Only a key that waits is told about: made for oneself (or by a script) the
    # key was shown at once. The title goes into e-mails too: no names in it.
    melding_versturen(
        ontvangers=[client.medewerker],
        oorzaak=_oorzaak(client),
        titel=_("Er staat een API-sleutel voor je klaar"),
        tekst=_(
            "De functioneel beheerder heeft de koppeling %(naam)s voor je gemaakt. "
            "Haal de sleutel op bij API-sleutels. Dat kan één keer, en alleen als je "
            "met je eigen account bent ingelogd. Tot dan werkt de koppeling niet."
        )
        % {"naam": client.naam},
        url=reverse("api_sleutels:sleutels"),
        actor=door,
    )


@transaction.atomic
def apiclient_ophalen(*, client: ApiClient, door) -> str:
    """The medewerker picks up their client's key: made now, shown once. Only the
    medewerker themselves, only once (a second tab finds it picked up already)."""
    client = ApiClient.objects.select_for_update().get(pk=client.pk)
    if client.medewerker_id != door.pk or not client.wacht_op_ophalen:
        raise PermissionDenied("Deze sleutel is al opgehaald of niet van jou.")
    token = _sleutel_zetten(client)
    client.save(
        update_fields=["token_hash", "token_begin", "opgehaald_op", "updated_at"]
    )
    # Done what the notification asked: it no longer counts as unread.
    meldingen_gelezen(user=door, oorzaak=_oorzaak(client))
    return token


@transaction.atomic
def apiclient_intrekken(*, client: ApiClient) -> ApiClient:
    """Revoke: the token stops working at once. The row stays, for the audit trail.
    Nobody is notified; a notice that its key waits no longer holds, so it is marked
    read (the pick-up page says the client is revoked)."""
    if client.ingetrokken_op is None:
        client.ingetrokken_op = timezone.now()
        client.save(update_fields=["ingetrokken_op", "updated_at"])
        if client.opgehaald_op is None:
            meldingen_gelezen(user=client.medewerker, oorzaak=_oorzaak(client))
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
        .filter(
            token_hash=token_hash(token),
            ingetrokken_op__isnull=True,
            opgehaald_op__isnull=False,
            # Should someone become superuser later, their clients stop working.
            medewerker__is_superuser=False,
        )
        .first()
    )
