"""Issue 7: importing leerbedrijven from .xlsx and .csv."""

import io

from django.urls import reverse

import pytest
from auditlog.models import LogEntry
from openpyxl import Workbook, load_workbook
from webtest import Upload

from kwalificaties.constants import Sector
from leerbedrijven.constants import LeerbedrijfSoort
from leerbedrijven.importeren import KOLOMMEN
from leerbedrijven.models import Contactpersoon, Leerbedrijf, Vestiging
from organisaties.constants import Rol
from tests.factories.leerbedrijven import ContactpersoonFactory, LeerbedrijfFactory
from tests.factories.organisaties import (
    OrganisatieFactory,
    medewerker_met_rol,
    regio,
)
from tests.formulieren import posten, verzenden

pytestmark = pytest.mark.django_db

KOP = "naam;kvk_nummer;sector;soort;straat;huisnummer;postcode;plaats;contactpersoon;telefoon;email"
GOED = "Bakkerij Test;12345678;Horeca;;Markt;1;7511ab;Enschede;Peter Brink;0612345678;p@example.org"


def csv_bestand(*regels, naam="leerbedrijven.csv"):
    return Upload(naam, ("\ufeff" + "\n".join(regels)).encode())


def upload_pagina(app, user):
    """The upload page, reached from the list's import link."""
    lijst = app.get(reverse("leerbedrijven:leerbedrijf_list"), user=user)
    return lijst.click(href=reverse("leerbedrijven:import_upload"))


def uploaden(app, user, bestand):
    """Choose the file on the upload page and follow to the preview."""
    response = verzenden(upload_pagina(app, user), bestand=bestand)
    assert response.status_code == 302, response.context["form"].errors
    return response.follow()


def bevestigen(preview, status=302):
    """Press 'Bevestigen' on the preview page."""
    return verzenden(preview, status=status)


def bevestigen_zonder_knop(app, user, preview, status):
    """A confirm the page does not offer (a preview with errors, another user)."""
    return posten(
        app,
        reverse("leerbedrijven:import_bevestigen"),
        {"token": preview.context["token"]},
        user=user,
        status=status,
    )


def test_import_creates_leerbedrijf_with_vestiging_and_contact(app, consulent):
    preview = uploaden(app, consulent, csv_bestand(KOP, GOED))

    assert preview.status_code == 200
    assert "1 nieuw, 0 bijwerken, 0 fouten" in preview.text
    response = bevestigen(preview)

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
    # Confirming again (the browser's back button) imports nothing a second time:
    # it says the import was done already.
    opnieuw = bevestigen(preview).follow()
    assert "Deze import is al verwerkt (1 nieuw, 0 bijgewerkt)" in opnieuw.text
    assert Leerbedrijf.objects.filter(organisatie__kvk_nummer="12345678").count() == 1


def test_import_reads_xlsx(app, consulent):
    werkmap = Workbook()
    werkmap.active.append([k.naam for k in KOLOMMEN])
    werkmap.active.append(["Garage X", 87654321, "techniek", "Ontwikkelbedrijf"])
    uit = io.BytesIO()
    werkmap.save(uit)
    preview = uploaden(app, consulent, Upload("lijst.xlsx", uit.getvalue()))
    bevestigen(preview)

    leerbedrijf = Leerbedrijf.objects.get(organisatie__kvk_nummer="87654321")
    assert leerbedrijf.soort == LeerbedrijfSoort.ONTWIKKELBEDRIJF


def test_known_kvk_is_an_update_not_a_double(app, consulent):
    bestaand = LeerbedrijfFactory(organisatie__kvk_nummer="12345678")
    contact = ContactpersoonFactory(leerbedrijf=bestaand, naam="Peter Brink")
    preview = uploaden(app, consulent, csv_bestand(KOP, GOED))

    assert preview.context["voorbeeld"].rijen[0].actie == "bijwerken"
    bevestigen(preview)

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


def test_kvk_of_another_region_is_refused(app, consulent):
    elders = OrganisatieFactory(
        leerbedrijf=True, kvk_nummer="12345678", regios=[regio("AM01")]
    )
    LeerbedrijfFactory(organisatie=elders, regio=regio("AM01"))
    preview = uploaden(app, consulent, csv_bestand(KOP, GOED))

    rij = preview.context["voorbeeld"].rijen[0]
    assert rij.actie == "fout"
    assert rij.fouten == [
        ("kvk_nummer", "Dit leerbedrijf bestaat al in een andere regio.")
    ]
    assert "Bevestigen" not in preview.text
    bevestigen_zonder_knop(app, consulent, preview, status=302)
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
    app, consulent, regel, kolom, fout
):
    preview = uploaden(
        app, consulent, csv_bestand(KOP, GOED.replace("12345678", "11111111"), regel)
    )

    rij = preview.context["voorbeeld"].rijen[1]
    assert rij.rij == 3
    assert rij.actie == "fout"
    assert any(k == kolom and fout in b for k, b in rij.fouten), rij.fouten
    assert f"Kolom {kolom}" in preview.text
    bevestigen_zonder_knop(app, consulent, preview, status=302)
    assert Leerbedrijf.objects.count() == 0


def test_duplicate_kvk_in_the_file_is_an_error_on_the_later_row(app, consulent):
    preview = uploaden(app, consulent, csv_bestand(KOP, GOED, GOED))

    eerste, tweede = preview.context["voorbeeld"].rijen
    assert eerste.actie == "nieuw"
    assert tweede.fouten == [
        ("kvk_nummer", "Dit KvK-nummer staat al in rij 2 van dit bestand.")
    ]


def test_confirm_validates_again_and_saves_nothing_on_a_new_error(app, consulent):
    preview = uploaden(
        app, consulent, csv_bestand(KOP, GOED, GOED.replace("12345678", "22222222"))
    )
    assert not preview.context["voorbeeld"].heeft_fouten
    # Meanwhile the last row's KvK turns up in another region.
    LeerbedrijfFactory(
        organisatie=OrganisatieFactory(
            leerbedrijf=True, kvk_nummer="22222222", regios=[regio("AM01")]
        ),
        regio=regio("AM01"),
    )
    response = bevestigen(preview)

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


def test_upload_shows_dutch_error_next_to_the_field(app, consulent):
    response = verzenden(
        upload_pagina(app, consulent),
        bestand=csv_bestand("naam;sector", "X;Horeca"),
        status=200,
    )
    fout = response.context["form"].errors["bestand"][0]
    assert "kvk_nummer" in fout
    assert "error_1_id_bestand" in response.text


def test_another_user_cannot_use_the_preview_token(app, consulent):
    preview = uploaden(app, consulent, csv_bestand(KOP, GOED))
    anderen = medewerker_met_rol(Rol.CONSULENT)

    bevestigen_zonder_knop(app, anderen, preview, status=404)
    assert Leerbedrijf.objects.count() == 0


def test_known_kvk_with_a_bad_cell_stays_an_error(app, consulent):
    LeerbedrijfFactory(organisatie__kvk_nummer="12345678")
    preview = uploaden(
        app, consulent, csv_bestand(KOP, GOED.replace("Horeca", "Ruimtevaart"))
    )

    rij = preview.context["voorbeeld"].rijen[0]
    assert rij.actie == "fout"
    assert rij.fouten[0][0] == "sector"
