"""The attendance pages (one tap, other hours, corrections), the meeting pages, the
traject panel and the Vandaag entries, through the forms the pages render (CSRF on)."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from organisaties.constants import Rol
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.factories.voortgang import (
    AanwezigheidFactory,
    GesprekActieFactory,
    VoortgangsgesprekFactory,
    lopende_plaatsing,
)
from tests.formulieren import formulier, invullen, posten, verzenden
from tests.portal.vandaag import vandaag_lijst
from voortgang.constants import GesprekPartij
from voortgang.models import (
    Aanwezigheid,
    GesprekActie,
    GesprekOndertekening,
    Gespreksritme,
    Voortgangsgesprek,
)
from voortgang.weken import iso_week, maandag

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
DEZE_WEEK = maandag(VANDAAG)
VORIGE_WEEK = DEZE_WEEK - timedelta(weeks=1)
HOME = reverse("home")
UREN = reverse("voortgang:uren")


def week_url(plaatsing, week) -> str:
    return reverse("voortgang:week", args=[plaatsing.pk, week.isoformat()])


def plaatsing_url(plaatsing) -> str:
    return reverse("voortgang:plaatsing", args=[plaatsing.pk])


def test_praktijkopleider_confirms_a_week_in_one_tap(app, praktijkopleider):
    plaatsing = lopende_plaatsing(opleider=praktijkopleider, weken=2)
    pagina = app.get(UREN, user=praktijkopleider)
    assert f"Week {iso_week(VORIGE_WEEK)}" in pagina
    response = verzenden(pagina, actie=week_url(plaatsing, VORIGE_WEEK), status=302)
    assert response["Location"] == UREN
    a = Aanwezigheid.objects.get()
    assert (a.week, a.gewerkt_uren, a.afwezigheid_reden) == (VORIGE_WEEK, 24, "")
    pagina = response.follow()
    assert "is bevestigd" in pagina
    assert week_url(plaatsing, VORIGE_WEEK) not in pagina


def test_praktijkopleider_reports_sick_hours(app, praktijkopleider):
    plaatsing = lopende_plaatsing(opleider=praktijkopleider, weken=2)
    pagina = app.get(plaatsing_url(plaatsing), user=praktijkopleider)
    pagina = pagina.click(href=week_url(plaatsing, VORIGE_WEEK), index=0)
    assert formulier(pagina)["gewerkt_uren"].value == "24"
    # Fewer hours without a reason: the reason is asked for, nothing saved.
    response = verzenden(pagina, gewerkt_uren="16", status=200)
    assert "afwezigheid_reden" in response.context["form"].errors
    assert "kies een reden" in response.text
    assert not Aanwezigheid.objects.exists()
    response = verzenden(
        response, gewerkt_uren="16", afwezigheid_reden="ziek", status=302
    )
    assert response["Location"] == plaatsing_url(plaatsing)
    a = Aanwezigheid.objects.get()
    assert (a.gewerkt_uren, a.afwezigheid_reden) == (16, "ziek")
    assert "Ziek: 8 uur" in response.follow()


@pytest.mark.parametrize(
    ("week", "data", "veld", "tekst"),
    [
        (DEZE_WEEK + timedelta(weeks=1), {}, None, "nog niet begonnen"),
        (DEZE_WEEK - timedelta(weeks=5), {}, None, "buiten de plaatsing"),
        (VORIGE_WEEK, {"gewerkt_uren": "61"}, "gewerkt_uren", "0 tot en met 60"),
        (VORIGE_WEEK, {"gewerkt_uren": "-2"}, "gewerkt_uren", "0 tot en met 60"),
        (VORIGE_WEEK, {"afwezigheid_reden": "weg"}, "afwezigheid_reden", "geldige"),
    ],
)
def test_bad_week_or_hours_come_back_with_a_dutch_error(
    app, praktijkopleider, week, data, veld, tekst
):
    plaatsing = lopende_plaatsing(opleider=praktijkopleider, weken=2)
    pagina = app.get(week_url(plaatsing, week), user=praktijkopleider)
    response = invullen(formulier(pagina), **data).submit(status=200)
    fouten = response.context["form"].errors
    assert veld in fouten if veld else "__all__" in fouten
    assert tekst in response.text
    assert not Aanwezigheid.objects.exists()


def test_consulent_corrects_a_week_with_a_reason_and_sees_the_history(app, consulent):
    plaatsing = lopende_plaatsing(consulent=consulent, weken=2)
    a = AanwezigheidFactory(plaatsing=plaatsing, week=VORIGE_WEEK)
    pagina = app.get(plaatsing_url(plaatsing), user=consulent)
    pagina = pagina.click(href=week_url(plaatsing, VORIGE_WEEK))
    # Without a reason: refused next to the field.
    response = verzenden(
        pagina, gewerkt_uren="20", afwezigheid_reden="verlof", status=200
    )
    assert "reden" in response.context["form"].errors
    assert "waarom je de week corrigeert" in response.text
    a.refresh_from_db()
    assert a.gewerkt_uren == 24
    response = verzenden(
        response,
        gewerkt_uren="20",
        afwezigheid_reden="verlof",
        reden="Vrijdag vrij, vergeten",
        status=302,
    )
    a.refresh_from_db()
    assert (a.gewerkt_uren, a.versie) == (20, 2)
    pagina = app.get(week_url(plaatsing, VORIGE_WEEK), user=consulent)
    assert "Vrijdag vrij, vergeten" in pagina
    assert "24 → 20 uur" in pagina


def test_a_stale_correction_page_changes_nothing(app, praktijkopleider):
    plaatsing = lopende_plaatsing(opleider=praktijkopleider, weken=2)
    a = AanwezigheidFactory(plaatsing=plaatsing, week=VORIGE_WEEK)
    pagina = app.get(week_url(plaatsing, VORIGE_WEEK), user=praktijkopleider)
    Aanwezigheid.objects.filter(pk=a.pk).update(versie=2)
    response = verzenden(
        pagina, gewerkt_uren="10", afwezigheid_reden="ziek", reden="x", status=200
    )
    assert "net gewijzigd" in response.text
    a.refresh_from_db()
    assert a.gewerkt_uren == 24


def test_another_regions_placement_is_404(app):
    elders = OrganisatieFactory(regios=[regio("AM01")])
    hun_consulent = medewerker_met_rol(Rol.CONSULENT, organisatie=elders)
    plaatsing = lopende_plaatsing(consulent=hun_consulent)
    plaatsing.traject.kandidaat.regio = regio("AM01")
    plaatsing.traject.kandidaat.save()
    a = AanwezigheidFactory(plaatsing=plaatsing, week=VORIGE_WEEK)
    gesprek = VoortgangsgesprekFactory(traject=plaatsing.traject)
    actie = GesprekActieFactory(gesprek=gesprek)
    twente = medewerker_met_rol(Rol.CONSULENT)
    for url in (
        plaatsing_url(plaatsing),
        week_url(plaatsing, VORIGE_WEEK),
        reverse("voortgang:gesprek", args=[gesprek.pk]),
        reverse("voortgang:gesprek_nieuw", args=[plaatsing.traject.pk]),
        reverse("voortgang:ritme", args=[plaatsing.traject.pk]),
    ):
        app.get(url, user=twente, status=404)
    for url, data in (
        (week_url(plaatsing, VORIGE_WEEK), {"gewerkt_uren": "1", "reden": "x"}),
        (reverse("voortgang:gesprek_nieuw", args=[plaatsing.traject.pk]), {}),
        (reverse("voortgang:ondertekenen", args=[gesprek.pk]), {}),
        (reverse("voortgang:op_papier", args=[gesprek.pk]), {}),
        (reverse("voortgang:actie_afronden", args=[actie.pk]), {}),
        (reverse("voortgang:ritme", args=[plaatsing.traject.pk]), {"weken": "2"}),
    ):
        posten(app, url, data, user=twente, status=404)
    a.refresh_from_db()
    assert a.gewerkt_uren == 24
    assert not GesprekOndertekening.objects.exists()
    assert not Gespreksritme.objects.exists()
    assert GesprekActie.objects.get().afgerond_op is None


def test_consulent_cannot_confirm_a_week(app, consulent):
    plaatsing = lopende_plaatsing(consulent=consulent, weken=2)
    pagina = app.get(plaatsing_url(plaatsing), user=consulent)
    assert "Nog niet bevestigd door de praktijkopleider" in pagina
    app.get(week_url(plaatsing, VORIGE_WEEK), user=consulent, status=403)
    posten(
        app,
        week_url(plaatsing, VORIGE_WEEK),
        {"gewerkt_uren": "24"},
        user=consulent,
        status=403,
    )
    assert not Aanwezigheid.objects.exists()


def test_attendance_list_query_count_does_not_grow_with_weeks(
    app, praktijkopleider, django_assert_max_num_queries
):
    def tellen(weken):
        plaatsing = lopende_plaatsing(opleider=praktijkopleider, weken=weken)
        for i in range(1, weken, 2):
            AanwezigheidFactory(
                plaatsing=plaatsing, week=DEZE_WEEK - timedelta(weeks=i)
            )
        app.get(plaatsing_url(plaatsing), user=praktijkopleider)  # warm the session
        with CaptureQueriesContext(connection) as q:
            app.get(plaatsing_url(plaatsing), user=praktijkopleider)
        return len(q)

    assert tellen(3) == tellen(20)


def test_traject_panel_shows_totals_and_meetings(app, consulent):
    plaatsing = lopende_plaatsing(consulent=consulent, weken=3)
    AanwezigheidFactory(plaatsing=plaatsing, week=VORIGE_WEEK)
    AanwezigheidFactory(
        plaatsing=plaatsing,
        week=VORIGE_WEEK - timedelta(weeks=1),
        gewerkt_uren=20,
        afwezigheid_reden="ziek",
    )
    pagina = app.get(plaatsing.traject.get_absolute_url(), user=consulent)
    assert "Aanwezigheid en voortgangsgesprekken" in pagina
    assert "44 van 48 uur (92%)" in pagina
    assert "2 nog open" in pagina  # the first week and this week
    assert "Ziek: 4 uur" in pagina


def test_consulent_records_a_meeting_with_an_action_and_both_sign(app, consulent):
    plaatsing = lopende_plaatsing(consulent=consulent, weken=4)
    traject, opleider = plaatsing.traject, plaatsing.praktijkopleider.account
    pagina = app.get(traject.get_absolute_url(), user=consulent)
    pagina = pagina.click(href=reverse("voortgang:gesprek_nieuw", args=[traject.pk]))
    # An action half filled in is refused next to its fields.
    response = verzenden(
        pagina,
        goed_ging="Komt op tijd",
        **{"actie1-omschrijving": "Kassa"},
        status=200,
    )
    assert "Kies wie de actie doet" in response.text
    assert not Voortgangsgesprek.objects.exists()
    response = verzenden(
        response,
        goed_ging="Komt op tijd",
        afspraken="Kassa oefenen",
        praktijkopleider_aanwezig=False,
        **{
            "actie1-omschrijving": "Kassa oefenen",
            "actie1-eigenaar": str(opleider.pk),
            "actie1-uiterlijk_op": (VANDAAG + timedelta(days=7)).isoformat(),
        },
        status=302,
    )
    gesprek = Voortgangsgesprek.objects.get()
    assert response["Location"] == gesprek.get_absolute_url()
    assert not gesprek.praktijkopleider_aanwezig
    assert gesprek.acties.get().eigenaar == opleider

    pagina = response.follow()
    assert "kandidaat, consulent" in pagina
    pagina = verzenden(
        pagina, actie=reverse("voortgang:ondertekenen", args=[gesprek.pk]), status=302
    ).follow()
    verzenden(
        pagina,
        actie=reverse("voortgang:op_papier", args=[gesprek.pk]),
        getekend_op=VANDAAG.isoformat(),
        status=302,
    )
    pagina = app.get(gesprek.get_absolute_url(), user=opleider)
    verzenden(
        pagina, actie=reverse("voortgang:ondertekenen", args=[gesprek.pk]), status=302
    )
    assert dict(gesprek.ondertekeningen.values_list("partij", "op_papier")) == {
        GesprekPartij.CONSULENT: False,
        GesprekPartij.KANDIDAAT: True,
        GesprekPartij.PRAKTIJKOPLEIDER: False,
    }
    # The owner ticks the action done on the meeting's page.
    pagina = app.get(gesprek.get_absolute_url(), user=opleider)
    actie = gesprek.acties.get()
    verzenden(
        pagina,
        actie=reverse("voortgang:actie_afronden", args=[actie.pk]),
        status=302,
    )
    actie.refresh_from_db()
    assert actie.afgerond_op == VANDAAG


def test_a_non_party_gets_a_dutch_refusal_and_nothing_is_signed(app, coordinator):
    plaatsing = lopende_plaatsing()
    gesprek = VoortgangsgesprekFactory(traject=plaatsing.traject)
    collega = medewerker_met_rol(
        Rol.CONSULENT, organisatie=plaatsing.traject.kandidaat.organisatie
    )
    pagina = app.get(gesprek.get_absolute_url(), user=collega)
    assert "Ik teken dit gesprek" not in pagina
    response = posten(
        app,
        reverse("voortgang:ondertekenen", args=[gesprek.pk]),
        {},
        user=collega,
        status=302,
    ).follow()
    assert "Alleen de praktijkopleider en de consulent" in response
    # A regiocoördinator sees the meeting but is no party: refused the same way.
    posten(
        app,
        reverse("voortgang:ondertekenen", args=[gesprek.pk]),
        {},
        user=coordinator,
        status=302,
    )
    assert not GesprekOndertekening.objects.exists()


def test_paper_signature_date_before_the_meeting_is_refused(app, consulent):
    gesprek = VoortgangsgesprekFactory(
        traject=lopende_plaatsing(consulent=consulent).traject
    )
    pagina = app.get(gesprek.get_absolute_url(), user=consulent)
    response = verzenden(
        pagina,
        actie=reverse("voortgang:op_papier", args=[gesprek.pk]),
        getekend_op=(VANDAAG - timedelta(days=3)).isoformat(),
        status=302,
    ).follow()
    assert "op of na de dag van het gesprek" in response
    assert not GesprekOndertekening.objects.exists()


def test_consulent_sets_the_rhythm(app, consulent):
    traject = lopende_plaatsing(consulent=consulent).traject
    pagina = app.get(reverse("voortgang:ritme", args=[traject.pk]), user=consulent)
    assert formulier(pagina)["weken"].value == "6"
    response = verzenden(pagina, weken="30", status=200)
    assert "1 tot en met 26" in response.text
    verzenden(response, weken="4", status=302)
    assert Gespreksritme.objects.get(traject=traject).weken == 4


def test_vandaag_lists_the_owners_actions_and_the_opleiders_weeks(
    app, consulent, praktijkopleider
):
    plaatsing = lopende_plaatsing(
        consulent=consulent, opleider=praktijkopleider, weken=2
    )
    gesprek = VoortgangsgesprekFactory(traject=plaatsing.traject)
    eigen = GesprekActieFactory(gesprek=gesprek, eigenaar=consulent)
    GesprekActieFactory(gesprek=gesprek, eigenaar=consulent, afgerond_op=VANDAAG)
    GesprekActieFactory(gesprek=gesprek, eigenaar=praktijkopleider)
    response = app.get(HOME, user=consulent)
    assert vandaag_lijst(response, "gesprek-acties") == [eigen]
    assert f"{gesprek.get_absolute_url()}#actie-{eigen.pk}" in response

    response = app.get(HOME, user=praktijkopleider)
    assert len(vandaag_lijst(response, "gesprek-acties")) == 1
    # Three weeks so far (two weeks ago, last week, this week), none confirmed.
    assert len(vandaag_lijst(response, "uren-bevestigen")) == 3
    assert UREN in response


def test_a_double_tap_confirms_once_and_answers_with_the_first_result(
    app, praktijkopleider
):
    plaatsing = lopende_plaatsing(opleider=praktijkopleider, weken=2)
    pagina = app.get(UREN, user=praktijkopleider)
    form = formulier(pagina, actie=week_url(plaatsing, VORIGE_WEEK))
    form.submit(status=302)
    tweede = form.submit(status=302)
    assert tweede["Location"] == UREN
    assert Aanwezigheid.objects.count() == 1
