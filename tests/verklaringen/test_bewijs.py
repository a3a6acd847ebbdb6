"""Other proofs beside the praktijkverklaring (`Bewijs`): who may add them, the
page that adds them, and bad input."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest
from webtest import Upload

from organisaties.constants import Rol
from tests.factories.organisaties import medewerker_met_rol
from tests.factories.verklaringen import (
    GedragsvoorbeeldFactory,
    mbo_van,
    traject_met_opleider,
)
from tests.formulieren import posten, verzenden
from tests.pdf import pdf_met, schone_pdf
from verklaringen.constants import BewijsSoort
from verklaringen.models import Bewijs
from verklaringen.services import bewijs_toevoegen

pytestmark = pytest.mark.django_db


def bewijs_url(traject) -> str:
    return reverse("verklaringen:bewijs_create", args=[traject.pk])


def voortgang_url(traject) -> str:
    return reverse("verklaringen:voortgang", args=[traject.pk])


def gedragsvoorbeeld_van(traject):
    return GedragsvoorbeeldFactory(werkproces=traject.werkprocessen.first())


# --- service ---
def test_the_consulent_adds_a_certificate_with_its_gedragsvoorbeelden():
    traject, _opleider = traject_met_opleider()
    gv = gedragsvoorbeeld_van(traject)
    bewijs = bewijs_toevoegen(
        traject=traject,
        door=traject.consulent,
        soort=BewijsSoort.WERKNEMERSVAARDIGHEDEN,
        uitgever="Werkbedrijf Oost",
        datum=timezone.localdate(),
        document=SimpleUploadedFile("cert.pdf", schone_pdf()),
        gedragsvoorbeelden=[gv],
    )
    assert list(bewijs.gedragsvoorbeelden.all()) == [gv]
    assert bewijs.document.name.endswith(".pdf")
    assert bewijs.toegevoegd_door == traject.consulent


def test_the_mbo_of_the_traject_may_add_another_mbo_and_the_opleider_may_not():
    traject, opleider = traject_met_opleider()
    kwargs = {
        "traject": traject,
        "soort": BewijsSoort.DIPLOMA,
        "uitgever": "ROC",
        "datum": timezone.localdate(),
    }
    bewijs_toevoegen(door=mbo_van(traject), **kwargs)
    ander_mbo = medewerker_met_rol(Rol.MBO_MEDEWERKER)
    for wie in (ander_mbo, opleider):
        with pytest.raises(PermissionDenied):
            bewijs_toevoegen(door=wie, **kwargs)
    assert Bewijs.objects.count() == 1


@pytest.mark.parametrize(
    ("wijziging", "veld"),
    [
        ({"datum": timezone.localdate() + datetime.timedelta(days=1)}, "datum"),
        ({"uitgever": "  "}, "uitgever"),
        ({"document": SimpleUploadedFile("x.pdf", b"<html>hoi</html>")}, "document"),
        ({"soort": BewijsSoort.DIPLOMA, "met_gv": True}, "gedragsvoorbeelden"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(wijziging, veld):
    traject, _opleider = traject_met_opleider()
    kwargs = {
        "traject": traject,
        "door": traject.consulent,
        "soort": BewijsSoort.WERKNEMERSVAARDIGHEDEN,
        "uitgever": "Werkbedrijf",
        "datum": timezone.localdate(),
    }
    if wijziging.pop("met_gv", False):
        kwargs["gedragsvoorbeelden"] = [gedragsvoorbeeld_van(traject)]
    kwargs.update(wijziging)
    with pytest.raises(ValidationError) as fout:
        bewijs_toevoegen(**kwargs)
    assert veld in fout.value.message_dict
    assert not Bewijs.objects.exists()


def test_a_hostile_pdf_is_refused():
    traject, _opleider = traject_met_opleider()
    with pytest.raises(ValidationError) as fout:
        bewijs_toevoegen(
            traject=traject,
            door=traject.consulent,
            soort=BewijsSoort.BRANCHECERTIFICAAT,
            uitgever="Branche",
            datum=timezone.localdate(),
            document=SimpleUploadedFile("x.pdf", pdf_met(javascript=True)),
        )
    assert "scripts" in fout.value.message_dict["document"][0]
    assert not Bewijs.objects.exists()


# --- views ---
def test_the_consulent_adds_a_certificate_through_the_page(app):
    traject, _opleider = traject_met_opleider()
    gv = gedragsvoorbeeld_van(traject)
    voortgang = app.get(voortgang_url(traject), user=traject.consulent)
    assert "Nog geen andere bewijzen." in voortgang
    pagina = voortgang.click("Bewijs toevoegen")

    antwoord = verzenden(
        pagina,
        soort=BewijsSoort.WERKNEMERSVAARDIGHEDEN,
        uitgever="Werkbedrijf Oost",
        datum=timezone.localdate().strftime("%Y-%m-%d"),
        omschrijving="Goed werknemerschap",
        document=Upload("certificaat.pdf", schone_pdf(), "application/pdf"),
        gedragsvoorbeelden=[gv.pk],
        status=302,
    )

    assert antwoord["Location"] == voortgang_url(traject)
    bewijs = Bewijs.objects.get()
    assert bewijs.uitgever == "Werkbedrijf Oost"
    assert list(bewijs.gedragsvoorbeelden.all()) == [gv]
    assert bewijs.document
    lijst = antwoord.follow()
    assert "Certificaat werknemersvaardigheden" in lijst
    assert gv.tekst in lijst


def test_a_document_that_is_not_a_pdf_comes_back_with_a_dutch_error(app):
    traject, _opleider = traject_met_opleider()
    pagina = app.get(bewijs_url(traject), user=mbo_van(traject))
    antwoord = verzenden(
        pagina,
        soort=BewijsSoort.DIPLOMA,
        uitgever="ROC",
        datum=timezone.localdate().strftime("%Y-%m-%d"),
        document=Upload("diploma.pdf", b"dit is tekst", "application/pdf"),
        status=200,
    )
    assert "document" in antwoord.context["form"].errors
    assert "Dit is geen geldig PDF-bestand" in antwoord.text
    assert not Bewijs.objects.exists()


def test_a_date_in_the_future_comes_back_with_a_dutch_error(app):
    traject, _opleider = traject_met_opleider()
    pagina = app.get(bewijs_url(traject), user=traject.consulent)
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    antwoord = verzenden(
        pagina,
        soort=BewijsSoort.EXAMENRESULTAAT,
        uitgever="ROC",
        datum=morgen.strftime("%Y-%m-%d"),
        status=200,
    )
    assert "datum" in antwoord.context["form"].errors
    assert "toekomst" in antwoord.text
    assert not Bewijs.objects.exists()


def test_outside_scope_is_a_404_and_the_opleider_gets_no_form(app):
    traject, opleider = traject_met_opleider()
    ander, _ = traject_met_opleider()
    data = {"soort": BewijsSoort.DIPLOMA, "uitgever": "X", "datum": "2024-01-01"}
    app.get(bewijs_url(ander), user=traject.consulent, status=404)
    posten(app, bewijs_url(ander), data, user=traject.consulent, status=404)
    voortgang = app.get(voortgang_url(traject), user=opleider)
    assert "Bewijs toevoegen" not in voortgang
    posten(app, bewijs_url(traject), data, user=opleider, status=403)
    assert not Bewijs.objects.exists()


def test_the_document_downloads_in_scope_and_the_candidate_page_lists_it(app):
    traject, _opleider = traject_met_opleider()
    bewijs = bewijs_toevoegen(
        traject=traject,
        door=traject.consulent,
        soort=BewijsSoort.BRANCHECERTIFICAAT,
        uitgever="Branche Schoon",
        datum=timezone.localdate(),
        document=SimpleUploadedFile("c.pdf", schone_pdf()),
    )
    url = reverse("verklaringen:bewijs_document", args=[bewijs.pk])
    antwoord = app.get(url, user=traject.consulent)
    assert antwoord.body.startswith(b"%PDF-")
    assert "attachment" in antwoord["Content-Disposition"]
    ander, _ = traject_met_opleider()
    app.get(url, user=ander.consulent, status=404)
    kandidaat = app.get(traject.kandidaat.get_absolute_url(), user=traject.consulent)
    assert "Branchecertificaat: Branche Schoon" in kandidaat
