"""A database that goes away after the view committed (a restart) does not turn the
saved change into the error page "Er is niets opgeslagen"."""

from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.urls import reverse
from django.utils import timezone

import psycopg
import pytest

from tests.factories.kandidaten import KandidaatFactory
from tests.formulieren import verzenden


def verbinding_verbreken():
    """End the test's own database session from a second connection, as a
    PostgreSQL restart would: its next query fails for real."""
    db = connection.settings_dict
    pid = connection.connection.info.backend_pid
    with psycopg.connect(
        host=db["HOST"], port=db["PORT"], user=db["USER"], dbname=db["NAME"]
    ) as beheer:
        beheer.execute("select pg_terminate_backend(%s)", [pid])


@pytest.mark.django_db(transaction=True)
def test_contact_moment_saved_before_the_session_save_failed_is_reported_saved(
    app, consulent, monkeypatch
):
    halima = KandidaatFactory(consulent=consulent)
    pagina = app.get(
        reverse("kandidaten:contactmoment_create", args=[halima.pk]), user=consulent
    )
    opslaan = SessionStore.save

    def save_na_herstart(self, *args, **kwargs):
        verbinding_verbreken()
        return opslaan(self, *args, **kwargs)

    monkeypatch.setattr(SessionStore, "save", save_na_herstart)
    response = verzenden(
        pagina,
        datum=timezone.localdate().isoformat(),
        soort="gesprek",
        samenvatting="Gesprek vlak voor de herstart",
    )
    monkeypatch.undo()
    connection.close()  # the test's connection was ended; the next query reconnects

    assert response.status_code == 302
    assert response["Location"] == halima.get_absolute_url()
    assert halima.contactmomenten.get().samenvatting == "Gesprek vlak voor de herstart"
