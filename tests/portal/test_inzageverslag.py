"""The inzageverslag (art. 15 AVG): the consulent downloads the candidate's PDF from the
candidate page; it holds the data, the advice, and who viewed the file."""

from django.urls import reverse

import pytest
from auditlog.models import LogEntry

from organisaties.constants import Rol
from tests.factories.kandidaten import ContactmomentFactory, KandidaatFactory
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.pdf import pdftekst_pad
from tests.trajecten.test_advies import antwoorden
from trajecten.constants import AdviesUitkomst
from trajecten.services import advies_vastleggen

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(consulent, jobcoach, mbo_medewerker):
    kandidaat = KandidaatFactory(
        consulent=consulent, jobcoach=jobcoach, voornaam="Fatima", achternaam="Bakker"
    )
    ContactmomentFactory(
        kandidaat=kandidaat, samenvatting="Gesproken over werk in de zorg."
    )
    advies_vastleggen(
        kandidaat=kandidaat,
        door=consulent,
        mbo_medewerker=mbo_medewerker,
        antwoorden=antwoorden(),
        besluit=AdviesUitkomst.PRAKTIJKVERKLARING,
        motivatie="Fatima leert het best in de praktijk.",
    )
    return kandidaat


def pdf_tekst(response, tmp_path) -> str:
    assert response.content_type == "application/pdf"
    pad = tmp_path / "inzage.pdf"
    pad.write_bytes(response.body)
    return " ".join(pdftekst_pad(pad).split())


def test_the_consulent_downloads_the_report_from_the_candidate_page(
    app, consulent, jobcoach, dossier, tmp_path
):
    # The jobcoach opens the file: a view by the gemeente in the role jobcoach.
    app.get(reverse("kandidaten:kandidaat_detail", args=[dossier.pk]), user=jobcoach)

    pagina = app.get(dossier.get_absolute_url(), user=consulent)
    tekst = pdf_tekst(pagina.click(r"Inzageverslag \(PDF\)"), tmp_path)

    assert "Inzageverslag" in tekst
    assert "Fatima Bakker" in tekst
    assert "Gesproken over werk in de zorg." in tekst
    assert "Fatima leert het best in de praktijk." in tekst
    assert "Praktijkverklaring" in tekst  # the advice's decision
    assert "Ja" in tekst  # a checklist answer
    assert "Wij bewaren uw BSN niet." in tekst
    # Who viewed the file: organisation and role, no names.
    assert "Wie heeft uw dossier bekeken of veranderd?" in tekst
    assert "Gemeente Testdorp Jobcoach Kandidaat bekeken" in tekst
    assert "Gemeente Testdorp Consulent Kandidaat bekeken" in tekst
    assert jobcoach.last_name not in tekst.split("Wie heeft uw dossier")[1]


def test_making_the_report_is_audited(app, consulent, dossier):
    LogEntry.objects.all().delete()

    app.get(reverse("inzageverslag", args=[dossier.pk]), user=consulent)

    entry = LogEntry.objects.get()
    assert entry.action == LogEntry.Action.ACCESS
    assert entry.object_pk == str(dossier.pk)
    assert entry.actor == consulent
    assert entry.additional_data == {"inzageverslag": True}


def test_a_candidate_of_another_region_is_404(app, dossier):
    elders = medewerker_met_rol(
        Rol.CONSULENT,
        organisatie=OrganisatieFactory(naam="Gemeente Elders", regios=[regio("AM01")]),
    )

    app.get(reverse("inzageverslag", args=[dossier.pk]), user=elders, status=404)

    assert not LogEntry.objects.filter(
        actor=elders, additional_data__inzageverslag=True
    ).exists()


def test_a_role_without_the_right_gets_no_report_and_no_button(app, jobcoach, dossier):
    pagina = app.get(dossier.get_absolute_url(), user=jobcoach)
    assert "Inzageverslag (PDF)" not in pagina.text

    app.get(reverse("inzageverslag", args=[dossier.pk]), user=jobcoach, status=403)

    assert not LogEntry.objects.filter(additional_data__inzageverslag=True).exists()


def test_a_stored_bsn_shows_only_its_last_digits(
    app, consulent, dossier, tmp_path, settings
):
    from cryptography.fernet import Fernet

    from core.crypto import versleutel

    settings.KANDIDAAT_BSN_AAN = True
    settings.BSN_SLEUTEL = Fernet.generate_key().decode()

    dossier.bsn_versleuteld = versleutel("123456782")
    dossier.save()

    response = app.get(reverse("inzageverslag", args=[dossier.pk]), user=consulent)
    tekst = pdf_tekst(response, tmp_path)

    assert "******782" in tekst
    assert "123456782" not in tekst


def test_the_report_lists_the_traject_placement_verklaring_and_outcome(app, tmp_path):
    from tests.factories.uitkomsten import UitkomstFactory, VervolgmetingFactory
    from tests.verklaringen.test_verklaring_views import uitgereikt

    verklaring, _opleider, _mbo = uitgereikt()
    traject = verklaring.traject
    plaatsing = traject.plaatsingen.get()
    UitkomstFactory(traject=traject, toelichting="Vast werk gevonden bij de bakker.")
    VervolgmetingFactory(traject=traject, gemeten=True)

    response = app.get(
        reverse("inzageverslag", args=[traject.kandidaat.pk]), user=traject.consulent
    )
    tekst = pdf_tekst(response, tmp_path)

    assert str(traject.kwalificatie) in tekst
    assert f"Leerbedrijf: {plaatsing.leerbedrijf}" in tekst
    assert f"Praktijkverklaring {verklaring.nummer}, uitgereikt op" in tekst
    assert "beheerst" in tekst  # the assessment per werkproces
    assert "Vast werk gevonden bij de bakker." in tekst
    assert "Navraag na 6 maanden" in tekst
