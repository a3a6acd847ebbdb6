from io import StringIO

from django.core.checks import run_checks
from django.core.management import call_command
from django.urls import reverse

import pytest
from auditlog.models import LogEntry
from cryptography.fernet import Fernet

from core.crypto import ontsleutel, versleutel
from kandidaten.models import Kandidaat
from tests.factories.kandidaten import KandidaatFactory
from tests.formulieren import verzenden
from tests.kandidaten.test_views import aanmeld_pagina, intake_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def bsn_aan(settings):
    settings.KANDIDAAT_BSN_AAN = True
    settings.BSN_SLEUTEL = Fernet.generate_key().decode()
    return settings


def test_no_bsn_field_by_default(client, consulent):
    client.force_login(consulent)
    form = client.get(reverse("kandidaten:kandidaat_create")).context["form"]
    assert "bsn" not in form.fields


def test_bsn_is_stored_encrypted_and_shown_masked(app, consulent, bsn_aan):
    pagina = aanmeld_pagina(app, consulent)
    response = verzenden(pagina, status=302, **intake_data(bsn="111222333"))

    kandidaat = Kandidaat.objects.get()
    assert b"111222333" not in bytes(kandidaat.bsn_versleuteld)
    html = response.follow().text
    assert "******333" in html
    assert "111222333" not in html


def test_invalid_bsn_is_refused_with_a_dutch_error(app, consulent, bsn_aan):
    pagina = aanmeld_pagina(app, consulent)
    response = verzenden(pagina, status=200, **intake_data(bsn="123456789"))
    assert "Dit is geen geldig BSN" in response.context["form"].errors["bsn"][0]
    assert "Dit is geen geldig BSN" in response.text
    assert not Kandidaat.objects.exists()


def test_bsn_without_key_fails_the_system_check(settings):
    settings.KANDIDAAT_BSN_AAN = True
    settings.BSN_SLEUTEL = ""
    assert [e.id for e in run_checks()] == ["kandidaten.E001"]


def test_bsn_key_rotates_without_losing_a_bsn(bsn_aan):
    oud = bsn_aan.BSN_SLEUTEL
    kandidaat = KandidaatFactory(bsn_versleuteld=versleutel("111222333"))
    nieuw = Fernet.generate_key().decode()

    # The new key first: old values still read, new ones use the new key.
    bsn_aan.BSN_SLEUTEL = f"{nieuw},{oud}"
    assert kandidaat.bsn_gemaskeerd == "******333"
    versie = kandidaat.versie
    call_command("bsn_herversleutelen", stdout=StringIO())
    kandidaat.refresh_from_db()
    # A form opened before the rotation can no longer write the old value back.
    assert kandidaat.versie == versie + 1

    # Then the old key goes: every stored BSN still reads.
    bsn_aan.BSN_SLEUTEL = nieuw
    kandidaat.refresh_from_db()
    assert ontsleutel(kandidaat.bsn_versleuteld) == "111222333"
    assert not LogEntry.objects.filter(changes__icontains="bsn").exists()
