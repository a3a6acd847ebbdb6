"""In-app notifications (`Melding`): sending, reading and marking them read.

`melding_versturen` is the one way in: any app (a workflow service, a reminder rule)
calls it with the people to notify and an `oorzaak` naming the cause. Each cause
reaches a person once (a unique constraint, inserts that ignore conflicts), nobody is
notified of their own change and inactive accounts are skipped. Every new
notification also queues one e-mail on commit (`tasks.mail_versturen`, through the
outbox `uitgaand`).

The e-mail carries only the titel and points to the portal: keep personal data out of
`titel` and put it in `tekst`, which only the portal shows.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.tasks import mail_versturen
from core.uitgaand import alle_na_commit

from .models import Melding


def _mailtekst(*, melding: Melding) -> str:
    naam = melding.ontvanger.first_name or melding.ontvanger.get_username()
    return _(
        "Hallo %(naam)s,\n\n"
        "Er staat een nieuwe melding voor je klaar in het PLPV-portaal:\n\n"
        "%(titel)s\n\n"
        "Log in en kies Meldingen (het belletje bovenaan) om hem te lezen.\n\n"
        "Deze e-mail is automatisch verstuurd. Je kunt er niet op antwoorden."
    ) % {"naam": naam, "titel": melding.titel}


@transaction.atomic
def melding_versturen(
    *,
    ontvangers: Iterable,
    oorzaak: str,
    titel: str,
    tekst: str = "",
    url: str = "",
    actor=None,
) -> int:
    """Notify each of `ontvangers` (users; None is skipped) once of `oorzaak`, except
    `actor` and inactive users; queues an e-mail per new notification on commit.

    Returns how many notifications were new. Three queries, whatever the number of
    ontvangers: the insert, the read-back of the rows it added and the insert of
    their mails in the outbox.
    """
    actor_id = getattr(actor, "pk", None)
    per_id = {
        u.pk: u
        for u in ontvangers
        if u is not None and u.is_active and u.pk != actor_id
    }
    if not per_id:
        return 0
    # One timestamp for this call: the rows carrying it are the ones this call added
    # (bulk_create with ignore_conflicts does not say which rows it inserted).
    nu = timezone.now()
    Melding.objects.bulk_create(
        [
            Melding(
                ontvanger_id=pk,
                actor_id=actor_id,
                oorzaak=oorzaak,
                titel=titel[:200],
                tekst=tekst,
                url=url,
                aangemaakt_op=nu,
            )
            for pk in per_id
        ],
        ignore_conflicts=True,
    )
    nieuw = list(
        Melding.objects.filter(
            ontvanger_id__in=per_id, oorzaak=oorzaak, aangemaakt_op=nu
        ).values_list("pk", "ontvanger_id")
    )
    mails = []
    for pk, ontvanger_id in nieuw:
        ontvanger = per_id[ontvanger_id]
        if ontvanger.email:
            melding = Melding(pk=pk, ontvanger=ontvanger, titel=titel)
            mails.append(
                {
                    "onderwerp": _("Nieuwe melding in het PLPV-portaal"),
                    "tekst": _mailtekst(melding=melding),
                    "aan": [ontvanger.email],
                }
            )
    # Through the outbox: a broker that is down delays the mails, never loses them.
    alle_na_commit(mail_versturen, [([], kw) for kw in mails])
    return len(nieuw)


@transaction.atomic
def meldingen_gelezen(*, user, ids: Iterable[int] | None = None) -> int:
    """Mark the unread notifications of `user` as read (only those in `ids`, when
    given); returns how many changed. Other people's notifications are never touched."""
    qs = Melding.objects.filter(ontvanger=user).ongelezen()
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(gelezen_op=timezone.now())


# --- reads (the user's own notifications only) ---
def melding_list(*, user) -> QuerySet[Melding]:
    """The notifications of `user`, newest first."""
    return Melding.objects.filter(ontvanger=user).order_by("-aangemaakt_op", "-pk")


def ongelezen_aantal(*, user) -> int:
    """How many notifications of `user` are unread (one query)."""
    return Melding.objects.filter(ontvanger=user).ongelezen().count()
