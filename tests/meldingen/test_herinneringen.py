"""The reminder registry, its settings (Herinnering) and the daily beat task."""

import time
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

import pytest

from meldingen import herinneringen
from meldingen.herinneringen import Regel, herinneringen_laden
from meldingen.models import Bezorging, Herinnering, Melding
from meldingen.services import voorkeuren_opslaan
from meldingen.tasks import herinneringen_versturen
from tests.factories.trajecten import TrajectFactory
from tests.formulieren import verzenden

pytestmark = pytest.mark.django_db

STANDAARD = {
    "volgende_actie": 0,
    "leerbedrijf_actie": 0,
    "overeenkomst_ongetekend": 14,
    "einddatum_nadert": 30,
    "regeling_maximum": 30,
    "erkenning_verloopt": 90,
    "geen_observatie": 21,
    "vervolgmeting_te_laat": 14,
    "uitkomst_ontbreekt": 30,
    "aanwezigheid_open": 7,
    "voortgangsgesprek_te_laat": 7,
}


def test_every_registered_rule_has_its_default_settings_row():
    assert {r.code for r in herinneringen.regels()} == set(STANDAARD)
    assert dict(Herinnering.objects.values_list("code", "dagen")) == STANDAARD
    assert all(Herinnering.objects.values_list("actief", flat=True))


def test_herinneringen_laden_keeps_the_beheerders_choices_and_restores_missing():
    Herinnering.objects.filter(code="einddatum_nadert").update(dagen=5, actief=False)
    Herinnering.objects.filter(code="regeling_maximum").delete()

    assert herinneringen_laden(Herinnering) == 1

    gewijzigd = Herinnering.objects.get(code="einddatum_nadert")
    assert (gewijzigd.dagen, gewijzigd.actief) == (5, False)
    assert Herinnering.objects.get(code="regeling_maximum").dagen == 30


@pytest.fixture
def nep_regels(monkeypatch):
    """Two rules of our own instead of the apps' rules: they record their calls."""
    aanroepen = []

    def goed(vandaag, dagen):
        aanroepen.append(("goed", vandaag, dagen))
        return 2

    def kapot(vandaag, dagen):
        aanroepen.append(("kapot", vandaag, dagen))
        raise RuntimeError("kapot")

    regels = {
        "a_kapot": Regel("a_kapot", "Kapot", 1, kapot),
        "b_goed": Regel("b_goed", "Goed", 7, goed),
        "c_uit": Regel("c_uit", "Uit", 1, goed, standaard_actief=False),
    }
    monkeypatch.setattr(herinneringen, "_REGELS", regels)
    return aanroepen


def test_task_runs_active_rules_with_the_configured_days(nep_regels):
    del nep_regels[:]
    Herinnering.objects.create(code="b_goed", omschrijving="Goed", dagen=3)
    Herinnering.objects.create(
        code="a_kapot", omschrijving="Kapot", dagen=1, actief=False
    )

    assert herinneringen_versturen.run(vandaag="2026-03-02") == {"b_goed": 2}
    assert nep_regels == [("goed", date(2026, 3, 2), 3)]


def test_a_failing_rule_does_not_stop_the_others_but_is_reported(nep_regels):
    with pytest.raises(RuntimeError, match="kapot"):
        herinneringen_versturen.run()

    vandaag = timezone.localdate()
    assert nep_regels == [("kapot", vandaag, 1), ("goed", vandaag, 7)]


def test_beat_runs_the_task_daily_at_seven():
    taak = settings.CELERY_BEAT_SCHEDULE["herinneringen-versturen"]
    assert taak["task"] == "meldingen.tasks.herinneringen_versturen"
    assert taak["schedule"].hour == {7}
    assert taak["schedule"].minute == {0}


def test_beheerder_changes_days_in_the_admin_but_cannot_add_or_delete(
    app, client, beheerder
):
    herinnering = Herinnering.objects.get(code="einddatum_nadert")
    client.force_login(beheerder)

    lijst = app.get("/beheer/meldingen/herinnering/", user=beheerder)
    pagina = lijst.click(href=f"/beheer/meldingen/herinnering/{herinnering.pk}/change/")
    # The change form has no action attribute: it posts to the page itself.
    response = verzenden(pagina, dagen="45", actief=True, status=302)

    assert response["Location"].endswith("/beheer/meldingen/herinnering/")
    herinnering.refresh_from_db()
    assert herinnering.dagen == 45
    assert client.get("/beheer/meldingen/herinnering/add/").status_code == 403
    delete = f"/beheer/meldingen/herinnering/{herinnering.pk}/delete/"
    assert client.get(delete).status_code == 403


def test_notifications_are_not_in_the_admin(client, beheerder):
    client.force_login(beheerder)
    assert client.get("/beheer/core/melding/").status_code == 404


@pytest.mark.worker
def test_herinneringen_versturen_runs_in_a_real_worker(celery_worker):
    traject = TrajectFactory(
        geplande_einddatum=timezone.localdate() + timedelta(days=20)
    )
    # Reminders by e-mail at once (the default is the daily digest).
    voorkeuren_opslaan(
        user=traject.consulent, keuzes={"herinneringen": Bezorging.DIRECT}
    )

    result = herinneringen_versturen.delay(vandaag=timezone.localdate().isoformat())

    assert result.get(timeout=30)["einddatum_nadert"] == 1
    melding = Melding.objects.get()
    assert melding.ontvanger == traject.consulent
    assert melding.oorzaak.startswith(f"einddatum_nadert:{traject.pk}:")
    # The e-mail is queued by the worker on commit and sent by it next.
    # (Other worker tests may have left mail there too: wait for this one.)
    for _ in range(50):
        berichten = [p.read_text() for p in celery_worker.mail_dir.iterdir()]
        if any(traject.consulent.email in b for b in berichten):
            break
        time.sleep(0.2)
    assert any(traject.consulent.email in b for b in berichten)
