"""Issue 7: importing leerbedrijven from .xlsx and .csv."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
from auditlog.models import LogEntry
from openpyxl import Workbook, load_workbook

from leerbedrijven.constants import LeerbedrijfSoort, Sector
from leerbedrijven.importeren import KOLOMMEN
from leerbedrijven.models import Contactpersoon, Leerbedrijf, Vestiging
from organisaties.constants import Rol
from tests.factories.leerbedrijven import ContactpersoonFactory, LeerbedrijfFactory
from tests.factories.organisaties import (
    OrganisatieFactory,
    medewerker_met_rol,
    regio,
)

pytestmark = pytest.mark.django_db

KOP = "naam;kvk_nummer;sector;soort;straat;huisnummer;postcode;plaats;contactpersoon;telefoon;email"
GOED = "Bakkerij Test;12345678;Horeca;;Markt;1;7511ab;Enschede;Peter Brink;0612345678;p@example.org"


def csv_bestand(*regels, naam="leerbedrijven.csv"):
    return SimpleUploadedFile(naam, ("\ufeff" + "\n".join(regels)).encode())


def uploaden(client, bestand):
    """Upload and follow to the preview; returns the preview response."""
    response = client.post(
        reverse("leerbedrijven:import_upload"),
        {"bestand": bestand, "regio": regio().pk},
    )
    assert response.status_code == 302, response.context["form"].errors
    return client.get(response["Location"])


def bevestigen(client, preview):
    return client.post(
        reverse("leerbedrijven:import_bevestigen"), {"token": preview.context["token"]}
    )


def test_import_creates_leerbedrijf_with_vestiging_and_contact(client, consulent):
    client.force_login(consulent)
    preview = uploaden(client, csv_bestand(KOP, GOED))

    assert preview.status_code == 200
    assert "1 nieuw, 0 bijwerken, 0 fouten" in preview.content.decode()
    response = bevestigen(client, preview)

    assert response.status_code == 302
    assert response["Location"] == reverse("leerbedrijven:leerbedrijf_list")
    leerbedrijf = Leerbedrijf.objects.get(organisatie__kvk_nummer="12345678")
    assert leerbedrijf.naam == "Bakkerij Test"
    assert leerbedrijf.sector == Sector.HORECA
    assert leerbedrijf.soort == LeerbedrijfSoort.REGULIER
    assert leerbedrijf.regio == regio()
    assert leerbedrijf.vestigingen.get().postcode == "7511 AB"
    assert leerbedrijf.contactpersonen.get().naam == "Peter Brink"
    # The importing user is the actor of the audit entries.
    entries = LogEntry.objects.get_for_object(leerbedrijf)
    assert entries.filter(action=LogEntry.Action.CREATE, actor=consulent).exists()
    # The pending import is gone after the confirm.
    assert bevestigen(client, preview).status_code == 404


def test_import_reads_xlsx(client, consulent):
    werkmap = Workbook()
    werkmap.active.append([k.naam for k in KOLOMMEN])
    werkmap.active.append(["Garage X", 87654321, "techniek", "Ontwikkelbedrijf"])
    uit = io.BytesIO()
    werkmap.save(uit)
    client.force_login(consulent)
    preview = uploaden(client, SimpleUploadedFile("lijst.xlsx", uit.getvalue()))
    bevestigen(client, preview)

    leerbedrijf = Leerbedrijf.objects.get(organisatie__kvk_nummer="87654321")
    assert leerbedrijf.soort == LeerbedrijfSoort.ONTWIKKELBEDRIJF


def test_known_kvk_is_an_update_not_a_double(client, consulent):
    bestaand = LeerbedrijfFactory(organisatie__kvk_nummer="12345678")
    contact = ContactpersoonFactory(leerbedrijf=bestaand, naam="Peter Brink")
    client.force_login(consulent)
    preview = uploaden(client, csv_bestand(KOP, GOED))

    assert preview.context["voorbeeld"].rijen[0].actie == "bijwerken"
    bevestigen(client, preview)

    assert Leerbedrijf.objects.count() == 1
    bestaand.refresh_from_db()
    bestaand.organisatie.refresh_from_db()
    assert bestaand.naam == "Bakkerij Test"
    assert bestaand.regio == regio()
    assert Contactpersoon.objects.get() == contact
    contact.refresh_from_db()
    assert contact.telefoon == "0612345678"
    assert Vestiging.objects.filter(leerbedrijf=bestaand).count() == 1
    entries = LogEntry.objects.get_for_object(bestaand.organisatie)
    assert entries.filter(action=LogEntry.Action.UPDATE, actor=consulent).exists()


def test_kvk_of_another_region_is_refused(client, consulent):
    elders = OrganisatieFactory(
        leerbedrijf=True, kvk_nummer="12345678", regios=[regio("AM01")]
    )
    LeerbedrijfFactory(organisatie=elders, regio=regio("AM01"))
    client.force_login(consulent)
    preview = uploaden(client, csv_bestand(KOP, GOED))

    rij = preview.context["voorbeeld"].rijen[0]
    assert rij.actie == "fout"
    assert rij.fouten == [
        ("kvk_nummer", "Dit leerbedrijf bestaat al in een andere regio.")
    ]
    assert "Bevestigen" not in preview.content.decode()
    bevestigen(client, preview)
    assert Leerbedrijf.objects.count() == 1


@pytest.mark.parametrize(
    ("regel", "kolom", "fout"),
    [
        ("Bakkerij;1234;Horeca;;;;;;;;", "kvk_nummer", "precies 8 cijfers"),
        ("Bakkerij;12345678;Ruimtevaart;;;;;;;;", "sector", "Onbekende waarde"),
        (
            "Bakkerij;12345678;Horeca;;Markt;1;0511 AB;Enschede;;;",
            "postcode",
            "postcode",
        ),
        (";12345678;Horeca;;;;;;;;", "naam", "leeg"),
    ],
)
def test_bad_cell_gives_dutch_error_and_nothing_is_saved(
    client, consulent, regel, kolom, fout
):
    client.force_login(consulent)
    preview = uploaden(
        client, csv_bestand(KOP, GOED.replace("12345678", "11111111"), regel)
    )

    rij = preview.context["voorbeeld"].rijen[1]
    assert rij.rij == 3
    assert rij.actie == "fout"
    assert any(k == kolom and fout in b for k, b in rij.fouten), rij.fouten
    assert f"Kolom {kolom}" in preview.content.decode()
    response = bevestigen(client, preview)
    assert response.status_code == 302
    assert Leerbedrijf.objects.count() == 0


def test_duplicate_kvk_in_the_file_is_an_error_on_the_later_row(client, consulent):
    client.force_login(consulent)
    preview = uploaden(client, csv_bestand(KOP, GOED, GOED))

    eerste, tweede = preview.context["voorbeeld"].rijen
    assert eerste.actie == "nieuw"
    assert tweede.fouten == [
        ("kvk_nummer", "Dit KvK-nummer staat al in rij 2 van dit bestand.")
    ]


def test_confirm_validates_again_and_saves_nothing_on_a_new_error(client, consulent):
    client.force_login(consulent)
    preview = uploaden(
        client, csv_bestand(KOP, GOED, GOED.replace("12345678", "22222222"))
    )
    assert not preview.context["voorbeeld"].heeft_fouten
    # Meanwhile the last row's KvK turns up in another region.
    LeerbedrijfFactory(
        organisatie=OrganisatieFactory(
            leerbedrijf=True, kvk_nummer="22222222", regios=[regio("AM01")]
        ),
        regio=regio("AM01"),
    )
    response = bevestigen(client, preview)

    assert response.status_code == 302
    assert "voorbeeld" in response["Location"]
    assert not Leerbedrijf.objects.filter(organisatie__kvk_nummer="12345678").exists()


def test_template_download_has_the_columns(client, consulent):
    client.force_login(consulent)
    response = client.get(reverse("leerbedrijven:import_sjabloon"))

    werkmap = load_workbook(io.BytesIO(response.content))
    kop = next(werkmap.active.iter_rows(values_only=True))
    assert list(kop) == [k.naam for k in KOLOMMEN]


def test_import_needs_add_leerbedrijf(client, mbo_medewerker):
    client.force_login(mbo_medewerker)
    assert client.get(reverse("leerbedrijven:import_upload")).status_code == 403


def test_upload_shows_dutch_error_next_to_the_field(client, consulent):
    client.force_login(consulent)
    response = client.post(
        reverse("leerbedrijven:import_upload"),
        {"bestand": csv_bestand("naam;sector", "X;Horeca"), "regio": regio().pk},
    )
    assert response.status_code == 200
    assert "kvk_nummer" in response.context["form"].errors["bestand"][0]


def test_another_user_cannot_use_the_preview_token(client, consulent):
    client.force_login(consulent)
    preview = uploaden(client, csv_bestand(KOP, GOED))
    anderen = medewerker_met_rol(Rol.CONSULENT)
    client.force_login(anderen)

    assert bevestigen(client, preview).status_code == 404
    assert Leerbedrijf.objects.count() == 0


def test_known_kvk_with_a_bad_cell_stays_an_error(client, consulent):
    LeerbedrijfFactory(organisatie__kvk_nummer="12345678")
    client.force_login(consulent)
    preview = uploaden(client, csv_bestand(KOP, GOED.replace("Horeca", "Ruimtevaart")))

    rij = preview.context["voorbeeld"].rijen[0]
    assert rij.actie == "fout"
    assert rij.fouten[0][0] == "sector"
