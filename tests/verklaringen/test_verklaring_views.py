"""The pages of the praktijkverklaring and the public verification page."""

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from auditlog.models import LogEntry

from tests.factories.verklaringen import goedgekeurd_traject, traject_met_opleider
from tests.formulieren import formulier, invullen, posten, verzenden
from trajecten.constants import TrajectStatus
from verklaringen.models import Praktijkverklaring
from verklaringen.services import verklaring_intrekken, verklaring_uitreiken

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lege_cache")]


def uitgereikt(**kwargs):
    traject, opleider, mbo = goedgekeurd_traject(**kwargs)
    v = verklaring_uitreiken(
        traject=traject,
        door=mbo,
        plaats="Deventer",
        verificatie_basis="http://testserver",
    )
    return v, opleider, mbo


def voortgang_url(traject) -> str:
    return reverse("verklaringen:voortgang", args=[traject.pk])


def uitreiken_url(traject) -> str:
    return reverse("verklaringen:uitreiken", args=[traject.pk])


def test_uitreiken_through_the_progress_page(app):
    traject, _opleider, mbo = goedgekeurd_traject()
    voortgang = app.get(voortgang_url(traject), user=mbo)
    assert "Praktijkverklaring uitreiken" in voortgang

    antwoord = verzenden(
        voortgang, actie=uitreiken_url(traject), plaats="Deventer", status=302
    )

    v = Praktijkverklaring.objects.get()
    assert antwoord["Location"] == v.get_absolute_url()
    assert v.uitgereikt_op == timezone.localdate()
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.VERKLARING_UITGEREIKT


def test_uitreiken_with_empty_place_changes_nothing(app):
    traject, _opleider, mbo = goedgekeurd_traject()
    voortgang = app.get(voortgang_url(traject), user=mbo)
    antwoord = verzenden(voortgang, actie=uitreiken_url(traject), plaats="", status=302)
    assert antwoord["Location"] == voortgang_url(traject)
    assert "Plaats van uitreiking: Dit veld is verplicht" in antwoord.follow()
    assert not Praktijkverklaring.objects.exists()
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.BEOORDEELD


def test_uitreiken_forbidden_for_the_praktijkopleider(app):
    traject, opleider, _mbo = goedgekeurd_traject()
    assert uitreiken_url(traject) not in app.get(voortgang_url(traject), user=opleider)
    posten(
        app,
        uitreiken_url(traject),
        {"plaats": "Deventer", "uitgereikt_op": timezone.localdate().isoformat()},
        user=opleider,
        status=403,
    )
    assert not Praktijkverklaring.objects.exists()


def test_detail_visible_to_the_team_404_for_another_company(client):
    v, opleider, mbo = uitgereikt()
    _ander, andere_opleider = traject_met_opleider()
    url = v.get_absolute_url()
    for user in (v.traject.consulent, opleider, mbo):
        client.force_login(user)
        assert client.get(url).status_code == 200
    client.force_login(andere_opleider)
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("verklaringen:verklaring_pdf", args=[v.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("verklaringen:verklaring_list"))
        .context["verklaringen"]
        .count()
        == 0
    )


def test_detail_view_is_audited(client):
    v, _opleider, mbo = uitgereikt()
    client.force_login(mbo)
    client.get(v.get_absolute_url())
    assert LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, object_pk=str(v.pk), actor=mbo
    ).exists()


def test_intrekken_through_the_detail_page(app):
    v, _opleider, mbo = uitgereikt()
    url = reverse("verklaringen:verklaring_intrekken", args=[v.pk])
    pagina = app.get(v.get_absolute_url(), user=mbo)
    antwoord = verzenden(pagina, actie=url, reden="", status=302)
    assert antwoord["Location"] == v.get_absolute_url()
    assert "Dit veld is verplicht" in antwoord.follow()
    v.refresh_from_db()
    assert not v.is_ingetrokken
    verzenden(pagina, actie=url, reden="Beoordeling bleek niet te kloppen.", status=302)
    v.refresh_from_db()
    assert v.is_ingetrokken


def test_list_query_count_does_not_grow(client, django_assert_max_num_queries):
    v, _opleider, mbo = uitgereikt()
    client.force_login(mbo)
    url = reverse("verklaringen:verklaring_list")
    with django_assert_max_num_queries(20) as weinig:
        client.get(url)
    for _ in range(3):
        traject, _o, _m = goedgekeurd_traject(mbo_instelling=v.mbo_instelling)
        verklaring_uitreiken(
            traject=traject, door=mbo, plaats="Deventer", verificatie_basis="http://x"
        )
    with django_assert_max_num_queries(len(weinig)):
        antwoord = client.get(url)
    assert len(antwoord.context["verklaringen"]) == 4


# --- the public verification page ---
def test_verificatie_without_login_shows_only_the_minimum():
    v, _opleider, _mbo = uitgereikt()
    kandidaat = v.traject.kandidaat
    anoniem = Client()

    antwoord = anoniem.get(v.verificatie_url.replace("http://testserver", ""))

    assert antwoord.status_code == 200
    tekst = antwoord.text
    assert "Geldig" in tekst
    assert v.nummer in tekst
    assert f"{kandidaat.voornaam[0]}. {kandidaat.achternaam}" in tekst
    assert kandidaat.voornaam not in tekst
    assert kandidaat.geboortedatum.strftime("%Y") not in tekst.replace(
        str(v.uitgereikt_op.year), ""
    )
    for w in v.werkprocessen.all():
        assert w.code in tekst


def test_verificatie_says_ingetrokken_after_revocation():
    v, _opleider, mbo = uitgereikt()
    verklaring_intrekken(verklaring=v, door=mbo, reden="Fout in de beoordeling.")
    antwoord = Client().get(reverse("verificatie", args=[v.code]))
    assert "Ingetrokken" in antwoord.text
    assert "Fout in de beoordeling" not in antwoord.text


@pytest.mark.parametrize(
    "code", ["onbekendecodeonbekendecode", "kort", "<script>", "a" * 41, "%00"]
)
def test_unknown_or_malformed_code_is_a_plain_404(code):
    uitgereikt()
    antwoord = Client().get(f"/verificatie/{code}/")
    assert antwoord.status_code == 404
    assert "Niet gevonden" in antwoord.text
    assert "Traceback" not in antwoord.text


def test_guessing_codes_is_rate_limited(settings):
    settings.VERIFICATIE_LIMIET = (3, 600)
    v, _opleider, _mbo = uitgereikt()
    anoniem = Client()
    for i in range(3):
        assert anoniem.get(f"/verificatie/gok{i:021d}/").status_code == 404
    # From now on even a right code is refused for this address, for a while.
    antwoord = anoniem.get(reverse("verificatie", args=[v.code]))
    assert antwoord.status_code == 429
    assert "Te veel pogingen" in antwoord.text
    assert (
        Client(REMOTE_ADDR="10.0.0.9")
        .get(reverse("verificatie", args=[v.code]))
        .status_code
        == 200
    )


def test_candidate_page_lists_the_verklaringen(client):
    v, _opleider, _mbo = uitgereikt()
    client.force_login(v.traject.consulent)
    antwoord = client.get(v.traject.kandidaat.get_absolute_url())
    assert v.nummer in antwoord.text


def test_rate_limit_behind_a_proxy_counts_the_address_the_proxy_saw(settings):
    settings.VERIFICATIE_LIMIET = (2, 600)
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    proxy = Client(REMOTE_ADDR="10.0.0.1")
    for i in range(2):
        # The client forges a first entry; the proxy appends the real address.
        proxy.get(
            f"/verificatie/gok{i:021d}/", HTTP_X_FORWARDED_FOR=f"1.1.1.{i}, 203.0.113.7"
        )
    assert (
        proxy.get(
            "/verificatie/onbekend0000000000000/", HTTP_X_FORWARDED_FOR="203.0.113.7"
        ).status_code
        == 429
    )
    # Another client behind the same proxy is not blocked.
    assert (
        proxy.get(
            "/verificatie/onbekend0000000000000/", HTTP_X_FORWARDED_FOR="198.51.100.2"
        ).status_code
        == 404
    )


def test_qr_address_comes_from_portal_url_when_set(app, settings):
    settings.PORTAL_URL = "https://plpv.regio.nl"
    traject, _opleider, mbo = goedgekeurd_traject()
    lokaal = {"HTTP_HOST": "localhost"}
    voortgang = app.get(voortgang_url(traject), user=mbo, extra_environ=lokaal)
    form = formulier(voortgang, actie=uitreiken_url(traject))
    invullen(form, plaats="Deventer").submit(extra_environ=lokaal, status=302)
    v = Praktijkverklaring.objects.get()
    assert v.verificatie_url == f"https://plpv.regio.nl/verificatie/{v.code}/"


def test_pdf_status_poll_is_not_an_access_entry(client):
    v, _opleider, mbo = uitgereikt()
    client.force_login(mbo)
    antwoord = client.get(v.get_absolute_url(), HTTP_HX_REQUEST="true")
    assert antwoord.status_code == 200
    assert 'id="verklaring-pdf"' in antwoord.text
    assert not LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, object_pk=str(v.pk)
    ).exists()
