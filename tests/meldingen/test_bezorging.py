"""How notifications reach people: kinds, preferences, subjects and the daily digest."""

import time
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

import pytest

from core.models import UitgaandeTaak
from core.tasks import mail_versturen
from meldingen import services
from meldingen.models import Bezorging, Melding, MeldingVoorkeur
from meldingen.onderwerpen import onderwerp_uit_url
from meldingen.services import (
    dagelijks_overzicht_versturen,
    melding_versturen,
    voorkeuren,
    voorkeuren_opslaan,
)
from meldingen.soorten import soort_van, soorten
from meldingen.tasks import dagelijks_overzicht_versturen as overzicht_taak
from organisaties.constants import Rol
from tests.factories.organisaties import MedewerkerFactory, medewerker_met_rol

pytestmark = pytest.mark.django_db


def versturen(ontvangers, oorzaak="test:1", titel="Er is iets veranderd", **kwargs):
    return melding_versturen(
        ontvangers=ontvangers,
        oorzaak=oorzaak,
        titel=titel,
        tekst="Halima Haddou: bellen",
        **kwargs,
    )


def overzichtmails():
    """The digest mails queued in the outbox (kwargs of mail_versturen)."""
    return [
        t.kwargs
        for t in UitgaandeTaak.objects.filter(taak=mail_versturen.name).order_by("pk")
    ]


# --- kinds ---
def test_kinds_come_from_the_apps_and_the_reminder_rules():
    assert soort_van("ondertekend:3:kandidaat") == "ondertekeningen"
    assert soort_van("traject_status:8") == "trajectstatus"
    assert soort_van("borging:2") == "beoordeling"
    # A reminder rule's code is its oorzaak prefix: a reminder, unless an app
    # claimed the prefix for a kind of its own.
    assert soort_van("einddatum_nadert:1:2026-12-01") == "herinneringen"
    assert soort_van("volgende_actie:1:2026-12-01") == "herinneringen"
    assert soort_van("uitkomst_ontbreekt:1") == "uitkomsten"
    assert soort_van("overeenkomst_ongetekend:4") == "ondertekeningen"
    assert soort_van("iets_onbekends:1") == "overig"
    codes = [s.code for s in soorten()]
    assert codes[-2:] == ["herinneringen", "overig"]
    assert {"ondertekeningen", "trajectstatus", "beoordeling", "uitkomsten"} <= set(
        codes
    )


# --- subjects ---
def test_the_subject_comes_from_the_link_or_the_caller():
    assert onderwerp_uit_url("/trajecten/12/") == "traject:12"
    assert onderwerp_uit_url("/trajecten/12/?tab=x#y") == "traject:12"
    assert onderwerp_uit_url("/verklaringen/traject/12/observatie/") == "traject:12"
    assert onderwerp_uit_url("/kandidaten/") is None
    assert onderwerp_uit_url("/bestaat/niet/") is None
    assert onderwerp_uit_url("") is None


def test_melding_versturen_stores_the_subject(consulent):
    versturen([consulent], oorzaak="a", url="/trajecten/12/")
    versturen([consulent], oorzaak="b", url="/kandidaten/")
    versturen([consulent], oorzaak="c", url="/kandidaten/", onderwerp="traject:7")

    onderwerpen = dict(Melding.objects.values_list("oorzaak", "onderwerp"))
    assert onderwerpen == {"a": "traject:12", "b": "", "c": "traject:7"}


# --- preferences ---
def test_the_default_is_the_daily_digest_for_every_kind(consulent):
    assert set(voorkeuren(user=consulent).values()) == {Bezorging.DAGELIJKS}


def test_voorkeuren_opslaan_stores_and_changes_per_kind(consulent, jobcoach):
    voorkeuren_opslaan(user=consulent, keuzes={"herinneringen": Bezorging.PORTAAL})
    voorkeuren_opslaan(
        user=consulent,
        keuzes={"herinneringen": Bezorging.DIRECT, "overig": Bezorging.PORTAAL},
    )

    keuzes = voorkeuren(user=consulent)
    assert keuzes["herinneringen"] == Bezorging.DIRECT
    assert keuzes["overig"] == Bezorging.PORTAAL
    assert keuzes["ondertekeningen"] == Bezorging.DAGELIJKS
    assert MeldingVoorkeur.objects.filter(gebruiker=consulent).count() == 2
    assert voorkeuren(user=jobcoach)["herinneringen"] == Bezorging.DAGELIJKS


@pytest.mark.parametrize(
    "keuzes",
    [{"herinneringen": "wekelijks"}, {"bestaat_niet": Bezorging.DIRECT}],
)
def test_voorkeuren_opslaan_refuses_unknown_values_and_stores_nothing(
    consulent, keuzes
):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        voorkeuren_opslaan(user=consulent, keuzes={"overig": "direct", **keuzes})
    assert not MeldingVoorkeur.objects.exists()


def test_the_database_refuses_an_unknown_delivery_and_a_second_row(consulent):
    with pytest.raises(IntegrityError), transaction.atomic():
        MeldingVoorkeur.objects.create(gebruiker=consulent, soort="x", bezorging="nu")
    MeldingVoorkeur.objects.create(gebruiker=consulent, soort="x", bezorging="direct")
    with pytest.raises(IntegrityError), transaction.atomic():
        MeldingVoorkeur.objects.create(
            gebruiker=consulent, soort="x", bezorging="portaal"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Melding.objects.create(
            ontvanger=consulent, oorzaak="y", titel="y", bezorging="nu"
        )


# --- the three delivery modes ---
def test_each_person_gets_the_kind_as_they_chose(
    django_capture_on_commit_callbacks, mailoutbox
):
    direct, portaal, dagelijks = MedewerkerFactory.create_batch(3)
    voorkeuren_opslaan(user=direct, keuzes={"ondertekeningen": Bezorging.DIRECT})
    voorkeuren_opslaan(user=portaal, keuzes={"ondertekeningen": Bezorging.PORTAAL})
    # A choice for another kind changes nothing for this one.
    voorkeuren_opslaan(user=dagelijks, keuzes={"herinneringen": Bezorging.DIRECT})

    with django_capture_on_commit_callbacks(execute=True):
        versturen(
            [direct, portaal, dagelijks],
            oorzaak="ondertekend:1:kandidaat",
            titel="Er is een overeenkomst getekend",
        )

    # Everyone sees it in the portal; only "direct" got a mail now.
    assert Melding.objects.count() == 3
    assert [m.to for m in mailoutbox] == [[direct.email]]
    bezorging = dict(Melding.objects.values_list("ontvanger", "bezorging"))
    assert bezorging == {
        direct.pk: Bezorging.DIRECT,
        portaal.pk: Bezorging.PORTAAL,
        dagelijks.pk: Bezorging.DAGELIJKS,
    }

    # The digest mails only the one who chose it.
    with django_capture_on_commit_callbacks(execute=True):
        assert dagelijks_overzicht_versturen() == 1
    assert [m.to for m in mailoutbox] == [[direct.email], [dagelijks.email]]
    assert "Er is een overeenkomst getekend" in mailoutbox[1].body


# --- the daily digest ---
def test_the_digest_lists_titles_only_once_per_person_and_marks_them(
    consulent, jobcoach
):
    versturen([consulent, jobcoach], oorzaak="a:1", titel="Een traject is gestart")
    versturen([consulent], oorzaak="a:2", titel="Een traject is gestart")
    versturen([consulent], oorzaak="b:1", titel="Tijd voor een observatie")
    versturen([consulent], oorzaak="c:1", titel="Al gelezen")
    Melding.objects.filter(oorzaak="c:1").update(gelezen_op=timezone.now())

    assert dagelijks_overzicht_versturen() == 2

    mails = overzichtmails()
    assert [m["aan"] for m in mails] == [[consulent.email], [jobcoach.email]]
    eerste = mails[0]
    assert eerste["onderwerp"] == "Je nieuwe meldingen in het PLPV-portaal"
    assert "Hallo Jessica," in eerste["tekst"]
    assert "Er staan 3 nieuwe meldingen voor je klaar" in eerste["tekst"]
    assert (
        "- Een traject is gestart (2x)\n- Tijd voor een observatie" in eerste["tekst"]
    )
    # No personal data: the text of a notification stays in the portal; read ones
    # are not mailed.
    assert "Halima" not in eerste["tekst"]
    assert "Al gelezen" not in eerste["tekst"]
    assert "Er staat 1 nieuwe melding voor je klaar" in mails[1]["tekst"]
    assert not Melding.objects.filter(
        gemaild_op__isnull=True, gelezen_op__isnull=True
    ).exists()


def test_the_digest_is_idempotent(consulent):
    versturen([consulent], oorzaak="a:1")
    assert dagelijks_overzicht_versturen() == 1
    assert dagelijks_overzicht_versturen() == 0
    assert len(overzichtmails()) == 1

    # Only what is new since goes into the next digest.
    versturen([consulent], oorzaak="a:2", titel="Iets nieuws")
    assert dagelijks_overzicht_versturen() == 1
    assert len(overzichtmails()) == 2
    assert "Iets nieuws" in overzichtmails()[1]["tekst"]
    assert "Er is iets veranderd" not in overzichtmails()[1]["tekst"]


def test_the_digest_skips_inactive_people_and_people_without_an_address(consulent):
    oud = medewerker_met_rol(Rol.CONSULENT)
    zonder_adres = MedewerkerFactory(email="")
    versturen([consulent, oud, zonder_adres])
    oud.is_active = False
    oud.save()

    assert dagelijks_overzicht_versturen() == 1
    assert [m["aan"] for m in overzichtmails()] == [[consulent.email]]


def test_the_digest_takes_only_what_was_there_when_it_started(consulent):
    versturen([consulent], oorzaak="a:1")
    Melding.objects.update(aangemaakt_op=timezone.now() + timedelta(minutes=5))
    assert dagelijks_overzicht_versturen() == 0
    assert dagelijks_overzicht_versturen(tot=timezone.now() + timedelta(minutes=6)) == 1


def test_a_crash_halfway_sends_nothing_twice(consulent, jobcoach, monkeypatch):
    versturen([consulent, jobcoach])
    echt = services._overzichttekst

    def stuk(*, user, titels):
        if user == jobcoach:
            raise RuntimeError("crash")
        return echt(user=user, titels=titels)

    monkeypatch.setattr(services, "_overzichttekst", stuk)
    with pytest.raises(RuntimeError):
        dagelijks_overzicht_versturen()
    # The first person's digest is queued and marked; the second's neither.
    assert [m["aan"] for m in overzichtmails()] == [[consulent.email]]
    assert Melding.objects.get(ontvanger=consulent).gemaild_op is not None
    assert Melding.objects.get(ontvanger=jobcoach).gemaild_op is None

    monkeypatch.setattr(services, "_overzichttekst", echt)
    assert dagelijks_overzicht_versturen() == 1
    assert [m["aan"] for m in overzichtmails()] == [[consulent.email], [jobcoach.email]]


def test_the_digest_is_a_daily_beat_task(consulent):
    taak = settings.CELERY_BEAT_SCHEDULE["meldingen-dagelijks-overzicht"]
    assert taak["task"] == overzicht_taak.name
    assert taak["schedule"].hour == {7}
    assert taak["schedule"].minute == {30}

    versturen([consulent])
    assert overzicht_taak.delay().get() == 1
    assert overzicht_taak.delay().get() == 0


@pytest.mark.worker
def test_the_digest_runs_in_a_real_worker_and_mails_once(celery_worker, consulent):
    """The beat task in the worker queues the digest through the outbox; the worker
    sends it. A second run sends nothing new."""
    titel = f"Overzichtstest {consulent.pk}"
    versturen([consulent], oorzaak="overzicht:1", titel=titel)

    def mails() -> list[str]:
        return [
            inhoud
            for f in celery_worker.mail_dir.iterdir()
            if f.is_file()
            and f"To: {consulent.email}" in (inhoud := f.read_text(errors="replace"))
            and titel in inhoud
        ]

    assert overzicht_taak.delay().get(timeout=30) == 1
    for _ in range(100):
        if mails():
            break
        time.sleep(0.2)
    assert len(mails()) == 1
    assert "Je nieuwe meldingen in het PLPV-portaal" in mails()[0]
    assert "Halima" not in mails()[0]
    assert Melding.objects.get().gemaild_op is not None

    assert overzicht_taak.delay().get(timeout=30) == 0
    time.sleep(1)
    assert len(mails()) == 1
