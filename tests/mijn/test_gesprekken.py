"""My progress meetings on my own page: the next one due, what was agreed, and
signing a meeting as the candidate (no user, not on paper; audited as me)."""

from datetime import timedelta

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

import pytest
from auditlog.models import LogEntry

from mijn.inzage import inzage_lijst
from tests.factories.voortgang import (
    GesprekActieFactory,
    VoortgangsgesprekFactory,
    lopende_plaatsing,
)
from tests.formulieren import posten, verzenden
from tests.mijn.test_paginas import inloggen
from voortgang.constants import GesprekPartij
from voortgang.models import GesprekOndertekening

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def schone_cache():
    cache.clear()
    yield
    cache.clear()


def test_my_next_meeting_and_the_last_one(app):
    plaatsing = lopende_plaatsing(weken=6)
    traject = plaatsing.traject
    gesprek = VoortgangsgesprekFactory(
        traject=traject,
        datum=timezone.localdate() - timedelta(days=3),
        afspraken="Elke dag om 8 uur beginnen.",
    )
    GesprekActieFactory(gesprek=gesprek, omschrijving="Werkschoenen kopen")

    pagina = inloggen(app, traject.kandidaat)

    assert "Je volgende gesprek is rond" in pagina.text
    assert "Elke dag om 8 uur beginnen." in pagina.text
    assert "Werkschoenen kopen" in pagina.text
    assert "Ik teken dit gesprek" in pagina.text


def test_i_sign_a_meeting_once(app):
    traject = lopende_plaatsing().traject
    gesprek = VoortgangsgesprekFactory(traject=traject)
    pagina = inloggen(app, traject.kandidaat)

    actie = reverse("mijn:gesprek_tekenen", args=[gesprek.pk])
    antwoord = verzenden(pagina, actie=actie, status=302).follow()

    assert "Je hebt het gesprek getekend" in antwoord.text
    assert "Je hebt dit gesprek getekend." in antwoord.text
    handtekening = GesprekOndertekening.objects.get(gesprek=gesprek)
    assert handtekening.partij == GesprekPartij.KANDIDAAT
    assert handtekening.door is None
    assert handtekening.op_papier is False
    entry = LogEntry.objects.get_for_object(handtekening).get()
    assert entry.actor is None
    assert entry.additional_data["kandidaat"] == traject.kandidaat_id
    assert ("U zelf", "kandidaat") in {
        (r.organisatie, r.rol)
        for r in inzage_lijst(traject.kandidaat)
        if r.onderdeel == str(GesprekOndertekening._meta.verbose_name)
    }
    # A second time (a form kept open in another tab) adds nothing.
    verzenden(pagina, actie=actie, status=302)
    assert GesprekOndertekening.objects.filter(gesprek=gesprek).count() == 1


def test_i_cannot_sign_another_candidates_meeting(app):
    eigen = lopende_plaatsing().traject
    ander = VoortgangsgesprekFactory(traject=lopende_plaatsing().traject)
    inloggen(app, eigen.kandidaat)
    pagina = app.get(reverse("mijn:overzicht"))
    # A hand-made POST with the session's valid token (from the logout form).
    uit = next(
        f for f in pagina.forms.values() if f.action == reverse("mijn:uitloggen")
    )
    token = uit["csrfmiddlewaretoken"].value
    app.post(
        reverse("mijn:gesprek_tekenen", args=[ander.pk]),
        {"csrfmiddlewaretoken": token},
        status=404,
    )
    assert not GesprekOndertekening.objects.exists()


def test_a_staff_user_cannot_sign_as_the_candidate(app):
    traject = lopende_plaatsing().traject
    gesprek = VoortgangsgesprekFactory(traject=traject)
    posten(
        app,
        reverse("mijn:gesprek_tekenen", args=[gesprek.pk]),
        user=traject.consulent,
        status=403,
    )
    assert not GesprekOndertekening.objects.exists()
