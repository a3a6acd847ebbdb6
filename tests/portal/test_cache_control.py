"""Personal data does not stay behind in a browser cache or a proxy: every response to
a logged-in user says `Cache-Control: no-store, private` (pages, exports, PDFs)."""

from django.core.files.base import ContentFile
from django.urls import reverse

import pytest

from tests.factories.kandidaten import KandidaatFactory
from tests.trajecten.test_traject import gestart, tekenen
from trajecten.constants import PdfStatus
from trajecten.models import OvereenkomstVersie
from trajecten.services import overeenkomsten_genereren

pytestmark = pytest.mark.django_db

GEEN_CACHE = "no-store, private"


def test_pages_of_a_logged_in_user_are_not_cached(client, consulent):
    halima = KandidaatFactory(consulent=consulent)
    client.force_login(consulent)
    for url in (
        "/",
        reverse("kandidaten:kandidaat_list"),
        halima.get_absolute_url(),
        reverse("kandidaten:kandidaat_update", args=[halima.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == GEEN_CACHE, url


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_an_export_is_not_cached(client, consulent, formaat):
    KandidaatFactory(consulent=consulent)
    client.force_login(consulent)
    response = client.get(reverse("kandidaten:kandidaat_list"), {"export": formaat})
    assert response.status_code == 200
    assert response["Cache-Control"] == GEEN_CACHE


def test_a_pdf_download_and_a_signed_copy_are_not_cached(client, consulent):
    traject = gestart(consulent)
    overeenkomsten_genereren(traject=traject, door=consulent)  # no PDF task run
    versie = OvereenkomstVersie.objects.first()
    versie.pdf.save("overeenkomst.pdf", ContentFile(b"%PDF-1.4 proef"))
    versie.pdf_status = PdfStatus.KLAAR
    versie.save(update_fields=["pdf", "pdf_status"])
    ondertekening = tekenen(versie, versie.overeenkomst.partijen[0], consulent)
    client.force_login(consulent)
    for url in (
        reverse("trajecten:overeenkomst_pdf", args=[versie.pk]),
        reverse("trajecten:ondertekening_bestand", args=[ondertekening.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "application/pdf"
        assert response["Cache-Control"] == GEEN_CACHE, url


def test_a_page_with_its_own_policy_keeps_it(client, consulent):
    # The public verification page sets its own (never_cache), also when logged in.
    client.force_login(consulent)
    response = client.get("/verificatie/onbekend0000000000000/")
    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_anonymous_pages_are_left_alone(client):
    # The login page has Django's own never_cache; the middleware adds nothing there.
    response = client.get(reverse("login"))
    assert "max-age=0" in response["Cache-Control"]
