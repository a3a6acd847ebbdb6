"""core.audit.bijwerken: one entry per changed row, and the rows locked while read."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry

from core.audit import bijwerken
from kandidaten.models import Kandidaat
from tests.factories.kandidaten import KandidaatFactory

pytestmark = pytest.mark.django_db


def test_bijwerken_locks_the_rows_it_reads_and_audits_each_change(consulent):
    kandidaten = KandidaatFactory.create_batch(
        2, consulent=consulent, woonplaats="Hengelo"
    )

    with set_actor(consulent), CaptureQueriesContext(connection) as queries:
        aantal = bijwerken(
            Kandidaat.objects.filter(pk__in=[k.pk for k in kandidaten]),
            woonplaats="Almelo",
        )

    assert aantal == 2
    lezen = [q["sql"] for q in queries if q["sql"].startswith("SELECT")]
    assert any("FOR UPDATE" in sql for sql in lezen)
    for kandidaat in kandidaten:
        entry = LogEntry.objects.get_for_object(kandidaat).get(
            action=LogEntry.Action.UPDATE
        )
        assert entry.actor == consulent
        assert entry.changes_dict["woonplaats"] == ["Hengelo", "Almelo"]
