"""The read replica (core/replica.py) against a real PostgreSQL streaming replica.

scripts/test-stack.sh starts the replica (pg_basebackup, hot standby) next to the test
PostgreSQL with the whole suite or `-m replica`; where it cannot start, these tests
are skipped. The test pauses the replica's replay, so that the primary and the replica
differ, and sees which one a page read.
"""

import time
from contextlib import contextmanager

from django.conf import settings
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from core.replica import van_replica
from kandidaten.models import Kandidaat
from tests.factories.kandidaten import KandidaatFactory

HEEFT_REPLICA = "replica" in settings.DATABASES

pytestmark = [
    pytest.mark.replica,
    pytest.mark.skipif(not HEEFT_REPLICA, reason="no streaming replica started"),
    pytest.mark.django_db(
        transaction=True,
        databases=["default", "replica"] if HEEFT_REPLICA else ["default"],
    ),
]


def replica_bijgewerkt(seconden=20):
    """Wait until the replica replayed everything the primary committed. The insert
    position, not pg_current_wal_lsn(): with synchronous_commit=off (the test stack) a
    commit can still be in the WAL buffers, beyond the position written so far."""
    with connections["default"].cursor() as c:
        c.execute("SELECT pg_current_wal_insert_lsn()")
        lsn = c.fetchone()[0]
    eind = time.monotonic() + seconden
    while time.monotonic() < eind:
        with connections["replica"].cursor() as c:
            c.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [lsn])
            if c.fetchone()[0]:
                return
        time.sleep(0.1)
    raise AssertionError("the replica did not catch up")


@contextmanager
def replay_gepauzeerd():
    """The replica stops applying the primary's changes until the block ends."""
    with connections["replica"].cursor() as c:
        c.execute("SELECT pg_wal_replay_pause()")
        # A request: recovery pauses at its next record.
        eind = time.monotonic() + 20
        while time.monotonic() < eind:
            c.execute("SELECT pg_get_wal_replay_pause_state()")
            if c.fetchone()[0] == "paused":
                break
            time.sleep(0.05)
    try:
        yield
    finally:
        with connections["replica"].cursor() as c:
            c.execute("SELECT pg_wal_replay_resume()")


@pytest.fixture
def replica_aan(settings):
    settings.DATABASE_REPLICA_ROUTES = [
        "rapportage:dashboard",
        "rapportage:vergelijking",
    ]


def test_the_replica_is_a_real_standby_and_reads_are_routed_there(consulent):
    with connections["replica"].cursor() as c:
        c.execute("SELECT pg_is_in_recovery()")
        assert c.fetchone()[0] is True

    KandidaatFactory(consulent=consulent)
    replica_bijgewerkt()
    with replay_gepauzeerd():
        KandidaatFactory(consulent=consulent)  # only on the primary for now
        assert Kandidaat.objects.count() == 2
        with van_replica():
            assert Kandidaat.objects.count() == 1
            # Writes always go to the primary, also of an object read from the replica.
            kandidaat = Kandidaat.objects.first()
            kandidaat.achternaam = "Vanaf-de-replica"
            kandidaat.save(update_fields=["achternaam"])
    replica_bijgewerkt()
    with van_replica():
        assert Kandidaat.objects.count() == 2
        assert Kandidaat.objects.filter(achternaam="Vanaf-de-replica").exists()


def test_the_dashboard_reads_from_the_replica_the_session_from_the_primary(
    client, coordinator, replica_aan
):
    replica_bijgewerkt()
    with replay_gepauzeerd():
        # The login is saved on the primary only: the session must come from there.
        client.force_login(coordinator)
        with (
            CaptureQueriesContext(connections["replica"]) as replica,
            CaptureQueriesContext(connections["default"]) as primair,
        ):
            response = client.get(reverse("rapportage:dashboard"))
        assert response.status_code == 200
        assert replica.captured_queries, "the dashboard read nothing from the replica"
        schrijven = [
            q["sql"]
            for q in replica.captured_queries
            if not q["sql"].lstrip().upper().startswith(("SELECT", "WITH"))
            # a server-side cursor (`.iterator()`) over a SELECT
            and " FOR SELECT " not in q["sql"].upper()
        ]
        assert not schrijven
        assert any("django_session" in q["sql"] for q in primair.captured_queries)
        assert not any("django_session" in q["sql"] for q in replica.captured_queries)

        # Other pages read from the primary.
        with CaptureQueriesContext(connections["replica"]) as replica:
            assert client.get(reverse("home")).status_code == 200
        assert not replica.captured_queries
