from django.core.management import call_command
from django.core.management.base import CommandError

import pytest
from webtest import Upload

from kwalificaties.models import Kwalificatie, Werkproces
from tests.formulieren import verzenden

pytestmark = pytest.mark.django_db

KOP = "kwalificatie;crebo;niveau;kerntaak_code;kerntaak_titel;werkproces_code;werkproces_titel\n"
GOED = (
    KOP
    + "Medewerker schoonmaak;25412;2;B1-K1;Schoonmaken;B1-K1-W1;Maakt ruimtes schoon\n"
    + "Medewerker schoonmaak;25412;2;B1-K1;Schoonmaken;B1-K1-W2;Rondt werkzaamheden af\n"
    + "Entree;;1;B1-K1;;B1-K1-W1;Bereidt werkzaamheden voor\n"  # a new title
)
FOUT = KOP + "Medewerker schoonmaak;2541;7;B1-K1;x;B1-K2-W1;\n"


def test_command_dry_run_changes_nothing_and_import_adds_and_updates(tmp_path, capsys):
    pad = tmp_path / "dossiers.csv"
    pad.write_text("\ufeff" + GOED, encoding="utf-8")
    voor = Werkproces.objects.count()

    call_command("catalogus_importeren", str(pad), "--dry-run")
    assert "2 nieuw, 1 met een nieuwe titel" in capsys.readouterr().out
    assert Werkproces.objects.count() == voor

    call_command("catalogus_importeren", str(pad))
    assert Werkproces.objects.count() == voor + 2
    assert Kwalificatie.objects.get(crebo="25412").niveau == 2
    entree = Werkproces.objects.get(
        kerntaak__kwalificatie__naam="Entree", code="B1-K1-W1"
    )
    assert entree.titel == "Bereidt werkzaamheden voor"


def test_command_reports_errors_per_row_and_imports_nothing(tmp_path, capsys):
    pad = tmp_path / "fout.csv"
    pad.write_text(GOED + FOUT.split("\n", 1)[1], encoding="utf-8")
    voor = Werkproces.objects.count()
    with pytest.raises(CommandError, match="niets geïmporteerd"):
        call_command("catalogus_importeren", str(pad))
    fouten = capsys.readouterr().err
    assert "Rij 5: crebo moet 5 cijfers zijn; niveau moet 1, 2, 3 of 4 zijn" in fouten
    assert "hoort niet bij deze kerntaak" in fouten
    assert "werkproces_titel is leeg" in fouten
    assert Werkproces.objects.count() == voor


def importeer_knop(pagina):
    """The preview's second form, the one with the 'Importeren' button (both forms
    post to the page itself, so `actie` cannot tell them apart)."""
    (form,) = [
        f
        for k, f in pagina.forms.items()
        if isinstance(k, int) and f.method.upper() == "POST" and "actie" in f.fields
    ]
    return form


def test_admin_upload_previews_then_imports(app, beheerder):
    url = "/beheer/kwalificaties/kwalificatie/importeren/"
    lijst = app.get("/beheer/kwalificaties/kwalificatie/", user=beheerder)
    pagina = lijst.click(href=url)
    voor = Werkproces.objects.count()

    fout = verzenden(
        pagina, actie="", bestand=Upload("d.csv", FOUT.encode()), status=200
    )
    assert "Er is niets geïmporteerd" in fout.text
    assert "Importeren</button>" not in fout.text
    preview = verzenden(
        fout, actie="", bestand=Upload("d.csv", GOED.encode()), status=200
    )
    assert "2 nieuw" in preview.text
    assert Werkproces.objects.count() == voor

    klaar = importeer_knop(preview).submit("actie", status=302)
    assert klaar["Location"].endswith("/beheer/kwalificaties/kwalificatie/")
    assert Werkproces.objects.count() == voor + 2


def test_admin_import_is_for_beheerders(client, consulent):
    client.force_login(consulent)
    response = client.get("/beheer/kwalificaties/kwalificatie/importeren/", follow=True)
    assert response.status_code == 403
