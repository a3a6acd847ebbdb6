import re
from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

import pytest

from kandidaten.constants import Fase
from kandidaten.models import Kandidaat
from mijn.constants import ToegangSoort
from mijn.models import Toegang
from mijn.services import toegang_vinden
from organisaties.constants import Rol
from organisaties.models import Medewerker, Organisatie
from samenwerking.models import Scan
from tests.formulieren import verzenden
from tests.pdf import pdftekst_pad
from trajecten.constants import Ondertekenwijze, TrajectStatus
from trajecten.models import Ondertekening, Traject
from trajecten.services import ontbrekende_handtekeningen
from verklaringen.constants import BewijsSoort, BorgingStatus
from verklaringen.models import Bewijs, Borging, Praktijkverklaring

pytestmark = pytest.mark.django_db

DEMO_LOGINS = {
    "jessica": Rol.CONSULENT,
    "hans": Rol.CONSULENT,
    "opleider": Rol.PRAKTIJKOPLEIDER,
    "mbo": Rol.MBO_MEDEWERKER,
    "coordinator": Rol.REGIOCOORDINATOR,
    "beheer": Rol.FUNCTIONEEL_BEHEERDER,
}


def test_seed_demo_creates_a_login_per_role_and_is_safe_to_run_twice(capsys):
    call_command("seed_demo", "--zonder-trajecten")
    aantallen = (Organisatie.objects.count(), Medewerker.objects.count())
    call_command("seed_demo", "--zonder-trajecten")

    assert (Organisatie.objects.count(), Medewerker.objects.count()) == aantallen
    for username, rol in DEMO_LOGINS.items():
        medewerker = Medewerker.objects.get(username=username)
        assert medewerker.rollen == {rol}
        assert medewerker.check_password("plpv-demo")
        assert medewerker.organisatie.regios.filter(code="AM05").exists()
    assert "jessica" in capsys.readouterr().out


def test_seed_demo_fills_the_caseloads_with_the_personas():
    call_command("seed_demo", "--zonder-trajecten", stdout=StringIO())
    call_command("seed_demo", "--zonder-trajecten", stdout=StringIO())

    assert 38 <= Kandidaat.objects.count() <= 45
    halima = Kandidaat.objects.get(voornaam="Halima")
    assert halima.consulent.username == "jessica"
    assert halima.statushouder
    assert halima.leeftijd == 23
    arthur = Kandidaat.objects.get(voornaam="Arthur")
    assert arthur.consulent.username == "hans"
    assert set(Kandidaat.objects.values_list("fase", flat=True)) == set(Fase.values)


def test_seed_demo_refuses_where_demo_data_is_not_allowed(settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="refused"):
        call_command("seed_demo")
    assert not Medewerker.objects.filter(username="jessica").exists()


def test_seed_demo_makes_trajecten_in_every_state_and_halimas_partly_signed():
    call_command("seed_demo", stdout=StringIO())
    aantal = Traject.objects.count()
    call_command("seed_demo", stdout=StringIO())  # safe to repeat: nothing doubles

    assert Traject.objects.count() == aantal
    assert set(Traject.objects.values_list("status", flat=True)) == set(
        TrajectStatus.values
    )
    halima = Traject.objects.get(kandidaat__voornaam="Halima")
    assert (
        halima.plaatsingen.get().leerbedrijf.sector == "productie"
    )  # the confectie atelier
    ontbreekt = ontbrekende_handtekeningen(traject=halima)
    assert ontbreekt
    assert not any("Opleidingsovereenkomst" in regel for regel in ontbreekt)
    assert (
        Ondertekening.objects.filter(versie__overeenkomst__traject=halima).count() == 3
    )


def test_seed_demo_issues_verklaringen_and_revokes_one():
    call_command("seed_demo", stdout=StringIO())
    verklaringen = Praktijkverklaring.objects.all()
    assert verklaringen.count() >= 2
    assert verklaringen.filter(ingetrokken_op__isnull=False).count() == 1
    for v in verklaringen:
        # Issued through the workflow: the traject's history has the move.
        assert v.traject.statuswijzigingen.filter(
            naar=TrajectStatus.VERKLARING_UITGEREIKT
        ).exists()
        assert v.werkprocessen.count() < v.traject.werkprocessen.count()
    assert Borging.objects.filter(status=BorgingStatus.INGEDIEND).exists()


def test_seed_demo_paper_copies_are_real_pdfs_and_placed_candidates_had_an_advice():
    call_command("seed_demo", stdout=StringIO())

    op_papier = Ondertekening.objects.filter(wijze=Ondertekenwijze.PAPIER)
    assert op_papier.count() > 10
    for ondertekening in op_papier.select_related(
        "versie__overeenkomst__traject__kandidaat"
    ):
        with ondertekening.bestand.open("rb") as bestand:
            assert bestand.read(5) == b"%PDF-"
        tekst = pdftekst_pad(ondertekening.bestand.path)
        assert "Op papier getekend" in tekst
        # e.g. "Opleidingsovereenkomst versie 1"
        assert str(ondertekening.versie) in tekst
        assert ondertekening.versie.overeenkomst.traject.kandidaat.achternaam in tekst
        assert f"Partij: {ondertekening.get_partij_display()}" in tekst
        assert date_format(ondertekening.datum, "j F Y") in tekst

    # The funnel: everyone placed, and everyone in 'advies gegeven', had an advice.
    assert not Kandidaat.objects.filter(
        fase=Fase.ADVIES_GEGEVEN, adviezen__isnull=True
    ).exists()
    geplaatst = Kandidaat.objects.filter(trajecten__isnull=False).distinct()
    assert geplaatst.count() >= 15
    for kandidaat in geplaatst:
        for traject in kandidaat.trajecten.all():
            # The traject grew from the candidate's advice, given before it started.
            assert kandidaat.adviezen.exists()
            assert traject.advies is not None
            assert traject.advies.kandidaat_id == kandidaat.pk
            advies_op = timezone.localtime(traject.advies.created_at).date()
            assert kandidaat.toestemming_op <= advies_op <= traject.startdatum


def _demo_code(uitvoer: str) -> tuple[str, str]:
    """The code and date of birth seed_demo printed for the candidate's own pages."""
    gevonden = re.search(
        r"code ([A-Z0-9-]{14}), geboortedatum (\d\d-\d\d-\d{4})", uitvoer
    )
    assert gevonden, uitvoer
    return gevonden.group(1), gevonden.group(2)


def test_seed_demo_adds_other_proofs_a_self_scan_and_a_candidate_login(app):
    """Issue 16's new parts to try: other proofs beside a valid praktijkverklaring,
    the regional self-scan with an earlier version, and a way into /mijn/ that
    seed_demo prints (a new code each run; nothing else is added twice)."""
    modellen = (Bewijs, Scan, Toegang)
    eerste = StringIO()
    call_command("seed_demo", stdout=eerste)
    aantallen = [m.objects.count() for m in modellen]
    tweede = StringIO()
    call_command("seed_demo", stdout=tweede)

    # A second run adds nothing but a fresh code, which replaces the first one.
    assert [m.objects.count() for m in modellen] == [
        aantallen[0],
        aantallen[1],
        aantallen[2] + 1,
    ]
    assert aantallen[:2] == [3, 2]
    assert Toegang.objects.bruikbaar().count() == 1
    oude_code, _datum = _demo_code(eerste.getvalue())
    code, geboortedatum = _demo_code(tweede.getvalue())
    assert code != oude_code
    assert toegang_vinden(sleutel=oude_code, soort=ToegangSoort.CODE) is None

    # The proofs belong to the candidate with the valid praktijkverklaring.
    (traject_id,) = set(Bewijs.objects.values_list("traject", flat=True))
    verklaring = Praktijkverklaring.objects.get(
        traject_id=traject_id, ingetrokken_op__isnull=True
    )
    kandidaat = verklaring.traject.kandidaat
    assert f"kandidaat {kandidaat}" in tweede.getvalue()
    assert set(Bewijs.objects.values_list("soort", flat=True)) == {
        BewijsSoort.WERKNEMERSVAARDIGHEDEN,
        BewijsSoort.BRANCHECERTIFICAAT,
        BewijsSoort.EXAMENRESULTAAT,
    }
    certificaat = Bewijs.objects.get(soort=BewijsSoort.WERKNEMERSVAARDIGHEDEN)
    assert certificaat.gedragsvoorbeelden.exists()
    branche = Bewijs.objects.get(soort=BewijsSoort.BRANCHECERTIFICAAT)
    assert str(kandidaat) in pdftekst_pad(branche.document.path)

    # Twente's self-scan: two versions, the earlier one first, so the change shows.
    scans = list(Scan.objects.filter(regio__code="AM05").order_by("ingevuld_op"))
    assert len(scans) == 2
    assert scans[0].ingevuld_op < scans[1].ingevuld_op

    # The printed code and date of birth let the candidate in, once.
    pagina = app.get(reverse("mijn:code"))
    dag, maand, jaar = geboortedatum.split("-")
    overzicht = verzenden(
        pagina, code=code, geboortedatum=f"{jaar}-{maand}-{dag}", status=302
    ).follow()
    assert f"Hallo {kandidaat.voornaam}" in overzicht.text
    verklaringen = app.get(reverse("mijn:verklaringen"))
    # (Its PDF is made after the commit, which this test's transaction never has.)
    assert verklaring.verificatie_url in verklaringen.text
    assert toegang_vinden(sleutel=code, soort=ToegangSoort.CODE) is None
