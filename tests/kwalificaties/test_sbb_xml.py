"""The SBB kwalificatiedossier XML import: a synthetic sample in the XSD's shape
(tests/kwalificaties/data/sbb_voorbeeld.xml), hostile files, shape differences, the
command and the admin upload page (webtest, CSRF on)."""

import datetime
import io
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest
from webtest import Upload

from kwalificaties.models import Kerntaak, Kwalificatie, Werkproces
from kwalificaties.sbb_xml import xml_controleren, xml_importeren
from tests.factories.verklaringen import GedragsvoorbeeldFactory
from tests.formulieren import verzenden
from verklaringen.models import Gedragsvoorbeeld

pytestmark = pytest.mark.django_db

VOORBEELD = (Path(__file__).parent / "data" / "sbb_voorbeeld.xml").read_bytes()
URL = "/beheer/kwalificaties/kwalificatie/importeren/"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE sbb [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<sbb><dossiers><dossier titel="&lol3;"/></dossiers></sbb>
"""
EXTERN = b"""<?xml version="1.0"?>
<!DOCTYPE sbb [<!ENTITY geheim SYSTEM "file:///etc/passwd">]>
<sbb><dossiers><dossier titel="&geheim;"/></dossiers></sbb>
"""


def stand():
    """What the catalog holds, to prove a refused file changed nothing."""
    return (
        list(Kwalificatie.objects.values_list("naam", "crebo", "einde_instroom")),
        list(Werkproces.objects.values_list("code", "titel")),
        Gedragsvoorbeeld.objects.count(),
    )


def hospitality():
    return Kwalificatie.objects.get(crebo="27052")


def test_sample_imports_kwalificaties_with_dates_and_matches_existing_on_code():
    bestaand = hospitality()
    w1 = Werkproces.objects.get(kerntaak__kwalificatie=bestaand, code="B1-K1-W1")
    w3 = Werkproces.objects.get(kerntaak__kwalificatie=bestaand, code="B1-K1-W3")
    kwalificaties_voor = Kwalificatie.objects.count()

    proef = xml_controleren(io.BytesIO(VOORBEELD))
    assert proef.goed, proef.fouten
    assert (proef.kwalificaties, len(proef.rijen)) == (2, 6)
    assert (proef.nieuw, proef.bijgewerkt, proef.gedrag_concepten) == (3, 3, 5)
    assert (
        Kwalificatie.objects.count() == kwalificaties_voor
    )  # the dry run wrote nothing

    controle = xml_importeren(io.BytesIO(VOORBEELD))
    assert controle.goed
    assert controle.gedrag_concepten == 5
    assert Kwalificatie.objects.count() == kwalificaties_voor + 1
    kw = hospitality()
    assert kw.pk == bestaand.pk
    assert (str(kw.geldig_van), str(kw.einde_instroom), str(kw.einde_opleiding)) == (
        "2026-08-01",
        "2031-07-31",
        "2034-07-31",
    )
    assert kw.dossier == "Medewerker hospitality en voeding"
    w1.refresh_from_db()  # the same row (trajecten keep it), a new title
    assert w1.titel == "Ontvangt gasten en helpt ze"
    assert Werkproces.objects.filter(pk=w3.pk).exists()  # not in the file: kept
    assert Kerntaak.objects.get(kwalificatie=kw, code="P1-K1").titel == (
        "Werkt in de bediening"
    )
    voeding = Kwalificatie.objects.get(crebo="27053")
    assert (voeding.naam, voeding.niveau) == ("Medewerker voeding", 1)
    assert sorted(
        Werkproces.objects.van_kwalificatie(voeding).values_list("code", flat=True)
    ) == ["B1-K1-W1", "B1-K1-W2", "P2-K1-W1"]


def test_werkprocesgedrag_becomes_draft_examples_never_overwriting_existing_ones():
    w1 = Werkproces.objects.get(kerntaak__kwalificatie__crebo="27052", code="B1-K1-W1")
    eigen = GedragsvoorbeeldFactory(
        werkproces=w1, leerbedrijf=None, tekst="Zegt goedemorgen tegen de gast."
    )

    controle = xml_importeren(io.BytesIO(VOORBEELD))
    assert controle.gedrag_concepten == 4  # W1 already had one
    assert list(
        Gedragsvoorbeeld.objects.filter(werkproces=w1).values_list("tekst", flat=True)
    ) == [eigen.tekst]
    w2 = Werkproces.objects.get(kerntaak__kwalificatie__crebo="27052", code="B1-K1-W2")
    concepten = Gedragsvoorbeeld.objects.filter(werkproces=w2, leerbedrijf=None)
    assert [(g.tekst, g.actief) for g in concepten] == [
        ("Werkt hygiënisch en volgt de regels.", False)
    ]
    voeding_w1 = Werkproces.objects.get(
        kerntaak__kwalificatie__crebo="27053", code="B1-K1-W1"
    )
    assert list(
        Gedragsvoorbeeld.objects.filter(werkproces=voeding_w1).values_list(
            "tekst", "volgorde"
        )
    ) == [
        ("Begroet gasten vriendelijk.", 1),
        ("Luistert naar de wensen van de gast.", 2),
    ]

    # The draft, edited by the mbo, survives the next import; no duplicates.
    concepten.update(tekst="Houdt de bar schoon.", actief=True)
    aantal = Gedragsvoorbeeld.objects.count()
    assert xml_importeren(io.BytesIO(VOORBEELD)).gedrag_concepten == 0
    assert Gedragsvoorbeeld.objects.count() == aantal
    assert concepten.get().tekst == "Houdt de bar schoon."


@pytest.mark.parametrize(
    ("inhoud", "tekst"),
    [
        (BILLION_LAUGHS, "bevat een DTD"),
        (EXTERN, "bevat een DTD"),
        (b"<sbb><dossiers><dossier", "geen geldige XML"),
    ],
)
def test_hostile_or_broken_file_is_refused_in_dutch_and_nothing_changes(inhoud, tekst):
    voor = stand()
    controle = xml_importeren(io.BytesIO(inhoud))
    assert not controle.goed
    assert tekst in controle.fouten[0]
    assert stand() == voor


def test_oversize_file_is_refused_before_and_while_reading(settings):
    settings.CATALOGUS_XML_MAX_MB = 1
    groot = VOORBEELD.replace(b"<sbb>", b"<sbb><!--" + b"x" * 1024 * 1024 + b"-->")
    voor = stand()
    # Size known (an upload, a file on disk): refused before parsing.
    controle = xml_importeren(io.BytesIO(groot), grootte=len(groot))
    assert controle.fouten == [
        "Het bestand is groter dan 1 MB. Dat is meer dan het portaal inleest "
        "(instelling CATALOGUS_XML_MAX_MB)."
    ]
    # Size unknown (a stream): the reader stops at the limit.
    assert "groter dan 1 MB" in xml_importeren(io.BytesIO(groot)).fouten[0]
    assert stand() == voor


def test_missing_crebo_and_bad_date_are_reported_with_their_element_path():
    fout = VOORBEELD.replace(
        b'Datum_einde_opleiding="2034-07-31">27053</crebo>',
        b'Datum_einde_opleiding="2034-07-31"></crebo>',
    ).replace(
        b'Datum_einde_instroom="2031-07-31" Datum_einde_opleiding="2034-07-31" '
        b'ministerie="OCW" prijsfactor="1.0">27052',
        b'Datum_einde_instroom="31-07-2031" Datum_einde_opleiding="2034-07-31" '
        b'ministerie="OCW" prijsfactor="1.0">27052',
    )
    voor = stand()
    controle = xml_importeren(io.BytesIO(fout))
    pad = "/sbb/dossiers/dossier[1]/profielen"
    assert controle.fouten == [
        f"{pad}/profiel[1]/creboinformatie/crebo[1]/@Datum_einde_instroom: "
        "'31-07-2031' is geen datum in de vorm JJJJ-MM-DD.",
        f"{pad}/profiel[2]/creboinformatie/crebo[1]: crebo moet 5 cijfers zijn "
        "(gevonden: '').",
    ]
    assert stand() == voor
    zonder = VOORBEELD.replace(
        b'<crebo Geldig_vanaf="2026-08-01" Datum_einde_instroom="2031-07-31" '
        b'Datum_einde_opleiding="2034-07-31">27053</crebo>',
        b"",
    )
    assert xml_controleren(io.BytesIO(zonder)).fouten == [
        f"{pad}/profiel[2]/creboinformatie/crebo: crebo ontbreekt."
    ]


def test_a_file_of_another_shape_is_named_not_guessed():
    ander = b'<sbb xmlns="urn:sbb"><dossiers/></sbb>'
    (fout,) = xml_controleren(io.BytesIO(ander)).fouten
    assert (
        "/{urn:sbb}sbb: het hoofdelement is <{urn:sbb}sbb>; verwacht is <sbb>" in fout
    )
    leeg = xml_controleren(io.BytesIO(b"<sbb><kwalificaties/></sbb>"))
    assert leeg.fouten == [
        "/sbb/dossiers/dossier: geen enkel dossier gevonden; verwacht is "
        "<sbb><dossiers><dossier ...>."
    ]
    assert leeg.opmerkingen == [
        "/sbb/kwalificaties: onbekend element (1 keer), overgeslagen."
    ]
    extra = VOORBEELD.replace(b"<omschrijving>", b"<typering/><omschrijving>")
    controle = xml_controleren(io.BytesIO(extra))
    assert controle.goed
    assert controle.opmerkingen == [
        "/sbb/dossiers/dossier/profielen/profiel/typering: onbekend element (1 keer), "
        "overgeslagen."
    ]


def test_a_renamed_kwalificatie_with_a_new_crebo_is_an_error_not_a_guess():
    # SBB gives a revised kwalificatie a new crebo under the same name: the portal
    # cannot hold two of one name, so the beheerder decides (renames the old one).
    nieuw = VOORBEELD.replace(b">27052<", b">29999<")
    voor = stand()
    controle = xml_importeren(io.BytesIO(nieuw))
    assert controle.fouten == [
        "Kwalificatie 'Medewerker hospitality': er is al een kwalificatie 'Medewerker "
        "hospitality' met crebo 27052; geef die eerst een andere naam als crebo 29999 "
        "een nieuwe kwalificatie is."
    ]
    assert stand() == voor


def test_command_takes_the_xml_by_its_content(tmp_path, capsys):
    pad = tmp_path / "dossiers.bestand"  # no telling extension: the content decides
    pad.write_bytes(VOORBEELD)
    call_command("catalogus_importeren", str(pad), "--dry-run")
    assert "2 kwalificaties, 6 werkprocessen (3 nieuw, 3 met een nieuwe titel)" in (
        capsys.readouterr().out
    )
    assert not Kwalificatie.objects.filter(crebo="27053").exists()
    call_command("catalogus_importeren", str(pad))
    assert Kwalificatie.objects.filter(crebo="27053").exists()
    (tmp_path / "slecht.xml").write_bytes(BILLION_LAUGHS)
    with pytest.raises(CommandError, match="niets geïmporteerd"):
        call_command("catalogus_importeren", str(tmp_path / "slecht.xml"))
    assert "bevat een DTD" in capsys.readouterr().err


def importeer_formulier(pagina):
    (form,) = [
        f
        for k, f in pagina.forms.items()
        if isinstance(k, int) and f.method.upper() == "POST" and "actie" in f.fields
    ]
    return form


def test_upload_page_checks_the_xml_then_imports_the_same_file(app, beheerder):
    pagina = app.get(URL, user=beheerder)
    slecht = verzenden(
        pagina, actie="", bestand=Upload("d.xml", BILLION_LAUGHS), status=200
    )
    assert "Er is niets geïmporteerd" in slecht.text
    assert "bevat een DTD" in slecht.text
    assert "Importeren</button>" not in slecht.text

    preview = verzenden(
        slecht, actie="", bestand=Upload("dossiers.xml", VOORBEELD), status=200
    )
    assert "2 kwalificaties, 6 werkprocessen: 3 nieuw, 3 met een nieuwe titel" in (
        " ".join(preview.text.split())
    )
    assert not Kwalificatie.objects.filter(crebo="27053").exists()

    # The import step wants the file that was checked, not another one.
    ander = VOORBEELD.replace(b"Maakt broodjes klaar", b"Snijdt brood")
    form = importeer_formulier(preview)
    form["bestand"] = Upload("dossiers.xml", ander)
    fout = form.submit("actie", status=200)
    assert "niet het bestand dat je net hebt gecontroleerd" in fout.text
    assert not Kwalificatie.objects.filter(crebo="27053").exists()

    form = importeer_formulier(preview)
    form["bestand"] = Upload("dossiers.xml", VOORBEELD)
    klaar = form.submit("actie", status=302)
    assert klaar["Location"].endswith("/beheer/kwalificaties/kwalificatie/")
    assert Kwalificatie.objects.get(crebo="27053").naam == "Medewerker voeding"
    assert "Geïmporteerd: 2 kwalificaties" in klaar.follow().text


def test_upload_page_refuses_an_oversize_xml(app, beheerder, settings):
    settings.CATALOGUS_XML_MAX_MB = 1
    groot = VOORBEELD.replace(b"<sbb>", b"<sbb><!--" + b"x" * 1024 * 1024 + b"-->")
    pagina = app.get(URL, user=beheerder)
    response = verzenden(pagina, actie="", bestand=Upload("d.xml", groot), status=200)
    assert response.context["form"].errors["bestand"] == [
        "Het bestand is groter dan 1 MB."
    ]
    assert not Kwalificatie.objects.filter(crebo="27053").exists()


def test_werkprocesgedrag_is_split_per_line_and_long_lines_per_sentence():
    from verklaringen.begeleiding import gedrag_opdelen

    lang = "Werkt nauwkeurig. " * 20
    assert gedrag_opdelen("- Begroet de gast.\n\n• Ruimt op.") == [
        "Begroet de gast.",
        "Ruimt op.",
    ]
    delen = gedrag_opdelen(lang)
    assert delen == ["Werkt nauwkeurig."] * 20
    assert gedrag_opdelen("x" * 400) == ["x" * 299 + "…"]


def test_einde_opleiding_before_einde_instroom_is_a_dutch_form_error():
    from django.core.exceptions import ValidationError

    kw = hospitality()
    kw.einde_instroom, kw.einde_opleiding = (
        datetime.date(2030, 7, 31),
        datetime.date(2029, 7, 31),
    )
    with pytest.raises(ValidationError) as fout:
        kw.full_clean()
    assert "einde_opleiding" in fout.value.message_dict
