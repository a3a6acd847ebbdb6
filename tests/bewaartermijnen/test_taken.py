"""The due list and the daily task: who is due when, and a second run changes nothing."""

from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

import pytest
from auditlog.models import LogEntry

from bewaartermijnen.datums import maanden_erbij
from bewaartermijnen.models import Anonimisering, AnonimiseringReden
from bewaartermijnen.selectors import te_anonimiseren_list
from bewaartermijnen.tasks import bewaartermijnen_toepassen
from kandidaten.models import Kandidaat
from meldingen.models import Melding
from organisaties.constants import Rol
from tests.factories.kandidaten import ContactmomentFactory, KandidaatFactory
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.factories.trajecten import TrajectFactory
from tests.factories.uitkomsten import UitkomstFactory, VervolgmetingFactory

pytestmark = pytest.mark.django_db


def jaren_terug(jaren: int, dagen: int = 0):
    return maanden_erbij(timezone.localdate(), -12 * jaren) + timedelta(days=dagen)


def met_uitkomst(op, **traject_kwargs):
    """A candidate whose only traject ended with an outcome on `op`."""
    traject = TrajectFactory(
        afgesloten=True,
        einddatum=op,
        startdatum=op - timedelta(days=300),
        kandidaat__toestemming_op=op - timedelta(days=400),
        **traject_kwargs,
    )
    UitkomstFactory(traject=traject, datum=op)
    return traject.kandidaat


@pytest.fixture
def kandidaten():
    vandaag = timezone.localdate()
    return {
        # Outcome two years and a day ago: due, the task anonymises it today.
        "verlopen": met_uitkomst(jaren_terug(2, -1)),
        # Due in ten days: on the list, not anonymised today.
        "binnenkort": met_uitkomst(jaren_terug(2, 10)),
        # Due in two months: not on the list yet.
        "later": met_uitkomst(jaren_terug(2, 60)),
        # A running traject is never due, however old.
        "lopend": TrajectFactory(
            lopend=True, kandidaat__toestemming_op=jaren_terug(5)
        ).kandidaat,
        # The follow-up after a year was measured last month: counts from there.
        "nameting": VervolgmetingFactory(
            gemeten=True,
            gemeten_op=vandaag - timedelta(days=30),
            traject=TrajectFactory(afgesloten=True, einddatum=jaren_terug(3)),
        ).traject.kandidaat,
        # Never a traject, intake 13 months ago, no contact: due.
        "aanmelding": KandidaatFactory(toestemming_op=maanden_erbij(vandaag, -13)),
        # Never a traject, but contact half a year ago: not due.
        "contact": ContactmomentFactory(
            datum=maanden_erbij(vandaag, -6),
            kandidaat=KandidaatFactory(toestemming_op=maanden_erbij(vandaag, -13)),
        ).kandidaat,
    }


def test_te_anonimiseren_list_shows_the_coming_month(kandidaten, beheerder):
    vandaag = timezone.localdate()

    rijen = te_anonimiseren_list(user=beheerder, tot=maanden_erbij(vandaag, 1))

    per_id = {r.kandidaat_id: r for r in rijen}
    naam = {k.pk: n for n, k in kandidaten.items()}
    assert sorted(naam[pk] for pk in per_id) == ["aanmelding", "binnenkort", "verlopen"]
    binnenkort = per_id[kandidaten["binnenkort"].pk]
    assert binnenkort.op == vandaag + timedelta(days=10)
    assert binnenkort.met_traject
    assert not per_id[kandidaten["aanmelding"].pk].met_traject


def test_te_anonimiseren_list_only_in_the_beheerders_regions(kandidaten):
    elders = medewerker_met_rol(
        Rol.FUNCTIONEEL_BEHEERDER,
        organisatie=OrganisatieFactory(regios=[regio("AM01")]),
    )

    assert te_anonimiseren_list(user=elders, tot=timezone.localdate()) == []


def test_bewaartermijnen_toepassen_anonymises_what_is_due_and_is_idempotent(
    kandidaten, caplog
):
    oud = timezone.now() - timedelta(days=6 * 365)
    verlopen_sessie = Session.objects.create(
        session_key="oud", session_data="x", expire_date=timezone.now() - timedelta(1)
    )
    Session.objects.create(
        session_key="nieuw", session_data="x", expire_date=timezone.now() + timedelta(1)
    )
    ontvanger = kandidaten["lopend"].consulent
    Melding.objects.create(
        ontvanger=ontvanger,
        oorzaak="oud",
        titel="Oud",
        aangemaakt_op=timezone.now() - timedelta(days=91),
    )
    Melding.objects.create(ontvanger=ontvanger, oorzaak="nieuw", titel="Nieuw")
    LogEntry.objects.update(timestamp=oud)  # every entry so far: over 5 years old
    nieuwe_entry = LogEntry.objects.log_create(
        ontvanger, action=LogEntry.Action.ACCESS, force_log=True
    )

    with caplog.at_level("INFO", logger="bewaartermijnen.services"):
        telling = bewaartermijnen_toepassen.run()

    anoniem = set(
        Kandidaat.objects.filter(geanonimiseerd_op__isnull=False).values_list(
            "pk", flat=True
        )
    )
    assert anoniem == {kandidaten["verlopen"].pk, kandidaten["aanmelding"].pk}
    assert (
        set(
            Anonimisering.objects.filter(soort=AnonimiseringReden.TERMIJN).values_list(
                "kandidaat", flat=True
            )
        )
        == anoniem
    )
    assert telling["kandidaten"] == 2
    # Old audit entries, notifications and expired sessions are gone.
    assert not LogEntry.objects.filter(timestamp=oud).exists()
    assert LogEntry.objects.filter(pk=nieuwe_entry.pk).exists()
    assert list(Melding.objects.values_list("oorzaak", flat=True)) == ["nieuw"]
    assert not Session.objects.filter(pk=verlopen_sessie.pk).exists()
    assert Session.objects.filter(pk="nieuw").exists()
    # The log says what it did in counts, without a name or an id.
    bericht = caplog.records[-1].getMessage()
    assert "2 kandidaten geanonimiseerd" in bericht
    assert kandidaten["verlopen"].achternaam not in bericht
    assert str(kandidaten["verlopen"].pk) not in bericht.split(":")[0]

    # A second run finds nothing left to do and changes nothing.
    stand = list(Kandidaat.objects.order_by("pk").values())
    assert bewaartermijnen_toepassen.run() == {
        "kandidaten": 0,
        "audit": 0,
        "meldingen": 0,
        "sessies": 0,
    }
    assert list(Kandidaat.objects.order_by("pk").values()) == stand
    assert Anonimisering.objects.count() == 2


def test_the_task_is_in_the_beat_schedule():
    taken = {e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "bewaartermijnen.tasks.bewaartermijnen_toepassen" in taken


def test_maanden_erbij_keeps_the_end_of_the_month():
    from datetime import date

    assert maanden_erbij(date(2024, 3, 31), -1) == date(2024, 2, 29)
    assert maanden_erbij(date(2024, 2, 29), -12 * 2) == date(2022, 2, 28)
    assert maanden_erbij(date(2024, 1, 15), 13) == date(2025, 2, 15)
