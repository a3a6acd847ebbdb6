"""Recording outcomes and follow-ups: the date rules, the fields that depend on the
kind of outcome, planning and re-planning the follow-ups, and who may do it."""

import datetime

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils import timezone

import pytest

from core.datums import plus_maanden
from kandidaten.models import Gebeurtenis
from organisaties.constants import Rol
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.factories.trajecten import TrajectFactory
from tests.factories.uitkomsten import (
    UitkomstFactory,
    VervolgmetingFactory,
    afgelopen_traject,
)
from trajecten.constants import ACTIEVE_STATUSSEN, TrajectStatus, UitvalReden
from trajecten.models import Traject
from uitkomsten.constants import Contractsoort, Situatie, UitkomstSoort
from uitkomsten.models import Uitkomst, Vervolgmeting
from uitkomsten.selectors import met_einde, traject_einde
from uitkomsten.services import (
    uitkomst_vastleggen,
    vervolgmeting_vastleggen,
    vervolgmetingen_plannen,
)

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
DAG = datetime.timedelta(days=1)


def werk(**extra):
    return {
        "soort": UitkomstSoort.WERK_LEERBEDRIJF,
        "contractsoort": Contractsoort.VAST,
        "uren_per_week": 32,
        **extra,
    }


def niets_opgeslagen():
    return not (
        Uitkomst.objects.exists()
        or Vervolgmeting.objects.exists()
        or Gebeurtenis.objects.filter(titel__startswith="Uitkomst").exists()
    )


def fout_velden(exc_info) -> set[str]:
    return set(exc_info.value.message_dict)


# --- the end of a traject ---
@pytest.mark.parametrize(
    "status",
    [
        TrajectStatus.VERKLARING_UITGEREIKT,
        TrajectStatus.NAZORG,
        TrajectStatus.AFGESLOTEN,
    ],
)
def test_the_end_is_the_day_the_verklaring_was_issued(consulent, status):
    einde = VANDAAG - datetime.timedelta(days=40)
    traject = afgelopen_traject(
        einde=einde, status=status, kandidaat__consulent=consulent
    )
    assert traject_einde(traject) == einde
    assert met_einde(Traject.objects.all()).get().einde == einde


def test_the_end_of_a_dropped_out_traject_is_its_einddatum(consulent):
    einde = VANDAAG - datetime.timedelta(days=3)
    traject = afgelopen_traject(
        einde=einde, status=TrajectStatus.UITGEVALLEN, kandidaat__consulent=consulent
    )
    assert traject_einde(traject) == einde
    assert met_einde(Traject.objects.all()).get().einde == einde


# --- uitkomst_vastleggen ---
@pytest.mark.parametrize("status", sorted(ACTIEVE_STATUSSEN))
def test_uitkomst_vastleggen_refuses_a_running_traject(consulent, status):
    traject = TrajectFactory(status=status, kandidaat__consulent=consulent)
    with pytest.raises(ValidationError) as exc:
        uitkomst_vastleggen(traject=traject, door=consulent, datum=VANDAAG, **werk())
    assert fout_velden(exc) == {NON_FIELD_ERRORS}
    assert niets_opgeslagen()


@pytest.mark.parametrize(
    "status",
    [
        TrajectStatus.VERKLARING_UITGEREIKT,
        TrajectStatus.NAZORG,
        TrajectStatus.AFGESLOTEN,
    ],
)
def test_uitkomst_vastleggen_refuses_a_date_before_the_traject_end(consulent, status):
    einde = VANDAAG - datetime.timedelta(days=10)
    traject = afgelopen_traject(
        einde=einde, status=status, kandidaat__consulent=consulent
    )
    with pytest.raises(ValidationError) as exc:
        uitkomst_vastleggen(
            traject=traject, door=consulent, datum=einde - DAG, **werk()
        )
    assert fout_velden(exc) == {"datum"}
    assert "voor het einde van het traject" in str(exc.value)
    assert niets_opgeslagen()
    # The day itself is allowed.
    uitkomst_vastleggen(traject=traject, door=consulent, datum=einde, **werk())


def test_uitkomst_of_a_closed_traject_may_lie_between_verklaring_and_closing(
    consulent,
):
    """Afgesloten comes after the nazorg: the verklaring's date counts, not the
    einddatum of closing."""
    einde = VANDAAG - datetime.timedelta(days=30)
    traject = afgelopen_traject(einde=einde, kandidaat__consulent=consulent)
    assert traject.einddatum > einde + DAG
    uitkomst = uitkomst_vastleggen(
        traject=traject, door=consulent, datum=einde + DAG, **werk()
    )
    assert uitkomst.datum == einde + DAG


def test_uitkomst_vastleggen_refuses_a_date_before_dropping_out(consulent):
    einde = VANDAAG - datetime.timedelta(days=5)
    traject = afgelopen_traject(
        einde=einde, status=TrajectStatus.UITGEVALLEN, kandidaat__consulent=consulent
    )
    with pytest.raises(ValidationError) as exc:
        uitkomst_vastleggen(
            traject=traject,
            door=consulent,
            soort=UitkomstSoort.UITGEVALLEN,
            uitval_reden=UitvalReden.GEZONDHEID,
            datum=einde - DAG,
        )
    assert fout_velden(exc) == {"datum"}
    assert niets_opgeslagen()


def test_uitkomst_vastleggen_refuses_a_date_in_the_future(consulent):
    traject = afgelopen_traject(einde=VANDAAG, kandidaat__consulent=consulent)
    with pytest.raises(ValidationError) as exc:
        uitkomst_vastleggen(
            traject=traject, door=consulent, datum=VANDAAG + DAG, **werk()
        )
    assert fout_velden(exc) == {"datum"}
    assert niets_opgeslagen()


@pytest.mark.parametrize(
    ("extra", "velden"),
    [
        ({"contractsoort": ""}, {"contractsoort"}),
        ({"uren_per_week": None}, {"uren_per_week"}),
        ({"uren_per_week": 61}, {"uren_per_week"}),
        (
            {"contractsoort": "", "uren_per_week": None},
            {"contractsoort", "uren_per_week"},
        ),
    ],
)
def test_uitkomst_werk_without_contract_or_hours_is_refused(consulent, extra, velden):
    traject = afgelopen_traject(einde=VANDAAG, kandidaat__consulent=consulent)
    with pytest.raises(ValidationError) as exc:
        uitkomst_vastleggen(
            traject=traject,
            door=consulent,
            datum=VANDAAG,
            **werk(soort=UitkomstSoort.WERK_ELDERS, **extra),
        )
    assert fout_velden(exc) == velden
    assert niets_opgeslagen()


def test_uitkomst_uitgevallen_needs_a_reason(consulent):
    traject = afgelopen_traject(
        einde=VANDAAG, status=TrajectStatus.UITGEVALLEN, kandidaat__consulent=consulent
    )
    with pytest.raises(ValidationError) as exc:
        uitkomst_vastleggen(
            traject=traject,
            door=consulent,
            soort=UitkomstSoort.UITGEVALLEN,
            datum=VANDAAG,
        )
    assert fout_velden(exc) == {"uitval_reden"}
    assert niets_opgeslagen()


def test_uitkomst_uitgevallen_only_for_a_dropped_out_traject(consulent):
    traject = afgelopen_traject(einde=VANDAAG, kandidaat__consulent=consulent)
    with pytest.raises(ValidationError) as exc:
        uitkomst_vastleggen(
            traject=traject,
            door=consulent,
            soort=UitkomstSoort.UITGEVALLEN,
            uitval_reden=UitvalReden.GEZONDHEID,
            datum=VANDAAG,
        )
    assert fout_velden(exc) == {"soort"}


def test_uitkomst_that_is_not_work_keeps_no_contract(consulent):
    traject = afgelopen_traject(einde=VANDAAG, kandidaat__consulent=consulent)
    uitkomst = uitkomst_vastleggen(
        traject=traject,
        door=consulent,
        datum=VANDAAG,
        **werk(soort=UitkomstSoort.BBL, uitval_reden=UitvalReden.ANDERS),
    )
    uitkomst.refresh_from_db()
    assert (uitkomst.contractsoort, uitkomst.uren_per_week, uitkomst.uitval_reden) == (
        "",
        None,
        "",
    )


def test_uitkomst_vastleggen_plans_follow_ups_at_6_and_12_months(consulent):
    einde = datetime.date(2025, 8, 31)
    traject = afgelopen_traject(einde=einde, kandidaat__consulent=consulent)

    uitkomst = uitkomst_vastleggen(
        traject=traject, door=consulent, datum=einde, **werk()
    )

    metingen = list(traject.vervolgmetingen.order_by("maanden"))
    assert [(m.maanden, m.gepland_op) for m in metingen] == [
        (6, datetime.date(2026, 2, 28)),  # no 31 February: the month's last day
        (12, datetime.date(2026, 8, 31)),
    ]
    assert all(m.gemeten_op is None for m in metingen)
    assert uitkomst.door == consulent
    assert Gebeurtenis.objects.filter(
        kandidaat=traject.kandidaat,
        titel="Uitkomst vastgelegd: Werk bij het leerbedrijf",
    ).exists()


def test_changing_the_outcome_date_replans_unmeasured_follow_ups_only(consulent):
    einde = VANDAAG - datetime.timedelta(days=400)
    traject = afgelopen_traject(einde=einde, kandidaat__consulent=consulent)
    uitkomst_vastleggen(traject=traject, door=consulent, datum=einde, **werk())
    zes = traject.vervolgmetingen.get(maanden=6)
    vervolgmeting_vastleggen(
        vervolgmeting=zes,
        door=consulent,
        situatie=Situatie.ZOEKT_WERK,
        gemeten_op=zes.gepland_op,
    )

    nieuw = einde + datetime.timedelta(days=14)
    uitkomst = uitkomst_vastleggen(
        traject=traject, door=consulent, datum=nieuw, **werk(uren_per_week=20)
    )

    assert Uitkomst.objects.get() == uitkomst
    assert uitkomst.uren_per_week == 20
    gepland = dict(traject.vervolgmetingen.values_list("maanden", "gepland_op"))
    assert gepland == {6: zes.gepland_op, 12: plus_maanden(nieuw, 12)}
    assert Gebeurtenis.objects.filter(titel__startswith="Uitkomst gewijzigd").exists()


def test_planning_follow_ups_is_idempotent(consulent):
    traject = afgelopen_traject(einde=VANDAAG, kandidaat__consulent=consulent)
    uitkomst = uitkomst_vastleggen(
        traject=traject, door=consulent, datum=VANDAAG, **werk()
    )
    voor = list(traject.vervolgmetingen.values_list("pk", "maanden", "gepland_op"))
    vervolgmetingen_plannen(uitkomst=uitkomst)
    uitkomst_vastleggen(traject=traject, door=consulent, datum=VANDAAG, **werk())
    assert (
        list(traject.vervolgmetingen.values_list("pk", "maanden", "gepland_op")) == voor
    )


def test_follow_up_periods_come_from_the_setting(consulent, settings):
    settings.VERVOLGMETING_MAANDEN = [12, 3, 24]
    traject = afgelopen_traject(einde=VANDAAG, kandidaat__consulent=consulent)
    uitkomst = uitkomst_vastleggen(
        traject=traject, door=consulent, datum=VANDAAG, **werk()
    )
    assert sorted(traject.vervolgmetingen.values_list("maanden", flat=True)) == [
        3,
        12,
        24,
    ]
    # A period no longer configured goes when not measured; a measured one stays.
    drie = traject.vervolgmetingen.get(maanden=3)
    Vervolgmeting.objects.filter(pk=drie.pk).update(
        gemeten_op=VANDAAG, situatie=Situatie.OPLEIDING, door=consulent
    )
    settings.VERVOLGMETING_MAANDEN = [6]
    vervolgmetingen_plannen(uitkomst=uitkomst)
    assert sorted(traject.vervolgmetingen.values_list("maanden", flat=True)) == [3, 6]


def test_uitkomst_vastleggen_outside_the_scope_or_role_is_refused(consulent, jobcoach):
    traject = afgelopen_traject(einde=VANDAAG, kandidaat__consulent=consulent)
    elders = medewerker_met_rol(
        Rol.CONSULENT, organisatie=OrganisatieFactory(regios=[regio("AM01")])
    )
    school = medewerker_met_rol(Rol.MBO_MEDEWERKER, organisatie=traject.mbo_instelling)
    for door in (elders, jobcoach, school):
        with pytest.raises(PermissionDenied):
            uitkomst_vastleggen(traject=traject, door=door, datum=VANDAAG, **werk())
    assert niets_opgeslagen()


def test_a_colleague_with_change_rights_may_record_the_outcome(consulent, gemeente):
    traject = afgelopen_traject(einde=VANDAAG, kandidaat__consulent=consulent)
    collega = medewerker_met_rol(Rol.CONSULENT, organisatie=gemeente)
    uitkomst = uitkomst_vastleggen(
        traject=traject, door=collega, datum=VANDAAG, **werk()
    )
    assert uitkomst.door == collega


# --- vervolgmeting_vastleggen ---
def test_vervolgmeting_vastleggen_records_the_short_form(consulent):
    meting = VervolgmetingFactory(te_laat=True, traject__kandidaat__consulent=consulent)
    meting = vervolgmeting_vastleggen(
        vervolgmeting=meting,
        door=consulent,
        situatie=Situatie.WERK_EN_OPLEIDING,
        gemeten_op=VANDAAG,
        contractsoort=Contractsoort.TIJDELIJK,
        uren_per_week=28,
        toelichting="Werkt in de bakkerij en volgt bbl.",
    )
    meting.refresh_from_db()
    assert (meting.situatie, meting.gemeten_op, meting.uren_per_week, meting.door) == (
        Situatie.WERK_EN_OPLEIDING,
        VANDAAG,
        28,
        consulent,
    )
    assert Gebeurtenis.objects.filter(
        titel__startswith="Nameting na 6 maanden"
    ).exists()


def test_vervolgmeting_werk_without_contract_is_refused(consulent):
    meting = VervolgmetingFactory(te_laat=True, traject__kandidaat__consulent=consulent)
    with pytest.raises(ValidationError) as exc:
        vervolgmeting_vastleggen(
            vervolgmeting=meting,
            door=consulent,
            situatie=Situatie.WERK,
            gemeten_op=VANDAAG,
        )
    assert fout_velden(exc) == {"contractsoort", "uren_per_week"}
    meting.refresh_from_db()
    assert meting.gemeten_op is None


def test_vervolgmeting_date_window(consulent):
    """From 30 days before the planned date, never in the future."""
    gepland = VANDAAG + datetime.timedelta(days=20)
    meting = VervolgmetingFactory(
        gepland_op=gepland, traject__kandidaat__consulent=consulent
    )
    vroeg = gepland - datetime.timedelta(days=31)
    for datum in (vroeg, VANDAAG + DAG):
        with pytest.raises(ValidationError) as exc:
            vervolgmeting_vastleggen(
                vervolgmeting=meting,
                door=consulent,
                situatie=Situatie.ZOEKT_WERK,
                gemeten_op=datum,
            )
        assert fout_velden(exc) == {"gemeten_op"}
    meting.refresh_from_db()
    assert meting.gemeten_op is None

    vervolgmeting_vastleggen(
        vervolgmeting=meting,
        door=consulent,
        situatie=Situatie.ZOEKT_WERK,
        gemeten_op=gepland - datetime.timedelta(days=30),
        contractsoort=Contractsoort.VAST,
        uren_per_week=12,
    )
    meting.refresh_from_db()
    # Not working: the contract is not kept.
    assert (meting.situatie, meting.contractsoort, meting.uren_per_week) == (
        Situatie.ZOEKT_WERK,
        "",
        None,
    )


def test_vervolgmeting_of_someone_else_is_refused(consulent, jobcoach):
    meting = VervolgmetingFactory(te_laat=True, traject__kandidaat__consulent=consulent)
    with pytest.raises(PermissionDenied):
        vervolgmeting_vastleggen(
            vervolgmeting=meting,
            door=jobcoach,
            situatie=Situatie.ONBEKEND,
            gemeten_op=VANDAAG,
        )


def test_factories_make_valid_rows(consulent):
    for uitkomst in (
        UitkomstFactory(),
        UitkomstFactory(opleiding=True),
        UitkomstFactory(geen_vervolg=True),
        UitkomstFactory(werk_elders=True),
        UitkomstFactory(uitgevallen=True),
    ):
        uitkomst.full_clean()
    assert Uitkomst.objects.get(soort=UitkomstSoort.UITGEVALLEN).traject.status == (
        TrajectStatus.UITGEVALLEN
    )
    for meting in (
        VervolgmetingFactory(),
        VervolgmetingFactory(te_laat=True),
        VervolgmetingFactory(gemeten=True),
        VervolgmetingFactory(niet_bereikt=True),
    ):
        meting.full_clean()
