"""melding_versturen and meldingen_gelezen: once per cause, never to the actor."""

import pytest

from meldingen.models import Bezorging, Melding
from meldingen.services import (
    melding_list,
    melding_versturen,
    meldingen_gelezen,
    ongelezen_aantal,
    ongelezen_aantal_expressie,
    voorkeuren_opslaan,
)
from organisaties.constants import Rol
from tests.factories.organisaties import MedewerkerFactory, medewerker_met_rol

pytestmark = pytest.mark.django_db


def versturen(ontvangers, oorzaak="test:1", **kwargs):
    return melding_versturen(
        ontvangers=ontvangers, oorzaak=oorzaak, titel="Er is iets veranderd", **kwargs
    )


def test_melding_versturen_skips_the_actor(consulent, jobcoach):
    assert versturen([consulent, jobcoach], actor=consulent) == 1

    melding = Melding.objects.get()
    assert melding.ontvanger == jobcoach
    assert melding.actor == consulent


def test_melding_versturen_sends_once_per_cause(consulent, jobcoach):
    assert versturen([consulent, jobcoach]) == 2
    assert versturen([consulent, jobcoach]) == 0
    assert versturen([consulent]) == 0
    assert versturen([consulent], oorzaak="test:2") == 1

    assert Melding.objects.filter(ontvanger=consulent).count() == 2
    assert Melding.objects.filter(ontvanger=jobcoach).count() == 1


def test_melding_versturen_skips_inactive_users_none_and_duplicates(consulent):
    oud = medewerker_met_rol(Rol.CONSULENT, is_active=False)

    assert versturen([consulent, None, oud, consulent]) == 1
    assert list(Melding.objects.values_list("ontvanger", flat=True)) == [consulent.pk]


def test_melding_versturen_queues_one_mail_per_new_notification_on_commit(
    consulent, django_capture_on_commit_callbacks, mailoutbox
):
    """For whoever chose "direct per e-mail" (no longer the default: the digest is)."""
    zonder_adres = MedewerkerFactory(email="")
    for user in (consulent, zonder_adres):
        voorkeuren_opslaan(user=user, keuzes={"overig": Bezorging.DIRECT})

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        versturen([consulent, zonder_adres], tekst="Halima Haddou: bellen")
        versturen([consulent, zonder_adres], tekst="Halima Haddou: bellen")

    assert len(callbacks) == 1
    assert [m.to for m in mailoutbox] == [[consulent.email]]
    mail = mailoutbox[0]
    assert mail.subject == "Nieuwe melding in het PLPV-portaal"
    assert "Er is iets veranderd" in mail.body
    # The text of a notification may name a candidate: it stays in the portal.
    assert "Halima" not in mail.body
    assert "Meldingen > Instellingen" in mail.body
    melding = Melding.objects.get(ontvanger=consulent)
    assert melding.bezorging == Bezorging.DIRECT
    assert melding.gemaild_op is not None
    # Without an address nothing was mailed, so the row does not say it was.
    assert Melding.objects.get(ontvanger=zonder_adres).gemaild_op is None


def test_melding_versturen_takes_four_queries_for_any_number_of_people(
    django_assert_num_queries,
):
    mensen = MedewerkerFactory.create_batch(5)
    for user in mensen[:3]:
        voorkeuren_opslaan(user=user, keuzes={"overig": Bezorging.DIRECT})

    # savepoint, preferences, insert, read-back, the mails into the outbox, release
    with django_assert_num_queries(6):
        assert versturen(mensen) == 5
    # Nobody wants it at once: no outbox insert.
    with django_assert_num_queries(5):
        assert versturen(mensen[3:], oorzaak="test:2") == 2


def test_meldingen_gelezen_marks_only_the_users_own(consulent, jobcoach):
    versturen([consulent, jobcoach], oorzaak="a")
    versturen([consulent, jobcoach], oorzaak="b")
    eerste = Melding.objects.get(ontvanger=consulent, oorzaak="a")
    van_ander = Melding.objects.get(ontvanger=jobcoach, oorzaak="a")

    assert meldingen_gelezen(user=consulent, ids=[eerste.pk, van_ander.pk]) == 1
    assert ongelezen_aantal(user=consulent) == 1
    assert ongelezen_aantal(user=jobcoach) == 2

    assert meldingen_gelezen(user=consulent) == 1
    assert meldingen_gelezen(user=consulent) == 0
    assert ongelezen_aantal(user=consulent) == 0


def test_meldingen_gelezen_of_one_cause(consulent, jobcoach):
    versturen([consulent, jobcoach], oorzaak="a:1")
    versturen([consulent], oorzaak="a:2")

    assert meldingen_gelezen(user=consulent, oorzaak="a:1") == 1
    assert meldingen_gelezen(user=consulent, oorzaak="a:1") == 0
    assert set(Melding.objects.ongelezen().values_list("ontvanger", "oorzaak")) == {
        (jobcoach.pk, "a:1"),
        (consulent.pk, "a:2"),
    }


def test_the_unread_count_as_an_expression(consulent, jobcoach, beheerder):
    versturen([consulent, jobcoach], oorzaak="a")
    versturen([consulent], oorzaak="b")
    meldingen_gelezen(user=jobcoach)

    aantallen = dict(
        type(consulent)
        .objects.filter(pk__in=[consulent.pk, jobcoach.pk, beheerder.pk])
        .annotate(n=ongelezen_aantal_expressie())
        .values_list("pk", "n")
    )
    assert aantallen == {consulent.pk: 2, jobcoach.pk: 0, beheerder.pk: 0}
    assert aantallen[consulent.pk] == ongelezen_aantal(user=consulent)


def test_melding_list_is_newest_first_and_own_only(consulent, jobcoach):
    versturen([consulent], oorzaak="oud")
    versturen([consulent, jobcoach], oorzaak="nieuw")

    assert [m.oorzaak for m in melding_list(user=consulent)] == ["nieuw", "oud"]
    assert [m.oorzaak for m in melding_list(user=jobcoach)] == ["nieuw"]
