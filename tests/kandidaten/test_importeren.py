"""Issue 7: importing kandidaten from .xlsx and .csv."""

import datetime
import io

from django.urls import reverse

import pytest
from auditlog.models import LogEntry
from openpyxl import Workbook, load_workbook
from webtest import Upload

from kandidaten.constants import Bron, GebeurtenisSoort, Opleiding, Uitkering
from kandidaten.importeren import KOLOMMEN
from kandidaten.models import Kandidaat
from organisaties.constants import Rol
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol
from tests.formulieren import formulier, posten, verzenden

pytestmark = pytest.mark.django_db

KOP = (
    "voornaam;achternaam;geboortedatum;postcode;woonplaats;email;telefoon;uitkering;"
    "hoogste_opleiding;startkwalificatie;toestemming_op;statushouder"
)
HALIMA = (
    "Halima;El Amrani;12-04-2003;7511ab;Enschede;h@example.org;0612345678;"
    "Participatiewet (bijstand);buitenland;Geen startkwalificatie;01-03-2025;ja"
)
ARTHUR = "Arthur;Visser;2006-01-30;7512 CD;Hengelo;;;geen;vmbo;geen;2025-03-01;nee"


def csv_bestand(*regels, naam="kandidaten.csv", scheiding=";"):
    tekst = "\ufeff" + "\n".join(r.replace(";", scheiding) for r in regels)
    return Upload(naam, tekst.encode())


def upload_pagina(app, user):
    """The upload page, reached from the caseload's import link."""
    lijst = app.get(reverse("kandidaten:kandidaat_list"), user=user)
    return lijst.click(href=reverse("kandidaten:import_upload"))


def uploaden(app, user, bestand, consulent):
    """Choose the file and the consulent on the upload page; follow to the preview."""
    response = verzenden(
        upload_pagina(app, user), bestand=bestand, consulent=consulent.pk
    )
    assert response.status_code == 302, response.context["form"].errors
    return response.follow()


def bevestigen(preview, status=302):
    """Press 'Bevestigen' on the preview page."""
    return verzenden(preview, status=status)


@pytest.fixture
def collega(gemeente):
    return medewerker_met_rol(Rol.CONSULENT, organisatie=gemeente)


@pytest.mark.parametrize("scheiding", [";", ","])
def test_import_registers_candidates_for_the_chosen_consulent(
    app, consulent, collega, scheiding
):
    preview = uploaden(
        app, consulent, csv_bestand(KOP, HALIMA, ARTHUR, scheiding=scheiding), collega
    )

    assert "2 nieuw, 0 bijwerken, 0 fouten" in preview.text
    response = bevestigen(preview)

    assert response.status_code == 302
    assert response["Location"] == reverse("kandidaten:kandidaat_list")
    halima = Kandidaat.objects.get(voornaam="Halima")
    assert halima.organisatie == consulent.organisatie
    assert halima.consulent == collega
    assert halima.toestemming_door == consulent
    assert halima.geboortedatum == datetime.date(2003, 4, 12)
    assert halima.postcode == "7511 AB"
    assert halima.uitkering == Uitkering.PARTICIPATIEWET
    assert halima.hoogste_opleiding == Opleiding.BUITENLAND
    assert halima.statushouder is True
    assert halima.bron == Bron.GEMEENTE
    assert halima.regio == consulent.organisatie.regios.get()
    titels = set(halima.gebeurtenissen.values_list("titel", flat=True))
    assert "Geïmporteerd uit kandidaten.csv" in titels
    entries = LogEntry.objects.get_for_object(halima)
    assert entries.filter(action=LogEntry.Action.CREATE, actor=consulent).exists()
    assert Kandidaat.objects.count() == 2


def test_import_reads_xlsx_with_excel_dates(app, consulent):
    werkmap = Workbook()
    werkmap.active.append([k.naam for k in KOLOMMEN])
    rij = {
        "voornaam": "Arthur",
        "achternaam": "Visser",
        "geboortedatum": datetime.date(2006, 1, 30),
        "postcode": "7512CD",
        "woonplaats": "Hengelo",
        "uitkering": "WW",
        "hoogste_opleiding": "Vmbo",
        "startkwalificatie": "geen",
        "toestemming_op": datetime.date(2025, 3, 1),
    }
    werkmap.active.append([rij.get(k.naam) for k in KOLOMMEN])
    uit = io.BytesIO()
    werkmap.save(uit)
    preview = uploaden(app, consulent, Upload("lijst.xlsx", uit.getvalue()), consulent)
    bevestigen(preview)

    arthur = Kandidaat.objects.get()
    assert arthur.geboortedatum == datetime.date(2006, 1, 30)
    assert arthur.uitkering == Uitkering.WW


@pytest.mark.parametrize(
    ("oud", "nieuw", "kolom", "fout"),
    [
        ("7511ab", "75111", "postcode", "Nederlandse postcode"),
        ("12-04-2003", "12-04-2999", "geboortedatum", "toekomst"),
        ("12-04-2003", "31-02-2003", "geboortedatum", "dd-mm-jjjj"),
        ("Participatiewet (bijstand)", "bijstand", "uitkering", "Onbekende waarde"),
        ("01-03-2025", "01-03-2999", "toestemming_op", "toekomst"),
        ("h@example.org", "h@", "email", "e-mailadres"),
        ("Geen startkwalificatie", "ja", "startkwalificatie_motivatie", "Leg uit"),
    ],
)
def test_bad_cell_gives_dutch_error_with_row_and_column(
    app, consulent, oud, nieuw, kolom, fout
):
    preview = uploaden(
        app, consulent, csv_bestand(KOP, ARTHUR, HALIMA.replace(oud, nieuw)), consulent
    )

    rij = preview.context["voorbeeld"].rijen[1]
    assert rij.rij == 3
    assert rij.actie == "fout"
    assert any(k == kolom and fout in b for k, b in rij.fouten), rij.fouten
    assert f"Kolom {kolom}" in preview.text
    assert "Bevestigen" not in preview.text
    # Confirming anyway (a hand-made POST) saves nothing, not even the good row.
    posten(
        app,
        reverse("kandidaten:import_bevestigen"),
        {"token": preview.context["token"]},
        user=consulent,
        status=302,
    )
    assert Kandidaat.objects.count() == 0


def test_known_candidate_is_an_update_not_a_double(app, consulent, collega):
    bestaand = KandidaatFactory(
        voornaam="Halima",
        achternaam="El Amrani",
        geboortedatum=datetime.date(2003, 4, 12),
        consulent=consulent,
        woonplaats="Hengelo",
    )
    preview = uploaden(app, consulent, csv_bestand(KOP, HALIMA), collega)

    assert preview.context["voorbeeld"].rijen[0].actie == "bijwerken"
    bevestigen(preview)

    assert Kandidaat.objects.count() == 1
    bestaand.refresh_from_db()
    assert bestaand.woonplaats == "Enschede"
    assert bestaand.consulent == consulent  # an update keeps the caseload
    assert bestaand.gebeurtenissen.filter(soort=GebeurtenisSoort.GEWIJZIGD).exists()
    entries = LogEntry.objects.get_for_object(bestaand)
    assert entries.filter(action=LogEntry.Action.UPDATE, actor=consulent).exists()


def test_same_person_in_another_organisation_is_new(app, consulent):
    KandidaatFactory(
        voornaam="Halima",
        achternaam="El Amrani",
        geboortedatum=datetime.date(2003, 4, 12),
        consulent=medewerker_met_rol(Rol.CONSULENT, organisatie=OrganisatieFactory()),
    )
    preview = uploaden(app, consulent, csv_bestand(KOP, HALIMA), consulent)

    assert preview.context["voorbeeld"].rijen[0].actie == "nieuw"


def test_duplicate_in_the_file_is_an_error_on_the_later_row(app, consulent):
    dubbel = HALIMA.replace("Halima;El Amrani", "halima;el amrani ")
    preview = uploaden(app, consulent, csv_bestand(KOP, HALIMA, dubbel), consulent)

    eerste, tweede = preview.context["voorbeeld"].rijen
    assert eerste.actie == "nieuw"
    assert tweede.actie == "fout"
    assert tweede.fouten == [
        ("voornaam", "Deze kandidaat staat al in rij 2 van dit bestand.")
    ]


def test_a_failure_in_the_last_row_leaves_no_rows(app, consulent):
    preview = uploaden(app, consulent, csv_bestand(KOP, ARTHUR, HALIMA), consulent)
    assert not preview.context["voorbeeld"].heeft_fouten
    # Meanwhile Halima is registered twice in the organisation: the last row is
    # now ambiguous, and the confirm must not save Arthur either.
    for _i in range(2):
        KandidaatFactory(
            voornaam="Halima",
            achternaam="El Amrani",
            geboortedatum=datetime.date(2003, 4, 12),
            consulent=consulent,
        )
    response = bevestigen(preview)

    assert "voorbeeld" in response["Location"]
    assert not Kandidaat.objects.filter(voornaam="Arthur").exists()


def test_consulent_must_be_of_the_own_organisation(app, consulent):
    ander = medewerker_met_rol(Rol.CONSULENT, organisatie=OrganisatieFactory())
    pagina = upload_pagina(app, consulent)
    aangeboden = [w for w, _, _ in formulier(pagina)["consulent"].options]
    assert str(ander.pk) not in aangeboden

    response = verzenden(
        pagina, bestand=csv_bestand(KOP, HALIMA), consulent=ander.pk, status=200
    )

    assert "consulent" in response.context["form"].errors
    assert Kandidaat.objects.count() == 0


def test_consulent_of_another_organisation_cannot_confirm_the_token(app, consulent):
    preview = uploaden(app, consulent, csv_bestand(KOP, HALIMA), consulent)
    token = preview.context["token"]
    ander = medewerker_met_rol(Rol.CONSULENT, organisatie=OrganisatieFactory())

    app.get(
        reverse("kandidaten:import_voorbeeld"), {"token": token}, user=ander, status=404
    )
    posten(
        app,
        reverse("kandidaten:import_bevestigen"),
        {"token": token},
        user=ander,
        status=404,
    )
    assert Kandidaat.objects.count() == 0


def test_import_needs_add_kandidaat(client, mbo_medewerker):
    client.force_login(mbo_medewerker)
    assert client.get(reverse("kandidaten:import_upload")).status_code == 403


def test_template_download_has_the_columns(client, consulent):
    client.force_login(consulent)
    response = client.get(reverse("kandidaten:import_sjabloon"))

    werkmap = load_workbook(io.BytesIO(response.content))
    kop, voorbeeld = list(werkmap.active.iter_rows(values_only=True))
    assert list(kop) == [k.naam for k in KOLOMMEN]
    assert "geboortedatum" in kop
    assert "statushouder" in kop
    assert voorbeeld[0] == "Halima"


def test_list_links_to_the_import(client, consulent):
    client.force_login(consulent)
    response = client.get(reverse("kandidaten:kandidaat_list"))
    assert reverse("kandidaten:import_upload") in response.content.decode()


def test_update_leaves_fields_without_a_column_as_they_are(app, consulent):
    bestaand = KandidaatFactory(
        voornaam="Arthur",
        achternaam="Visser",
        geboortedatum=datetime.date(2006, 1, 30),
        consulent=consulent,
        email="arthur@example.org",
        laaggeletterd=True,
    )
    kop = KOP.replace(";email;telefoon", "").replace(";statushouder", "")
    regel = "Arthur;Visser;2006-01-30;7512 CD;Hengelo;geen;vmbo;geen;2025-03-01"
    bevestigen(uploaden(app, consulent, csv_bestand(kop, regel), consulent))

    bestaand.refresh_from_db()
    assert bestaand.woonplaats == "Hengelo"
    assert bestaand.email == "arthur@example.org"
    assert bestaand.laaggeletterd is True
