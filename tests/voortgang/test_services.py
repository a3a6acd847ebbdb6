"""Attendance and progress meetings through their services: the rules, the refusals
(nothing changed), the lock and the audit trail of a correction."""

from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

import pytest
from auditlog.models import LogEntry

from organisaties.constants import Rol
from tests.factories.organisaties import medewerker_met_rol
from tests.factories.voortgang import (
    AanwezigheidFactory,
    VoortgangsgesprekFactory,
    lopende_plaatsing,
)
from voortgang import services
from voortgang.constants import AfwezigheidReden, GesprekPartij
from voortgang.models import Aanwezigheid, GesprekActie, GesprekOndertekening
from voortgang.weken import maandag

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
DEZE_WEEK = maandag(VANDAAG)


def bevestigen(plaatsing, week, uren="24", reden="", door=None):
    return services.aanwezigheid_bevestigen(
        plaatsing=plaatsing,
        week=week,
        gewerkt_uren=Decimal(uren),
        afwezigheid_reden=reden,
        door=door or plaatsing.praktijkopleider.account,
    )


def test_praktijkopleider_confirms_a_week_with_the_planned_hours():
    plaatsing = lopende_plaatsing()
    week = DEZE_WEEK - timedelta(weeks=1)
    a = bevestigen(plaatsing, week)
    assert (a.week, a.gepland_uren, a.gewerkt_uren) == (week, 24, 24)
    assert a.bevestigd_door == plaatsing.praktijkopleider.account


def test_fewer_hours_need_a_reason():
    plaatsing = lopende_plaatsing()
    week = DEZE_WEEK - timedelta(weeks=1)
    with pytest.raises(ValidationError) as fout:
        bevestigen(plaatsing, week, uren="16")
    assert "afwezigheid_reden" in fout.value.message_dict
    a = bevestigen(plaatsing, week, uren="16", reden=AfwezigheidReden.ZIEK)
    assert a.afwezig_uren == 8


@pytest.mark.parametrize(
    ("week", "uren", "tekst"),
    [
        (DEZE_WEEK + timedelta(weeks=1), "24", "nog niet begonnen"),
        (DEZE_WEEK - timedelta(weeks=10), "24", "buiten de plaatsing"),
        (DEZE_WEEK - timedelta(weeks=1) + timedelta(days=2), "24", "maandag"),
        (DEZE_WEEK - timedelta(weeks=1), "61", "0 tot en met 60"),
        (DEZE_WEEK - timedelta(weeks=1), "-1", "0 tot en met 60"),
    ],
)
def test_bad_weeks_and_hours_are_refused(week, uren, tekst):
    plaatsing = lopende_plaatsing(weken=6)
    with pytest.raises(ValidationError) as fout:
        bevestigen(plaatsing, week, uren=uren, reden=AfwezigheidReden.ANDERS)
    assert tekst in " ".join(fout.value.messages)
    assert not Aanwezigheid.objects.exists()


def test_only_the_placements_praktijkopleider_confirms(consulent):
    plaatsing = lopende_plaatsing(consulent=consulent)
    ander = medewerker_met_rol(Rol.PRAKTIJKOPLEIDER)
    for door in (consulent, ander):
        with pytest.raises(PermissionDenied):
            bevestigen(plaatsing, DEZE_WEEK, door=door)
    assert not Aanwezigheid.objects.exists()


def test_a_week_is_confirmed_once():
    plaatsing = lopende_plaatsing()
    bevestigen(plaatsing, DEZE_WEEK)
    with pytest.raises(ValidationError, match="al bevestigd"):
        bevestigen(plaatsing, DEZE_WEEK, uren="10", reden="ziek")
    assert Aanwezigheid.objects.get().gewerkt_uren == 24


def test_the_database_refuses_what_the_service_would():
    a = AanwezigheidFactory(plaatsing=lopende_plaatsing())
    for waarden in (
        {"gewerkt_uren": Decimal("10"), "afwezigheid_reden": ""},
        {"gewerkt_uren": Decimal("61")},
        {"week": a.week + timedelta(days=1)},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Aanwezigheid.objects.filter(pk=a.pk).update(**waarden)


def test_correction_keeps_the_old_values_and_reason_and_is_audited(consulent):
    plaatsing = lopende_plaatsing(consulent=consulent)
    a = bevestigen(plaatsing, DEZE_WEEK)
    services.aanwezigheid_corrigeren(
        aanwezigheid=a,
        gewerkt_uren=Decimal("20"),
        afwezigheid_reden=AfwezigheidReden.VERLOF,
        reden="Vrijdag vrij genomen, vergeten.",
        door=consulent,
        versie=1,
    )
    a.refresh_from_db()
    assert (a.gewerkt_uren, a.afwezigheid_reden, a.versie) == (20, "verlof", 2)
    c = a.correcties.get()
    assert (c.oud_uren, c.nieuw_uren, c.door) == (24, 20, consulent)
    assert LogEntry.objects.get_for_object(a).count() == 2
    # A page opened before the correction cannot overwrite it.
    with pytest.raises(ValidationError, match="net gewijzigd"):
        services.aanwezigheid_corrigeren(
            aanwezigheid=a,
            gewerkt_uren=Decimal("24"),
            reden="x",
            door=consulent,
            versie=1,
        )
    with pytest.raises(ValidationError) as fout:
        services.aanwezigheid_corrigeren(
            aanwezigheid=a, gewerkt_uren=Decimal("24"), reden=" ", door=consulent
        )
    assert "reden" in fout.value.message_dict
    a.refresh_from_db()
    assert a.gewerkt_uren == 20
    assert a.correcties.count() == 1


def test_another_consulent_may_not_correct(consulent):
    a = AanwezigheidFactory(plaatsing=lopende_plaatsing(consulent=consulent))
    collega = medewerker_met_rol(Rol.CONSULENT, organisatie=consulent.organisatie)
    with pytest.raises(PermissionDenied):
        services.aanwezigheid_corrigeren(
            aanwezigheid=a, gewerkt_uren=Decimal(1), reden="x", door=collega
        )


def test_meeting_with_actions_signed_by_the_three_parties(consulent):
    plaatsing = lopende_plaatsing(consulent=consulent)
    traject, opleider = plaatsing.traject, plaatsing.praktijkopleider.account
    gesprek = services.gesprek_vastleggen(
        traject=traject,
        door=consulent,
        datum=VANDAAG,
        goed_ging="Goed",
        acties=[
            {"omschrijving": "Kassa", "eigenaar": opleider, "uiterlijk_op": VANDAAG}
        ],
    )
    assert GesprekActie.objects.get().eigenaar == opleider
    services.gesprek_ondertekenen(gesprek=gesprek, door=consulent)
    services.gesprek_ondertekenen(gesprek=gesprek, door=opleider)
    services.gesprek_op_papier_getekend(
        gesprek=gesprek, door=consulent, getekend_op=VANDAAG
    )
    assert set(gesprek.ondertekeningen.values_list("partij", flat=True)) == set(
        GesprekPartij.values
    )
    with pytest.raises(ValidationError, match="al getekend"):
        services.gesprek_ondertekenen(gesprek=gesprek, door=opleider)


def test_a_non_party_cannot_sign(consulent):
    gesprek = VoortgangsgesprekFactory(traject=lopende_plaatsing().traject)
    for door in (
        consulent,
        medewerker_met_rol(Rol.PRAKTIJKOPLEIDER),
        medewerker_met_rol(Rol.REGIOCOORDINATOR),
    ):
        with pytest.raises(ValidationError, match="Alleen de praktijkopleider"):
            services.gesprek_ondertekenen(gesprek=gesprek, door=door)
    assert not GesprekOndertekening.objects.exists()


def test_meeting_refuses_future_dates_and_strange_owners(consulent):
    traject = lopende_plaatsing(consulent=consulent).traject
    with pytest.raises(ValidationError) as fout:
        services.gesprek_vastleggen(
            traject=traject,
            door=consulent,
            datum=VANDAAG + timedelta(days=1),
            goed_ging="x",
        )
    assert "datum" in fout.value.message_dict
    vreemde = medewerker_met_rol(Rol.CONSULENT)
    with pytest.raises(ValidationError, match="hoort er niet bij"):
        services.gesprek_vastleggen(
            traject=traject,
            door=consulent,
            datum=VANDAAG,
            goed_ging="x",
            acties=[
                {"omschrijving": "a", "eigenaar": vreemde, "uiterlijk_op": VANDAAG}
            ],
        )
    assert not traject.voortgangsgesprekken.exists()
