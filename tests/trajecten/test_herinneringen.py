"""The reminder rules of trajecten (trajecten/herinneringen.py), run through the beat
task on time-travelled days: each fires once, for its own traject only."""

from datetime import timedelta

from django.utils import timezone

import pytest

from core.datums import plus_maanden
from meldingen.models import Melding
from meldingen.tasks import herinneringen_versturen
from organisaties.constants import Rol
from tests.factories.leerbedrijven import ErkenningFactory
from tests.factories.organisaties import medewerker_met_rol
from tests.factories.trajecten import (
    FinancieringFactory,
    PlaatsingFactory,
    TrajectFactory,
)
from trajecten import herinneringen
from trajecten.constants import (
    Ondertekenwijze,
    OvereenkomstSoort,
    Partij,
    PdfStatus,
    Regeling,
    TrajectStatus,
)
from trajecten.models import Ondertekening, Overeenkomst, OvereenkomstVersie

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
PARTIJEN_PLAATSING = [Partij.KANDIDAAT, Partij.LEERBEDRIJF, Partij.VERWIJZER]
VER = 400  # days: a planned end far enough away not to trigger "einddatum_nadert"


def draai(regel: str, dag: int) -> int:
    """Run the beat task `dag` days from today; the new notifications of `regel`."""
    datum = (VANDAAG + timedelta(days=dag)).isoformat()
    return herinneringen_versturen.run(vandaag=datum)[regel]


def meldingen(regel: str):
    return Melding.objects.filter(oorzaak__startswith=f"{regel}:")


def traject(**kwargs):
    kwargs.setdefault("geplande_einddatum", VANDAAG + timedelta(days=VER))
    return TrajectFactory(**kwargs)


def versie(traject, soort=OvereenkomstSoort.PLAATSING, nummer=1, getekend=(), **kw):
    overeenkomst, _ = Overeenkomst.objects.get_or_create(traject=traject, soort=soort)
    versie = OvereenkomstVersie.objects.create(
        overeenkomst=overeenkomst,
        nummer=nummer,
        gegevens={},
        vingerafdruk="x" * 64,
        pdf=f"overeenkomsten/{traject.pk}/{soort}-v{nummer}.pdf",
        pdf_status=kw.pop("pdf_status", PdfStatus.KLAAR),
        aangevraagd_door=traject.consulent,
    )
    for partij in getekend:
        Ondertekening.objects.create(
            versie=versie,
            partij=partij,
            naam="Iemand",
            rol="Directeur",
            datum=VANDAAG,
            wijze=Ondertekenwijze.PORTAAL,
            vastgelegd_door=traject.consulent,
        )
    return versie


# --- (a) agreement not signed ---
def test_unsigned_agreement_reminds_the_consulent_once_after_14_days(jobcoach):
    eigen = traject(jobcoach=jobcoach)
    v = versie(eigen, getekend=[Partij.KANDIDAAT])
    ander = traject()
    versie(ander, getekend=PARTIJEN_PLAATSING)

    assert draai("overeenkomst_ongetekend", 13) == 0
    assert draai("overeenkomst_ongetekend", 14) == 1
    assert draai("overeenkomst_ongetekend", 14) == 0
    assert draai("overeenkomst_ongetekend", 15) == 0

    melding = meldingen("overeenkomst_ongetekend").get()
    assert melding.ontvanger == eigen.consulent
    assert melding.actor is None
    assert melding.oorzaak == f"overeenkomst_ongetekend:{v.pk}"
    assert "Leerbedrijf, Gemeente of UWV" in melding.tekst
    assert "Kandidaat," not in melding.tekst
    assert melding.url == eigen.get_absolute_url()


def test_only_the_newest_version_counts():
    t = traject()
    versie(t, nummer=1)
    nieuwste = versie(t, nummer=2, getekend=[Partij.KANDIDAAT])
    getekend = traject()
    versie(getekend, nummer=1)
    versie(getekend, nummer=2, getekend=PARTIJEN_PLAATSING)

    assert draai("overeenkomst_ongetekend", 14) == 1
    assert meldingen("overeenkomst_ongetekend").get().oorzaak == (
        f"overeenkomst_ongetekend:{nieuwste.pk}"
    )


@pytest.mark.parametrize(
    ("status", "pdf_status"),
    [
        (TrajectStatus.LOPEND, PdfStatus.KLAAR),
        (TrajectStatus.PLAATSING_VOORBEREID, PdfStatus.WACHTRIJ),
    ],
)
def test_no_signature_reminder_for_running_traject_or_unfinished_pdf(
    status, pdf_status
):
    versie(traject(status=status), pdf_status=pdf_status)
    assert draai("overeenkomst_ongetekend", 30) == 0


def test_getekend_traject_with_a_missing_opleiding_signature_is_reminded():
    t = traject(status=TrajectStatus.OVEREENKOMSTEN_GETEKEND)
    versie(t, soort=OvereenkomstSoort.OPLEIDING, getekend=[Partij.KANDIDAAT])

    assert draai("overeenkomst_ongetekend", 14) == 1
    assert "Mbo-instelling" in meldingen("overeenkomst_ongetekend").get().tekst


# --- (b) planned end date approaches ---
def test_end_date_reminds_consulent_and_jobcoach_once(jobcoach):
    eigen = traject(
        status=TrajectStatus.LOPEND,
        jobcoach=jobcoach,
        geplande_einddatum=VANDAAG + timedelta(days=40),
    )
    traject(status=TrajectStatus.LOPEND)  # ends far later
    traject(afgesloten=True, geplande_einddatum=VANDAAG + timedelta(days=40))

    assert draai("einddatum_nadert", 9) == 0
    assert draai("einddatum_nadert", 10) == 2
    assert draai("einddatum_nadert", 10) == 0
    assert draai("einddatum_nadert", 11) == 0

    assert {m.ontvanger for m in meldingen("einddatum_nadert")} == {
        eigen.consulent,
        jobcoach,
    }


def test_a_moved_end_date_is_reminded_again():
    t = traject(geplande_einddatum=VANDAAG + timedelta(days=30))
    assert draai("einddatum_nadert", 0) == 1

    t.geplande_einddatum = VANDAAG + timedelta(days=60)
    t.save()

    assert draai("einddatum_nadert", 29) == 0
    assert draai("einddatum_nadert", 30) == 1


# --- (c) the scheme's maximum duration ---
def test_scheme_maximum_reminds_the_consulent_once():
    eigen = traject(status=TrajectStatus.LOPEND)
    FinancieringFactory(traject=eigen, regeling=Regeling.CRISISREGELING)
    FinancieringFactory(traject=eigen, regeling=Regeling.CRISISREGELING)
    FinancieringFactory(traject=traject(), regeling=Regeling.PERSPECTIEF_OP_WERK)
    einde = plus_maanden(VANDAAG, 9)
    dag = (einde - VANDAAG).days - 30

    assert draai("regeling_maximum", dag - 1) == 0
    assert draai("regeling_maximum", dag) == 1
    assert draai("regeling_maximum", dag) == 0
    assert draai("regeling_maximum", dag + 1) == 0

    melding = meldingen("regeling_maximum").get()
    assert melding.ontvanger == eigen.consulent
    assert "9 maanden" in melding.tekst
    assert einde.strftime("%d-%m-%Y") in melding.tekst


def test_no_scheme_reminder_for_a_closed_traject():
    t = traject(uitgevallen=True)
    FinancieringFactory(traject=t, regeling=Regeling.SUBSIDIE_DERDE_LEERWEG)
    assert draai("regeling_maximum", 300) == 0


# --- (d) erkenning ends before the traject ---
@pytest.fixture
def opleider_account():
    return medewerker_met_rol(Rol.PRAKTIJKOPLEIDER)


def geplaatst(geldig_tot_over: int, account=None, **kwargs):
    """A placement whose leerbedrijf's erkenning ends `geldig_tot_over` days from now;
    the traject ends in 270 days."""
    t = traject(geplande_einddatum=VANDAAG + timedelta(days=270), **kwargs)
    plaatsing = PlaatsingFactory(traject=t, praktijkopleider__account=account)
    ErkenningFactory(
        leerbedrijf=plaatsing.leerbedrijf,
        kwalificatie=t.kwalificatie,
        erkend=True,
        geldig_tot=VANDAAG + timedelta(days=geldig_tot_over),
    )
    return plaatsing


def test_expiring_erkenning_reminds_consulent_and_praktijkopleider_once(
    opleider_account,
):
    plaatsing = geplaatst(100, account=opleider_account)
    geplaatst(300)  # valid beyond the traject's end
    geplaatst(100, afgesloten=True)

    assert draai("erkenning_verloopt", 9) == 0
    assert draai("erkenning_verloopt", 10) == 2
    assert draai("erkenning_verloopt", 10) == 0
    assert draai("erkenning_verloopt", 11) == 0

    assert {m.ontvanger for m in meldingen("erkenning_verloopt")} == {
        plaatsing.traject.consulent,
        opleider_account,
    }


def test_praktijkopleider_without_account_leaves_only_the_consulent():
    plaatsing = geplaatst(50)

    assert draai("erkenning_verloopt", 0) == 1
    assert meldingen("erkenning_verloopt").get().ontvanger == (
        plaatsing.traject.consulent
    )


def test_a_renewed_erkenning_is_not_reminded_again():
    plaatsing = geplaatst(50)
    assert draai("erkenning_verloopt", 0) == 1

    plaatsing.leerbedrijf.erkenningen.update(geldig_tot=VANDAAG + timedelta(days=500))

    assert draai("erkenning_verloopt", 100) == 0


# --- settings and query discipline ---
def test_an_inactive_rule_does_not_run():
    from meldingen.models import Herinnering

    Herinnering.objects.filter(code="einddatum_nadert").update(actief=False)
    traject(geplande_einddatum=VANDAAG + timedelta(days=5))

    uitkomst = herinneringen_versturen.run()

    assert "einddatum_nadert" not in uitkomst
    assert not Melding.objects.exists()


def test_the_configured_days_are_used():
    from meldingen.models import Herinnering

    Herinnering.objects.filter(code="einddatum_nadert").update(dagen=7)
    traject(geplande_einddatum=VANDAAG + timedelta(days=10))

    assert draai("einddatum_nadert", 2) == 0
    assert draai("einddatum_nadert", 3) == 1


def maak_due_trajecten(aantal: int) -> None:
    """Trajecten due for all four rules on day 14."""
    for _ in range(aantal):
        t = TrajectFactory(geplande_einddatum=VANDAAG + timedelta(days=40))
        versie(t)
        FinancieringFactory(traject=t, regeling=Regeling.CRISISREGELING)
        plaatsing = PlaatsingFactory(traject=t)
        ErkenningFactory(
            leerbedrijf=plaatsing.leerbedrijf,
            kwalificatie=t.kwalificatie,
            erkend=True,
            geldig_tot=VANDAAG + timedelta(days=30),
        )


REGELS = {
    "overeenkomst_ongetekend": (herinneringen.overeenkomst_ongetekend, 14, 2),
    "einddatum_nadert": (herinneringen.einddatum_nadert, 30, 1),
    "regeling_maximum": (herinneringen.regeling_maximum, 300, 1),
    "erkenning_verloopt": (herinneringen.erkenning_verloopt, 90, 1),
}


@pytest.mark.parametrize("regel", REGELS)
def test_selecting_due_rows_takes_the_same_queries_for_3_and_30_trajecten(
    regel, django_assert_num_queries, monkeypatch
):
    functie, dagen, queries = REGELS[regel]
    verstuurd = []
    monkeypatch.setattr(
        herinneringen, "melding_versturen", lambda **kw: verstuurd.append(kw) or 1
    )
    dag = VANDAAG + timedelta(days=14)

    maak_due_trajecten(3)
    with django_assert_num_queries(queries):
        assert functie(dag, dagen) == 3
    maak_due_trajecten(27)
    with django_assert_num_queries(queries):
        assert functie(dag, dagen) == 30
    assert len({kw["oorzaak"] for kw in verstuurd}) == 30
