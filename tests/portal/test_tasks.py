from datetime import timedelta

from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

import pytest

from core.tasks import mail_versturen, sessies_opruimen


def maak_sessie(verloopt_over: timedelta) -> str:
    sessie = SessionStore()
    sessie["x"] = 1
    sessie.create()
    Session.objects.filter(pk=sessie.session_key).update(
        expire_date=timezone.now() + verloopt_over
    )
    return sessie.session_key


@pytest.mark.django_db
def test_sessies_opruimen_removes_only_expired_sessions_and_is_idempotent():
    oud = maak_sessie(timedelta(minutes=-1))
    nieuw = maak_sessie(timedelta(minutes=10))

    assert sessies_opruimen.run() == 1
    assert sessies_opruimen.run() == 0
    assert set(Session.objects.values_list("pk", flat=True)) == {nieuw}
    assert oud != nieuw


@pytest.mark.worker
def test_sessies_opruimen_runs_in_a_real_worker(celery_worker):
    maak_sessie(timedelta(minutes=-1))
    bewaard = maak_sessie(timedelta(minutes=10))

    result = sessies_opruimen.delay()

    assert result.get(timeout=30) == 1
    assert list(Session.objects.values_list("pk", flat=True)) == [bewaard]


@pytest.mark.worker
def test_mail_versturen_sends_through_the_real_worker(celery_worker):
    result = mail_versturen.delay(
        onderwerp="Test vanuit de worker", tekst="Hallo", aan=["anna@example.org"]
    )

    assert result.get(timeout=30) == 1
    berichten = [p.read_text() for p in celery_worker.mail_dir.iterdir()]
    assert any("Subject: Test vanuit de worker" in b for b in berichten)
