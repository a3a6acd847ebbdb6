"""An import token is confirmed once: a double click, a second tab or two requests at
the same moment import the file once. The parsed rows wait in the database, not in
the session, and old ones are cleaned up."""

import threading
from datetime import timedelta

from django.db import connections
from django.urls import reverse
from django.utils import timezone

import pytest
from webtest import Upload

from core.models import SpreadsheetImport
from core.tasks import sessies_opruimen
from kandidaten.models import Kandidaat
from tests.formulieren import formulier, verzenden

KOP = (
    "voornaam;achternaam;geboortedatum;postcode;woonplaats;uitkering;"
    "hoogste_opleiding;startkwalificatie;toestemming_op"
)


def rij(i: int) -> str:
    return f"Naam{i};Achter{i};12-04-2003;7511 AB;Enschede;geen;vmbo;geen;01-03-2025"


def preview_van(app, consulent, aantal=3):
    tekst = "\n".join([KOP, *(rij(i) for i in range(aantal))])
    pagina = app.get(reverse("kandidaten:import_upload"), user=consulent)
    response = verzenden(
        pagina,
        bestand=Upload("kandidaten.csv", tekst.encode()),
        consulent=consulent.pk,
        status=302,
    )
    return response.follow()


@pytest.mark.django_db
def test_submitting_the_confirm_form_twice_imports_once(app, consulent):
    preview = preview_van(app, consulent)
    assert "3 nieuw, 0 bijwerken, 0 fouten" in preview.text
    form = formulier(preview)

    eerste = form.submit(status=302).follow()
    tweede = form.submit(status=302).follow()

    assert "Import klaar: 3 nieuw, 0 bijgewerkt." in eerste.text
    assert "Deze import is al verwerkt (3 nieuw, 0 bijgewerkt)" in tweede.text
    assert Kandidaat.objects.count() == 3
    bewaard = SpreadsheetImport.objects.get()
    assert bewaard.verwerkt
    assert bewaard.rijen == []  # the personal data is not kept after the import
    # The preview of a used token is gone.
    app.get(
        reverse("kandidaten:import_voorbeeld"),
        {"token": bewaard.token},
        user=consulent,
        status=404,
    )


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_confirmations_import_one_set(app, consulent):
    preview = preview_van(app, consulent)
    form = formulier(preview)
    start = threading.Barrier(2)
    statussen = []

    def bevestig():
        start.wait()
        try:
            statussen.append(form.submit().status_int)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=bevestig) for _i in range(2)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()

    assert statussen == [302, 302]
    assert Kandidaat.objects.count() == 3
    assert SpreadsheetImport.objects.get().verwerkt


@pytest.mark.django_db
def test_the_session_stays_small_with_a_large_preview(app, consulent):
    preview = preview_van(app, consulent, aantal=1500)
    assert "1500 nieuw" in preview.text

    sessie = app.session
    grootte = len(sessie.encode(dict(sessie.items())))
    assert grootte < 10_000, grootte
    assert len(SpreadsheetImport.objects.get().rijen) == 1500


@pytest.mark.django_db
def test_a_new_upload_replaces_the_pending_preview(app, consulent):
    eerste = preview_van(app, consulent).context["token"]
    tweede = preview_van(app, consulent).context["token"]

    assert list(SpreadsheetImport.objects.values_list("token", flat=True)) == [tweede]
    assert eerste != tweede


@pytest.mark.django_db
def test_old_previews_expire_and_are_cleaned_up_with_the_sessions(app, consulent):
    form = formulier(preview_van(app, consulent))
    oud = SpreadsheetImport.objects.get()
    nieuw = SpreadsheetImport.objects.create(
        token="nieuw", soort="leerbedrijven", gebruiker=consulent, bestandsnaam="x"
    )
    SpreadsheetImport.objects.filter(pk=oud.pk).update(
        aangemaakt_op=timezone.now() - timedelta(days=2)
    )

    form.submit(status=404)  # an expired preview cannot be confirmed any more
    assert not Kandidaat.objects.exists()
    sessies_opruimen.run()

    assert list(SpreadsheetImport.objects.all()) == [nieuw]
