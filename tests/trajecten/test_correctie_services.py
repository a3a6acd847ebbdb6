"""traject_corrigeren: all or nothing, DB constraints of the history, the existing
agreement check reacting to a correction, rights, and concurrent corrections."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

import pytest

from core.workflow import TransitionNotAllowed
from organisaties.constants import Rol
from tests.factories.organisaties import medewerker_met_rol
from tests.gelijktijdig import gelijktijdig
from tests.trajecten.test_correctie import EIND, WISSEL, plaatsingen, traject_met_route
from trajecten.constants import CorrectieVeld, PdfStatus, TrajectStatus
from trajecten.models import (
    OvereenkomstVersie,
    Traject,
    TrajectCorrectie,
    TrajectCorrectieRegel,
)
from trajecten.services import (
    CorrectieInvoer,
    ontbrekende_handtekeningen,
    overeenkomsten_genereren,
    traject_corrigeren,
    traject_status_wijzigen,
    verouderde_overeenkomsten,
)

pytestmark = pytest.mark.django_db


def test_one_bad_field_keeps_every_other_change_out(consulent):
    traject = traject_met_route(consulent)
    werkfit, praktijk = plaatsingen(traject)
    with pytest.raises(ValidationError) as fout:
        traject_corrigeren(
            traject=traject,
            door=consulent,
            invoer=CorrectieInvoer(
                uren_per_week=16,
                plaatsingen={
                    werkfit.pk: (werkfit.startdatum, datetime.date(2027, 2, 28)),
                    praktijk.pk: (datetime.date(2027, 3, 1), EIND),
                    # past the end of the traject: the whole correction is refused
                },
                geplande_einddatum=datetime.date(2027, 8, 31),
            ),
            reden="Typefout.",
        )
    assert f"plaatsing_{praktijk.pk}_einddatum" in fout.value.error_dict
    traject.refresh_from_db()
    assert (traject.uren_per_week, traject.geplande_einddatum) == (24, EIND)
    assert plaatsingen(traject)[0].einddatum == WISSEL
    assert not TrajectCorrectie.objects.exists()


def test_history_rows_are_guarded_by_the_database(consulent):
    traject = traject_met_route(consulent, overeenkomsten=False)
    with transaction.atomic(), pytest.raises(IntegrityError):
        TrajectCorrectie.objects.create(traject=traject, door=consulent, reden="  ")
    correctie = TrajectCorrectie.objects.create(
        traject=traject, door=consulent, reden="Typefout."
    )
    with transaction.atomic(), pytest.raises(IntegrityError):
        TrajectCorrectieRegel.objects.create(
            correctie=correctie, veld=CorrectieVeld.UREN_PER_WEEK, oud="24", nieuw="24"
        )
    with transaction.atomic(), pytest.raises(IntegrityError):
        TrajectCorrectieRegel.objects.create(
            correctie=correctie, veld="kleur", oud="rood", nieuw="blauw"
        )


def test_a_correction_after_signing_triggers_the_existing_new_version_rule(consulent):
    """No version logic of its own: the fingerprint check that blocks the start sees
    the corrected data, and 'Overeenkomsten maken' makes version 2 of each."""
    traject = traject_met_route(consulent, getekend=True)
    # Ready versions (no PDF rendering here: only the status and a file name count).
    OvereenkomstVersie.objects.update(pdf_status=PdfStatus.KLAAR, pdf="x.pdf")
    assert verouderde_overeenkomsten(traject=traject) == []

    resultaat = traject_corrigeren(
        traject=traject,
        door=consulent,
        invoer=CorrectieInvoer(uren_per_week=20),
        reden="Het leerbedrijf had 20 uur afgesproken.",
    )
    assert resultaat.verouderde_overeenkomsten == [
        "plaatsing",
        "praktijk",
        "opleiding",
    ]
    traject.refresh_from_db()
    ontbreekt = ontbrekende_handtekeningen(traject=traject)
    assert any("gegevens van het traject zijn veranderd" in r for r in ontbreekt), (
        ontbreekt
    )
    with pytest.raises(TransitionNotAllowed, match="gegevens van het traject"):
        traject_status_wijzigen(
            traject=traject, naar=TrajectStatus.LOPEND, door=consulent
        )
    versies = overeenkomsten_genereren(traject=traject, door=consulent)
    assert {v.nummer for v in versies} == {2}
    assert versies[0].gegevens["uren_per_week"] == 20
    assert verouderde_overeenkomsten(traject=traject) == []


def test_only_the_consulent_or_the_schools_mbo_medewerker_may(consulent, jobcoach):
    mbo = medewerker_met_rol(Rol.MBO_MEDEWERKER)
    traject = traject_met_route(consulent, overeenkomsten=False)
    for gebruiker in (jobcoach, mbo):  # mbo: of another school than the traject's
        with pytest.raises(PermissionDenied):
            traject_corrigeren(
                traject=traject,
                door=gebruiker,
                invoer=CorrectieInvoer(uren_per_week=8),
                reden="x",
            )
    Traject.objects.filter(pk=traject.pk).update(mbo_instelling=mbo.organisatie)
    traject_corrigeren(
        traject=traject,
        door=mbo,
        invoer=CorrectieInvoer(uren_per_week=8),
        reden="Afgesproken met de school.",
    )
    assert Traject.objects.get(pk=traject.pk).uren_per_week == 8


def gelijktijdig_corrigeren(*opdrachten) -> list[str]:
    """Run the corrections at the same moment: "ok" or the refusal's message each."""
    uitkomsten = []
    for uitkomst in gelijktijdig(*opdrachten):
        if isinstance(uitkomst, ValidationError):
            uitkomsten.append(" ".join(uitkomst.messages))
        elif isinstance(uitkomst, Exception):
            raise uitkomst
        else:
            uitkomsten.append("ok")
    return uitkomsten


@pytest.mark.django_db(transaction=True)
def test_concurrent_corrections_lose_no_data(consulent):
    traject = traject_met_route(consulent, overeenkomsten=False)
    werkfit = plaatsingen(traject)[0]
    collega = medewerker_met_rol(Rol.CONSULENT, organisatie=consulent.organisatie)

    # Two people correcting different things at once: the row lock serialises them
    # and each keeps its own change.
    uitkomsten = gelijktijdig_corrigeren(
        lambda: traject_corrigeren(
            traject=traject,
            door=consulent,
            invoer=CorrectieInvoer(uren_per_week=20),
            reden="Minder uren.",
        ),
        lambda: traject_corrigeren(
            traject=traject,
            door=collega,
            invoer=CorrectieInvoer(
                plaatsingen={
                    werkfit.pk: (werkfit.startdatum, datetime.date(2027, 3, 15))
                }
            ),
            reden="Werkfit korter.",
        ),
    )
    assert uitkomsten == ["ok", "ok"]
    traject.refresh_from_db()
    assert traject.uren_per_week == 20
    assert plaatsingen(traject)[0].einddatum == datetime.date(2027, 3, 15)
    assert TrajectCorrectie.objects.filter(traject=traject).count() == 2

    # Two forms opened on the same version: the second save is refused, not merged
    # over the first.
    versie = traject.versie
    uitkomsten = gelijktijdig_corrigeren(
        *(
            lambda uren=uren: traject_corrigeren(
                traject=traject,
                door=consulent,
                invoer=CorrectieInvoer(uren_per_week=uren),
                reden=f"{uren} uur.",
                versie=versie,
            )
            for uren in (12, 16)
        )
    )
    assert "ok" in uitkomsten
    geweigerd = next(u for u in uitkomsten if u != "ok")
    assert "Iemand anders heeft deze gegevens net gewijzigd" in geweigerd
    traject.refresh_from_db()
    winnaar = TrajectCorrectie.objects.filter(traject=traject).latest("pk")
    assert winnaar.regels.get().nieuw == str(traject.uren_per_week)
    assert TrajectCorrectie.objects.filter(traject=traject).count() == 3
