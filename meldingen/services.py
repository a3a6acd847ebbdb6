"""In-app notifications (`Melding`): sending, reading and marking them read.

`melding_versturen` is the one way in: any app (a workflow service, a reminder rule)
calls it with the people to notify and an `oorzaak` naming the cause. Each cause
reaches a person once (a unique constraint, inserts that ignore conflicts), nobody is
notified of their own change and inactive accounts are skipped.

Each person chooses per kind of notification (`soorten`) how it reaches them
(`MeldingVoorkeur`): only in the portal, at once by e-mail (one mail per notification,
queued on commit through the outbox `uitgaand`), or in the daily digest (the default:
`dagelijks_overzicht_versturen`, one mail a day listing the titles). The choice made
when a notification is sent is stored on it (`bezorging`).

An e-mail carries only titles and points to the portal: keep personal data out of
`titel` and put it in `tekst`, which only the portal shows.

The notifications page groups them per subject (`onderwerp`, such as "traject:12";
see `onderwerpen`).
"""

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import (
    CharField,
    Count,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    Window,
)
from django.db.models.functions import Cast, Coalesce, Concat, NullIf, RowNumber
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.tasks import mail_versturen
from core.uitgaand import alle_na_commit

from .models import STANDAARD_BEZORGING, Bezorging, Melding, MeldingVoorkeur
from .onderwerpen import onderwerp_uit_url
from .soorten import soort_van, soorten

# The digest lists at most this many titles; it says how many more there are.
OVERZICHT_MAX_TITELS = 30
# The group key of a notification without a subject (a group of its own).
LOS = "melding:"


def _naam(user) -> str:
    return user.first_name or user.get_username()


def _afsluiting() -> str:
    return _(
        "Bij Meldingen > Instellingen kies je per soort melding hoe je hem krijgt.\n\n"
        "Deze e-mail is automatisch verstuurd. Je kunt er niet op antwoorden."
    )


def _mailtekst(*, melding: Melding) -> str:
    return _(
        "Hallo %(naam)s,\n\n"
        "Er staat een nieuwe melding voor je klaar in het PLPV-portaal:\n\n"
        "%(titel)s\n\n"
        "Log in en kies Meldingen (het belletje bovenaan) om hem te lezen.\n\n"
        "%(afsluiting)s"
    ) % {
        "naam": _naam(melding.ontvanger),
        "titel": melding.titel,
        "afsluiting": _afsluiting(),
    }


@transaction.atomic
def melding_versturen(
    *,
    ontvangers: Iterable,
    oorzaak: str,
    titel: str,
    tekst: str = "",
    url: str = "",
    actor=None,
    onderwerp: str | None = None,
) -> int:
    """Notify each of `ontvangers` (users; None is skipped) once of `oorzaak`, except
    `actor` and inactive users. Whoever chose "direct per e-mail" for this kind of
    notification gets an e-mail queued on commit; the daily digest picks up the
    others who chose it. `onderwerp` groups it on the notifications page ("traject:12");
    without it, the subject of the page `url` points to (`onderwerpen`), if any.

    Returns how many notifications were new. At most four queries, whatever the number
    of ontvangers: their preferences for this kind, the insert, the read-back of the
    rows it added and (when someone wants it at once) the insert of their mails in
    the outbox.
    """
    actor_id = getattr(actor, "pk", None)
    per_id = {
        u.pk: u
        for u in ontvangers
        if u is not None and u.is_active and u.pk != actor_id
    }
    if not per_id:
        return 0
    if onderwerp is None:
        onderwerp = onderwerp_uit_url(url)
    voorkeuren = dict(
        MeldingVoorkeur.objects.filter(
            gebruiker_id__in=per_id, soort=soort_van(oorzaak)
        ).values_list("gebruiker_id", "bezorging")
    )
    bezorging = {pk: voorkeuren.get(pk, STANDAARD_BEZORGING) for pk in per_id}
    # One timestamp for this call: the rows carrying it are the ones this call added
    # (bulk_create with ignore_conflicts does not say which rows it inserted).
    nu = timezone.now()
    direct = {
        pk for pk, u in per_id.items() if bezorging[pk] == Bezorging.DIRECT and u.email
    }
    Melding.objects.bulk_create(
        [
            Melding(
                ontvanger_id=pk,
                actor_id=actor_id,
                oorzaak=oorzaak,
                titel=titel[:200],
                tekst=tekst,
                url=url,
                onderwerp=onderwerp or "",
                bezorging=bezorging[pk],
                # Queued below in this transaction (the outbox), so "mailed".
                gemaild_op=nu if pk in direct else None,
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
        if ontvanger_id in direct:
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
def meldingen_gelezen(
    *, user, ids: Iterable[int] | None = None, oorzaak: str | None = None
) -> int:
    """Mark the unread notifications of `user` as read (only those in `ids`, or of
    the cause `oorzaak`, when given); returns how many changed. Other people's
    notifications are never touched. An app passes `oorzaak` when what its
    notification asked for is done or no longer holds (a key picked up)."""
    qs = Melding.objects.filter(ontvanger=user).ongelezen()
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    if oorzaak is not None:
        qs = qs.filter(oorzaak=oorzaak)
    return qs.update(gelezen_op=timezone.now())


def groep_gelezen(*, user, groep: str) -> int:
    """Mark the unread notifications of one group of `user` (a key from
    `melding_groepen`) as read; returns how many changed."""
    ids = _in_groep(melding_list(user=user), groep).values_list("pk", flat=True)
    return meldingen_gelezen(user=user, ids=ids)


def _in_groep(qs: QuerySet[Melding], groep: str) -> QuerySet[Melding]:
    """The notifications in `qs` that belong to the group key `groep` (none for a key
    that names no group)."""
    if not groep or "\x00" in groep:
        return qs.none()
    if groep.startswith(LOS):
        pk = groep.removeprefix(LOS)
        if not (pk.isascii() and pk.isdigit()):
            return qs.none()
        return qs.filter(pk=int(pk), onderwerp="")
    return qs.filter(onderwerp=groep)


# --- preferences ---
def voorkeuren(*, user) -> dict[str, str]:
    """The delivery `user` chose per kind of notification (the default for the kinds
    without a choice), in the order of `soorten()`."""
    gekozen = dict(
        MeldingVoorkeur.objects.filter(gebruiker=user).values_list("soort", "bezorging")
    )
    return {s.code: gekozen.get(s.code, STANDAARD_BEZORGING) for s in soorten()}


@transaction.atomic
def voorkeuren_opslaan(*, user, keuzes: dict[str, str]) -> None:
    """Store the delivery `user` chose per kind; applies to notifications sent from
    now on. Refuses an unknown kind or delivery (and then stores nothing)."""
    codes = {s.code for s in soorten()}
    fouten = {
        soort: _("Kies een van de mogelijkheden.")
        for soort, bezorging in keuzes.items()
        if soort not in codes or bezorging not in Bezorging.values
    }
    if fouten:
        raise ValidationError(fouten)
    MeldingVoorkeur.objects.bulk_create(
        [
            MeldingVoorkeur(gebruiker=user, soort=soort, bezorging=bezorging)
            for soort, bezorging in keuzes.items()
        ],
        update_conflicts=True,
        unique_fields=["gebruiker", "soort"],
        update_fields=["bezorging"],
    )


# --- the daily digest ---
def _wachtend_op_overzicht() -> QuerySet[Melding]:
    return Melding.objects.filter(
        bezorging=Bezorging.DAGELIJKS,
        gemaild_op__isnull=True,
        gelezen_op__isnull=True,
        ontvanger__is_active=True,
    ).exclude(ontvanger__email="")


def _overzichttekst(*, user, titels: list[str]) -> str:
    per_titel = Counter(titels)
    regels = [
        f"- {titel}" if aantal == 1 else f"- {titel} ({aantal}x)"
        for titel, aantal in per_titel.items()
    ]
    meer = len(regels) - OVERZICHT_MAX_TITELS
    regels = regels[:OVERZICHT_MAX_TITELS]
    if meer > 0:
        regels.append(
            ngettext(
                "- en nog %(n)s andere melding", "- en nog %(n)s andere meldingen", meer
            )
            % {"n": meer}
        )
    kop = ngettext(
        "Er staat %(n)s nieuwe melding voor je klaar in het PLPV-portaal:",
        "Er staan %(n)s nieuwe meldingen voor je klaar in het PLPV-portaal:",
        len(titels),
    ) % {"n": len(titels)}
    return _(
        "Hallo %(naam)s,\n\n%(kop)s\n\n%(regels)s\n\n"
        "Log in en kies Meldingen (het belletje bovenaan) om ze te lezen.\n\n"
        "%(afsluiting)s"
    ) % {
        "naam": _naam(user),
        "kop": kop,
        "regels": "\n".join(regels),
        "afsluiting": _afsluiting(),
    }


@transaction.atomic
def _overzicht_versturen(*, ontvanger_id: int, tot: datetime) -> bool:
    # Locks the rows it mails (a second run at the same time skips them) and marks
    # them in the same transaction that queues the mail in the outbox: a crash
    # before the commit queues nothing and marks nothing.
    meldingen = list(
        _wachtend_op_overzicht()
        .filter(ontvanger_id=ontvanger_id, aangemaakt_op__lte=tot)
        .select_related("ontvanger")
        .select_for_update(of=("self",), skip_locked=True)
        .order_by("aangemaakt_op", "pk")
    )
    if not meldingen:
        return False
    ontvanger = meldingen[0].ontvanger
    alle_na_commit(
        mail_versturen,
        [
            (
                [],
                {
                    "onderwerp": _("Je nieuwe meldingen in het PLPV-portaal"),
                    "tekst": _overzichttekst(
                        user=ontvanger, titels=[m.titel for m in meldingen]
                    ),
                    "aan": [ontvanger.email],
                },
            )
        ],
    )
    Melding.objects.filter(pk__in=[m.pk for m in meldingen]).update(
        gemaild_op=timezone.now()
    )
    return True


def dagelijks_overzicht_versturen(*, tot: datetime | None = None) -> int:
    """Queue one e-mail for each person with unread notifications waiting for the daily
    digest (created up to `tot`, default now) that lists their titles, and mark them
    mailed. Each person in their own transaction; idempotent (a notification is in one
    digest only). Returns how many e-mails were queued."""
    tot = tot or timezone.now()
    ontvangers = (
        _wachtend_op_overzicht()
        .filter(aangemaakt_op__lte=tot)
        .order_by("ontvanger_id")
        .values_list("ontvanger_id", flat=True)
        .distinct()
    )
    return sum(
        _overzicht_versturen(ontvanger_id=pk, tot=tot) for pk in list(ontvangers)
    )


# --- reads (the user's own notifications only) ---
def melding_list(*, user) -> QuerySet[Melding]:
    """The notifications of `user`, newest first."""
    return Melding.objects.filter(ontvanger=user).order_by("-aangemaakt_op", "-pk")


def _met_groep(qs: QuerySet[Melding]) -> QuerySet[Melding]:
    return qs.annotate(
        groep=Coalesce(
            NullIf("onderwerp", Value("")),
            Concat(Value(LOS), Cast("pk", CharField())),
            output_field=CharField(),
        )
    )


def melding_groepen(*, user) -> QuerySet:
    """The notification groups of `user` (one per subject; a notification without a
    subject is a group of its own), newest first: dicts with `groep` (the key),
    `laatst`, `aantal` and `ongelezen`."""
    return (
        _met_groep(Melding.objects.filter(ontvanger=user))
        .values("groep")
        .annotate(
            laatst=Max("aangemaakt_op"),
            aantal=Count("pk"),
            ongelezen=Count("pk", filter=Q(gelezen_op__isnull=True)),
        )
        .order_by("-laatst", "groep")
    )


def groepen_inhoud(*, user, groepen: list[str], per_groep: int) -> dict[str, list]:
    """The newest `per_groep` notifications of each of `groepen` (one query)."""
    rijen = (
        _met_groep(Melding.objects.filter(ontvanger=user))
        .annotate(
            rang=Window(
                RowNumber(),
                partition_by=[F("groep")],
                order_by=[F("aangemaakt_op").desc(), F("pk").desc()],
            )
        )
        .filter(groep__in=groepen, rang__lte=per_groep)
        .order_by("-aangemaakt_op", "-pk")
    )
    inhoud: dict[str, list] = {g: [] for g in groepen}
    for melding in rijen:
        inhoud[melding.groep].append(melding)
    return inhoud


def groep_list(*, user, groep: str) -> QuerySet[Melding]:
    """All notifications of one group of `user`, newest first."""
    return _in_groep(melding_list(user=user), groep)


def ongelezen_aantal(*, user) -> int:
    """How many notifications of `user` are unread (one query)."""
    return Melding.objects.filter(ontvanger=user).ongelezen().count()


def ongelezen_aantal_expressie() -> Coalesce:
    """`ongelezen_aantal` as an expression for a query on users, so the header asks
    it together with what else it needs in one query (plpv_portal.context_processors)."""
    aantal = (
        Melding.objects.filter(ontvanger=OuterRef("pk"))
        .ongelezen()
        .order_by()
        .values("ontvanger")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(aantal), 0)


def geplande_acties_herinneren(
    momenten: Iterable, *, code: str, titel: str, ontvangers: Callable[..., list]
) -> int:
    """Notify `ontvangers(moment)` of each contact moment's planned next action
    (`core.models.BasisContactmoment`): the rules of kandidaten and leerbedrijven
    select the moments, this says it the same way. The date is part of the cause: a
    moved action is reminded again. Returns how many notifications were new."""
    nieuw = 0
    for moment in momenten:
        bij = getattr(moment, moment.eigenaar)
        nieuw += melding_versturen(
            ontvangers=ontvangers(moment),
            oorzaak=f"{code}:{moment.pk}:{moment.volgende_actie_op.isoformat()}",
            titel=titel,
            tekst=_("%(bij)s, %(datum)s: %(actie)s")
            % {
                "bij": bij,
                "datum": moment.volgende_actie_op.strftime("%d-%m-%Y"),
                "actie": moment.volgende_actie or _("volgende actie"),
            },
            url=bij.get_absolute_url(),
        )
    return nieuw
