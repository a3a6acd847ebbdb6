"""Access for a candidate to their own pages, without a password.

1. The consulent gives access from the candidate page: a one-time link by e-mail
   (`toegang_link_versturen`, valid MIJN_LINK_GELDIG_UREN) or a printed one-time code
   (`toegang_code_maken`, valid MIJN_CODE_GELDIG_DAGEN). A new one of the same kind
   replaces the earlier unused one. Only the SHA-256 of the secret is stored.
2. The candidate opens the link or types the code (`toegang_vinden`), then confirms
   with their date of birth (`toegang_bevestigen`). A right date uses the access up
   (single use); a wrong one counts, and after MIJN_MAX_FOUTE_GEBOORTEDATUM wrong
   dates the access is burned. The views count every failure per client address in
   the shared cache as well (`core.ratelimit`).
"""

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.audit import bijwerken
from core.tasks import mail_versturen
from core.uitgaand import na_commit
from kandidaten.models import Kandidaat

from .constants import CODE_LENGTE, CODE_TEKENS, ToegangSoort
from .models import Toegang, sleutel_hash


@dataclass(frozen=True)
class NieuweToegang:
    toegang: Toegang
    sleutel: str  # the secret itself: shown or mailed once, never stored


def code_normaliseren(code: str) -> str:
    """What the candidate typed, without spaces or dashes, in capitals."""
    return "".join(t for t in code.upper() if t.isalnum())


def code_opmaken(code: str) -> str:
    """ABCD-EFGH-JKMN: groups of four are easier to copy from paper."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def _nieuw(
    *, kandidaat: Kandidaat, soort: str, door, geldig: timedelta
) -> NieuweToegang:
    if soort == ToegangSoort.LINK:
        sleutel = secrets.token_urlsafe(32)
    else:
        sleutel = "".join(secrets.choice(CODE_TEKENS) for _ in range(CODE_LENGTE))
    nu = timezone.now()
    # The earlier unused one of this kind stops working: one way in at a time.
    bijwerken(
        Toegang.objects.bruikbaar().filter(kandidaat=kandidaat, soort=soort),
        vervallen_op=nu,
    )
    toegang = Toegang.objects.create(
        kandidaat=kandidaat,
        soort=soort,
        sleutel_hash=sleutel_hash(sleutel),
        geldig_tot=nu + geldig,
        aangemaakt_door=door,
    )
    return NieuweToegang(toegang=toegang, sleutel=sleutel)


def _mailtekst(*, kandidaat: Kandidaat, door, link: str, uren: int) -> str:
    return _(
        "Hallo %(naam)s,\n\n"
        "%(consulent)s heeft voor jou een link gemaakt. Met de link kijk je in het "
        "PLPV-portaal naar je eigen traject: wat je al kunt, je afspraken en je "
        "praktijkverklaringen.\n\n"
        "Klik op deze link:\n%(link)s\n\n"
        "Je hebt je geboortedatum nodig. De link werkt %(uren)s uur en maar één keer.\n"
        "Werkt de link niet meer? Vraag je consulent om een nieuwe.\n\n"
        "Deze e-mail is automatisch verstuurd. Je kunt er niet op antwoorden."
    ) % {
        "naam": kandidaat.voornaam,
        "consulent": door.get_full_name() or _("Je consulent"),
        "link": link,
        "uren": uren,
    }


@transaction.atomic
def toegang_link_versturen(*, kandidaat: Kandidaat, door, basis_url: str) -> Toegang:
    """Make a one-time link and mail it to the candidate (queued on commit through
    the outbox). Refuses a candidate without an e-mail address."""
    if not kandidaat.email:
        raise ValidationError(
            _("Er is geen e-mailadres van deze kandidaat. Druk een code af.")
        )
    uren = settings.MIJN_LINK_GELDIG_UREN
    nieuw = _nieuw(
        kandidaat=kandidaat,
        soort=ToegangSoort.LINK,
        door=door,
        geldig=timedelta(hours=uren),
    )
    link = basis_url.rstrip("/") + reverse("mijn:link", args=[nieuw.sleutel])
    na_commit(
        mail_versturen,
        kwargs={
            "onderwerp": _("Jouw link naar het PLPV-portaal"),
            "tekst": _mailtekst(kandidaat=kandidaat, door=door, link=link, uren=uren),
            "aan": [kandidaat.email],
        },
    )
    return nieuw.toegang


@transaction.atomic
def toegang_code_maken(*, kandidaat: Kandidaat, door) -> NieuweToegang:
    """Make a one-time code to print and hand to the candidate; the code itself is
    returned once and not stored."""
    return _nieuw(
        kandidaat=kandidaat,
        soort=ToegangSoort.CODE,
        door=door,
        geldig=timedelta(days=settings.MIJN_CODE_GELDIG_DAGEN),
    )


def toegang_vinden(*, sleutel: str, soort: str) -> Toegang | None:
    """The usable access with this link token or code, or None (unknown, used,
    burned, replaced or expired: the caller shows one page for all of them)."""
    if soort == ToegangSoort.CODE:
        sleutel = code_normaliseren(sleutel)
    if not sleutel or len(sleutel) > 100:
        return None
    return (
        Toegang.objects.bruikbaar()
        .filter(soort=soort, sleutel_hash=sleutel_hash(sleutel))
        .first()
    )


@transaction.atomic
def toegang_bevestigen(*, toegang_id: int, geboortedatum: date) -> Kandidaat | None:
    """Check the date of birth against the access. Right: the access is used up and
    the candidate returned. Wrong: the failure is counted (and the access burned at
    the limit); returns None. None as well when the access is no longer usable."""
    toegang = (
        Toegang.objects.bruikbaar()
        .select_for_update()
        .select_related("kandidaat")
        .filter(pk=toegang_id)
        .first()
    )
    if toegang is None:
        return None
    nu = timezone.now()
    if toegang.kandidaat.geboortedatum != geboortedatum:
        # The row is locked: a plain increment cannot lose a concurrent failure.
        toegang.mislukte_pogingen += 1
        velden = ["mislukte_pogingen"]
        if toegang.mislukte_pogingen >= settings.MIJN_MAX_FOUTE_GEBOORTEDATUM:
            toegang.vervallen_op = nu
            velden.append("vervallen_op")
        toegang.save(update_fields=velden)
        return None
    toegang.gebruikt_op = nu
    toegang.save(update_fields=["gebruikt_op"])
    return toegang.kandidaat


FOUTE_GEBOORTEDATUM = _lazy(
    "Deze geboortedatum klopt niet. Kijk goed en probeer het nog een keer."
)


def toegang_bruikbaar(toegang_id: int) -> bool:
    """Whether the access still works (after a wrong date of birth: not burned)."""
    return Toegang.objects.bruikbaar().filter(pk=toegang_id).exists()
