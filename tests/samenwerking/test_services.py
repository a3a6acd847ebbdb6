"""The scan as versions: numbering, validation (nothing saved on an error), sharing,
the change since last time, and the audit trail."""

from django.core.exceptions import PermissionDenied, ValidationError

import pytest
from auditlog.models import LogEntry

from samenwerking.constants import Richting
from samenwerking.models import Antwoordoptie, Scan, ScanAntwoord, Vraag
from samenwerking.selectors import actieve_vragen, fase_overzicht, vorige_scan
from samenwerking.services import Invoer, laatste_invoer, scan_delen, scan_opslaan
from tests.factories.organisaties import regio
from tests.factories.samenwerking import coordinator_van, invoer, scan_maken

pytestmark = pytest.mark.django_db


@pytest.fixture
def twente():
    return regio("AM05")


@pytest.fixture
def coordinator_twente(twente):
    return coordinator_van(twente)


def test_the_migration_loads_three_dimensions_with_five_stages_and_the_agreements():
    fasevragen = Vraag.objects.filter(soort="fase")
    assert set(fasevragen.values_list("code", flat=True)) == {
        "proces",
        "begeleiding",
        "monitoring",
    }
    for vraag in fasevragen:
        assert list(vraag.opties.values_list("fase", flat=True)) == [1, 2, 3, 4, 5]
    assert Antwoordoptie.objects.get(vraag__code="proces", fase=5).titel == (
        "Regionale partner voor arbeidsontwikkeling"
    )
    open_verplicht = set(
        Vraag.objects.filter(soort="open", verplicht=True).values_list(
            "code", flat=True
        )
    )
    assert open_verplicht == {
        "verantwoordelijk",
        "doelgroepen",
        "financiering",
        "mbo_borging",
    }


def test_each_scan_is_a_new_version_with_its_date_and_author(
    twente, coordinator_twente
):
    eerste = scan_maken(twente, coordinator_twente, proces=2)
    tweede = scan_maken(twente, coordinator_twente, proces=3)
    assert (eerste.versie, tweede.versie) == (1, 2)
    assert tweede.ingevuld_door == coordinator_twente
    assert tweede.ingevuld_op >= eerste.ingevuld_op
    # The first version is unchanged: its own answers, as they were asked.
    assert eerste.antwoorden.get(vraag__code="proces").fase == 2
    assert tweede.antwoorden.get(vraag__code="proces").fase == 3
    assert ScanAntwoord.objects.filter(scan=tweede).count() == 7


def test_an_option_of_another_question_is_refused_and_nothing_is_saved(
    twente, coordinator_twente
):
    antwoorden = invoer()
    vreemd = Antwoordoptie.objects.get(vraag__code="begeleiding", fase=4)
    antwoorden["proces"] = Invoer(optie=vreemd.pk)
    with pytest.raises(ValidationError) as fout:
        scan_opslaan(
            regio=twente,
            door=coordinator_twente,
            vragen=actieve_vragen(),
            invoer=antwoorden,
        )
    assert fout.value.message_dict == {
        "vraag_proces": ["Kies een van de fases bij deze vraag."]
    }
    assert not Scan.objects.exists()
    assert not ScanAntwoord.objects.exists()


def test_a_missing_required_answer_is_refused_with_a_dutch_message(
    twente, coordinator_twente
):
    antwoorden = invoer()
    del antwoorden["monitoring"]
    antwoorden["financiering"] = Invoer(tekst="   ")
    with pytest.raises(ValidationError) as fout:
        scan_opslaan(
            regio=twente,
            door=coordinator_twente,
            vragen=actieve_vragen(),
            invoer=antwoorden,
        )
    assert fout.value.message_dict == {
        "vraag_monitoring": ["Kies de fase die nu het best past."],
        "vraag_financiering": [
            "Beantwoord deze vraag. Nog geen afspraak? Schrijf dat op."
        ],
    }
    assert not Scan.objects.exists()


def test_a_coordinator_of_another_region_cannot_save_or_share(
    twente, coordinator_twente
):
    buiten = coordinator_van(regio("AM01"))
    with pytest.raises(PermissionDenied):
        scan_maken(twente, buiten)
    scan = scan_maken(twente, coordinator_twente)
    with pytest.raises(PermissionDenied):
        scan_delen(scan=scan, door=buiten, gedeeld=True)
    scan.refresh_from_db()
    assert not scan.gedeeld


def test_the_change_per_dimension_since_the_previous_version(
    twente, coordinator_twente
):
    eerste = scan_maken(
        twente, coordinator_twente, proces=2, begeleiding=3, monitoring=2
    )
    tweede = scan_maken(
        twente, coordinator_twente, proces=4, begeleiding=2, monitoring=2
    )
    vorige = vorige_scan(tweede, user=coordinator_twente)
    assert vorige == eerste
    regels = {r.vraag.split(":")[0]: r for r in fase_overzicht(tweede, vorige)}
    assert regels["Proces"].richting == Richting.HOGER
    assert regels["Proces"].verschil == 2
    assert regels["Begeleiding"].richting == Richting.LAGER
    assert regels["Monitoring en sturing"].richting == Richting.GELIJK
    assert {r.richting for r in fase_overzicht(eerste, None)} == {Richting.NIEUW}


def test_another_region_compares_only_with_the_previous_shared_version(
    twente, coordinator_twente
):
    buiten = coordinator_van(regio("AM01"))
    eerste = scan_maken(twente, coordinator_twente, gedeeld=True, proces=1)
    scan_maken(twente, coordinator_twente, proces=4)  # not shared
    derde = scan_maken(twente, coordinator_twente, gedeeld=True, proces=3)
    assert vorige_scan(derde, user=buiten) == eerste
    assert vorige_scan(derde, user=coordinator_twente).versie == 2


def test_a_new_scan_starts_from_the_answers_of_the_last(twente, coordinator_twente):
    scan = scan_maken(twente, coordinator_twente, proces=3)
    vorige = laatste_invoer(scan)
    assert (
        vorige["proces"].optie
        == Antwoordoptie.objects.get(vraag__code="proces", fase=3).pk
    )
    assert vorige["financiering"].tekst == "De gemeente betaalt."
    assert laatste_invoer(None) == {}


def test_saving_and_sharing_are_in_the_audit_trail(twente, coordinator_twente):
    scan = scan_maken(twente, coordinator_twente)
    assert (
        LogEntry.objects.get_for_object(scan)
        .filter(action=LogEntry.Action.CREATE)
        .exists()
    )
    antwoord = scan.antwoorden.first()
    assert LogEntry.objects.get_for_object(antwoord).exists()
    scan_delen(scan=scan, door=coordinator_twente, gedeeld=True)
    wijziging = LogEntry.objects.get_for_object(scan).get(action=LogEntry.Action.UPDATE)
    assert "gedeeld" in wijziging.changes_dict


def test_old_versions_keep_the_text_they_were_asked_with(twente, coordinator_twente):
    scan = scan_maken(twente, coordinator_twente, proces=2)
    optie = Antwoordoptie.objects.get(vraag__code="proces", fase=2)
    optie.titel = "Werk-leerbedrijf (nieuwe naam)"
    optie.save()
    Vraag.objects.filter(code="financiering").update(actief=False)
    assert scan.antwoorden.get(vraag__code="proces").fase_titel == (
        "Werk-leerbedrijf (begeleiding beperkt, niet uniform)"
    )
    nieuw = scan_maken(twente, coordinator_twente, proces=2)
    assert nieuw.antwoorden.get(vraag__code="proces").fase_titel == (
        "Werk-leerbedrijf (nieuwe naam)"
    )
    # An inactive question is no longer asked; the old version keeps its answer.
    assert not nieuw.antwoorden.filter(vraag__code="financiering").exists()
    assert scan.antwoorden.filter(vraag__code="financiering").exists()
