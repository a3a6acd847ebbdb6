"""Issuing and revoking the praktijkverklaring (services; PDFs run in-process here)."""

import datetime
import threading

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

import pytest

from core.pdf import PdfStatus
from kandidaten.models import Gebeurtenis
from meldingen.models import Melding
from organisaties.constants import Rol
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol
from tests.factories.verklaringen import (
    alles_beoordelen,
    goedgekeurd_traject,
    mbo_van,
    traject_met_opleider,
)
from tests.pdf import pdftekst
from trajecten.constants import TrajectStatus
from verklaringen.models import Nummerreeks, Praktijkverklaring
from verklaringen.services import (
    beoordeling_indienen,
    verklaring_intrekken,
    verklaring_uitreiken,
)

pytestmark = pytest.mark.django_db
BASIS = "https://plpv.example.nl"


def uitreiken(traject, door, **kwargs):
    kwargs.setdefault("plaats", "Zwolle")
    return verklaring_uitreiken(
        traject=traject, door=door, verificatie_basis=BASIS, **kwargs
    )


def test_uitreiken_lists_only_mastered_werkprocessen_and_moves_the_traject():
    traject, _opleider, mbo = goedgekeurd_traject(beheerst=[True, False, True])
    codes = [w.code for w in traject.werkprocessen.order_by("code")]

    v = uitreiken(traject, mbo)

    assert [w.code for w in v.werkprocessen.order_by("code")] == [codes[0], codes[2]]
    jaar = timezone.localdate().year
    assert v.nummer.endswith(f"-{jaar}-0001")
    assert v.verificatie_url == f"{BASIS}/verificatie/{v.code}/"
    assert len(v.code) >= 24
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.VERKLARING_UITGEREIKT
    assert traject.statuswijzigingen.filter(
        van=TrajectStatus.BEOORDEELD, naar=TrajectStatus.VERKLARING_UITGEREIKT
    ).exists()
    assert Gebeurtenis.objects.filter(
        kandidaat=traject.kandidaat, titel__contains=v.nummer
    ).exists()


def test_the_pdf_lists_exactly_the_mastered_werkprocessen(
    django_capture_on_commit_callbacks,
):
    traject, _opleider, mbo = goedgekeurd_traject(beheerst=[True, False, True])
    werkprocessen = list(traject.werkprocessen.order_by("code"))

    # Queued on commit; without a worker fixture the task runs in-process.
    with django_capture_on_commit_callbacks(execute=True):
        v = uitreiken(traject, mbo)
    v.refresh_from_db()

    assert v.pdf_status == PdfStatus.KLAAR
    tekst = pdftekst(v)
    assert werkprocessen[0].code in tekst
    assert werkprocessen[2].code in tekst
    assert werkprocessen[1].code not in tekst
    assert f"Praktijkverklaring {v.nummer} · pagina 1 van 1" in tekst  # footer
    assert traject.kandidaat.achternaam in tekst
    assert traject.kwalificatie.crebo in tekst
    assert f"/verificatie/{v.code}/" in tekst.replace("\n", "")


def test_uitreiken_refused_before_the_assessment_is_approved():
    traject, opleider = traject_met_opleider()
    alles_beoordelen(traject, opleider)
    beoordeling_indienen(traject=traject, door=opleider)
    with pytest.raises(ValidationError, match="goedgekeurd"):
        uitreiken(traject, mbo_van(traject))
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.BEOORDEELD
    assert not Praktijkverklaring.objects.exists()
    assert not Nummerreeks.objects.exists()


def test_uitreiken_refused_when_nothing_is_mastered():
    traject, _opleider, mbo = goedgekeurd_traject(beheerst=False)
    with pytest.raises(ValidationError, match="Geen enkel werkproces"):
        uitreiken(traject, mbo)
    assert not Praktijkverklaring.objects.exists()


@pytest.mark.parametrize(
    ("kwargs", "melding"),
    [
        ({"plaats": "  "}, "plaats"),
        (
            {"uitgereikt_op": timezone.localdate() + datetime.timedelta(days=1)},
            "toekomst",
        ),
        (
            {"uitgereikt_op": timezone.localdate() - datetime.timedelta(days=1)},
            "vóór de eindbeoordeling",
        ),
    ],
)
def test_uitreiken_refuses_bad_input_and_uses_no_number(kwargs, melding):
    traject, _opleider, mbo = goedgekeurd_traject()
    with pytest.raises(ValidationError, match=melding):
        uitreiken(traject, mbo, **kwargs)
    assert not Praktijkverklaring.objects.exists()
    # The next one still gets number 1: a refused issue leaves no gap.
    assert uitreiken(traject, mbo).volgnummer == 1


def test_only_the_traject_s_own_mbo_instelling_issues():
    traject, opleider, _mbo = goedgekeurd_traject()
    ander = medewerker_met_rol(
        Rol.MBO_MEDEWERKER, organisatie=OrganisatieFactory(mbo=True)
    )
    for door in (ander, traject.consulent, opleider):
        with pytest.raises(PermissionDenied):
            uitreiken(traject, door)
    assert not Praktijkverklaring.objects.exists()


def test_numbers_run_per_mbo_instelling_and_year_without_gaps():
    mbo_a = OrganisatieFactory(mbo=True, brin_code="25PZ")
    eerste = [goedgekeurd_traject(mbo_instelling=mbo_a) for _ in range(3)]
    ander_mbo, _o, ander_mw = goedgekeurd_traject()

    nummers = [uitreiken(t, mw).nummer for t, _o, mw in eerste]
    jaar = timezone.localdate().year
    assert nummers == [f"25PZ-{jaar}-0001", f"25PZ-{jaar}-0002", f"25PZ-{jaar}-0003"]
    assert uitreiken(ander_mbo, ander_mw).volgnummer == 1
    assert Nummerreeks.objects.get(mbo_instelling=mbo_a, jaar=jaar).laatste == 3


@pytest.mark.django_db(transaction=True)
def test_concurrent_issuing_gives_unique_gapless_numbers():
    """Six mbo-medewerkers issue at the same moment, each on their own connection."""
    mbo = OrganisatieFactory(mbo=True, brin_code="30RR")
    trajecten = [goedgekeurd_traject(mbo_instelling=mbo) for _ in range(6)]
    start = threading.Barrier(len(trajecten))
    nummers, fouten = [], []

    def reik_uit(traject, mw):
        try:
            start.wait()
            nummers.append(uitreiken(traject, mw).volgnummer)
        except Exception as exc:  # noqa: BLE001 — reported below
            fouten.append(exc)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=reik_uit, args=(t, mw)) for t, _o, mw in trajecten
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert not fouten
    assert sorted(nummers) == [1, 2, 3, 4, 5, 6]
    assert Praktijkverklaring.objects.filter(mbo_instelling=mbo).count() == 6


def test_intrekken_records_reason_and_notifies_the_consulent():
    traject, _opleider, mbo = goedgekeurd_traject()
    v = uitreiken(traject, mbo)

    verklaring_intrekken(
        verklaring=v, door=mbo, reden="Verkeerde kwalificatie gekozen."
    )

    v.refresh_from_db()
    assert v.is_ingetrokken
    assert v.intrekking_reden == "Verkeerde kwalificatie gekozen."
    assert Melding.objects.filter(
        ontvanger=traject.consulent, oorzaak=f"verklaring_ingetrokken:{v.pk}"
    ).exists()
    assert not Melding.objects.filter(ontvanger=mbo).exists()
    assert Gebeurtenis.objects.filter(titel__contains="ingetrokken").exists()
    with pytest.raises(ValidationError, match="al ingetrokken"):
        verklaring_intrekken(verklaring=v, door=mbo, reden="Nog eens.")


def test_intrekken_needs_a_reason_and_the_own_mbo():
    traject, _opleider, mbo = goedgekeurd_traject()
    v = uitreiken(traject, mbo)
    with pytest.raises(ValidationError, match="waarom"):
        verklaring_intrekken(verklaring=v, door=mbo, reden=" ")
    with pytest.raises(PermissionDenied):
        verklaring_intrekken(verklaring=v, door=traject.consulent, reden="Fout.")
    v.refresh_from_db()
    assert not v.is_ingetrokken


def test_a_candidate_can_earn_several_verklaringen():
    traject, _opleider, mbo = goedgekeurd_traject()
    eerste = uitreiken(traject, mbo)
    tweede_traject, _o, mbo2 = goedgekeurd_traject(kandidaat=traject.kandidaat)
    tweede = uitreiken(tweede_traject, mbo2)
    assert {eerste.pk, tweede.pk} == set(
        Praktijkverklaring.objects.filter(
            traject__kandidaat=traject.kandidaat
        ).values_list("pk", flat=True)
    )
