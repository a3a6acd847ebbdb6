import datetime
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from organisaties.constants import Rol
from tests.factories.leerbedrijven import werkprocessen
from tests.factories.organisaties import medewerker_met_rol
from tests.factories.verklaringen import (
    ObservatieFactory,
    OntwikkeldoelFactory,
    traject_met_opleider,
)
from tests.formulieren import formulier, invullen, posten, verzenden
from verklaringen.constants import ObservatieSoort
from verklaringen.models import Gedragsvoorbeeld, ObservatieScore

pytestmark = pytest.mark.django_db


def test_voortgang_404_for_other_organisation_and_other_company(client, consulent):
    traject, _opleider = traject_met_opleider()
    _ander_traject, andere_opleider = traject_met_opleider()
    url = reverse("verklaringen:voortgang", args=[traject.pk])
    client.force_login(consulent)  # a consulent of another gemeente
    assert client.get(url).status_code == 404
    client.force_login(andere_opleider)
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("verklaringen:observatie", args=[traject.pk])).status_code
        == 404
    )


def test_voortgang_visible_to_team(client):
    traject, opleider = traject_met_opleider()
    mbo = medewerker_met_rol(Rol.MBO_MEDEWERKER, organisatie=traject.mbo_instelling)
    url = reverse("verklaringen:voortgang", args=[traject.pk])
    for user in (traject.consulent, opleider, mbo):
        client.force_login(user)
        assert client.get(url).status_code == 200


def test_observatie_page_records_nulmeting(app):
    traject, opleider = traject_met_opleider()
    gv = Gedragsvoorbeeld.objects.filter(leerbedrijf__isnull=True).first()
    url = reverse("verklaringen:observatie", args=[traject.pk])
    voortgang = app.get(voortgang_url(traject), user=opleider)
    pagina = voortgang.click(href=url)
    form = formulier(pagina)
    assert form["datum"].value == timezone.localdate().isoformat()
    antwoord = invullen(
        form, **{f"niveau_{gv.pk}": "met_hulp", f"notitie_{gv.pk}": "Vraagt goed"}
    ).submit(status=302)
    assert antwoord["Location"] == voortgang_url(traject)
    observatie = traject.observaties.get()
    assert observatie.soort == ObservatieSoort.NULMETING
    score = observatie.scores.get(gedragsvoorbeeld=gv)
    assert (score.niveau, score.notitie) == ("met_hulp", "Vraagt goed")


def test_observatie_page_forbidden_for_mbo(app):
    traject, _opleider = traject_met_opleider()
    mbo = medewerker_met_rol(Rol.MBO_MEDEWERKER, organisatie=traject.mbo_instelling)
    url = reverse("verklaringen:observatie", args=[traject.pk])
    app.get(url, user=mbo, status=403)
    posten(app, url, {"datum": timezone.localdate().isoformat()}, user=mbo, status=403)
    assert not traject.observaties.exists()


def observaties(traject, aantal):
    voorbeelden = list(Gedragsvoorbeeld.objects.filter(leerbedrijf__isnull=True))
    for i in range(aantal):
        obs = ObservatieFactory(traject=traject, soort=ObservatieSoort.TUSSENRESULTAAT)
        ObservatieScore.objects.bulk_create(
            ObservatieScore(
                observatie=obs,
                gedragsvoorbeeld=gv,
                niveau=["nog_niet", "met_hulp"][i % 2],
            )
            for gv in voorbeelden
        )


def test_voortgang_query_count_does_not_grow(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    tellingen = []
    for aantal in (3, 30):
        traject, opleider = traject_met_opleider()
        observaties(traject, aantal)
        client.force_login(opleider)
        url = reverse("verklaringen:voortgang", args=[traject.pk])
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        tellingen.append(len(ctx))
    assert tellingen[0] == tellingen[1]


def test_voortgang_page_has_unique_ids_so_labels_find_their_field(client):
    traject, opleider = traject_met_opleider()
    client.force_login(opleider)
    html = client.get(reverse("verklaringen:voortgang", args=[traject.pk])).text
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def voortgang_url(traject) -> str:
    return reverse("verklaringen:voortgang", args=[traject.pk])


def test_eindbeoordeling_and_pop_through_the_progress_page(app):
    traject, opleider = traject_met_opleider()
    werkproces = traject.werkprocessen.order_by("code").first()
    voortgang = app.get(voortgang_url(traject), user=opleider)
    antwoord = verzenden(
        voortgang,
        actie=reverse("verklaringen:eindbeoordeling", args=[traject.pk]),
        **{"eind-werkproces": str(werkproces.pk), "eind-beheerst": "ja"},
        status=302,
    )
    assert antwoord["Location"] == voortgang_url(traject)
    beoordeling = traject.eindbeoordelingen.get()
    assert (beoordeling.beheerst, beoordeling.datum) == (True, timezone.localdate())

    voortgang = antwoord.follow()
    verzenden(
        voortgang,
        actie=reverse("verklaringen:ontwikkeldoel_create", args=[traject.pk]),
        werkproces=str(werkproces.pk),
        doel="Zelf beginnen.",
        status=302,
    )
    assert traject.ontwikkeldoelen.get().doel == "Zelf beginnen."


def test_opleider_adjusts_a_pop_goal_through_the_progress_page(app):
    traject, opleider = traject_met_opleider()
    doel = OntwikkeldoelFactory(
        traject=traject,
        werkproces=traject.werkprocessen.order_by("code").first(),
        doel="Zelf beginnen.",
    )
    url = reverse("verklaringen:ontwikkeldoel_update", args=[traject.pk, doel.pk])
    pagina = app.get(voortgang_url(traject), user=opleider).click(href=url)
    assert formulier(pagina)["doel"].value == "Zelf beginnen."
    antwoord = verzenden(
        pagina, doel="Zelf beginnen en om hulp vragen.", actief=False, status=302
    )
    assert antwoord["Location"] == voortgang_url(traject)
    doel.refresh_from_db()
    assert (doel.doel, doel.actief) == ("Zelf beginnen en om hulp vragen.", False)
    assert doel.bijgesteld_op == timezone.localdate()
    assert "Het ontwikkeldoel is bijgesteld." in antwoord.follow()


def test_pop_goal_with_an_empty_text_changes_nothing(app):
    traject, opleider = traject_met_opleider()
    doel = OntwikkeldoelFactory(
        traject=traject,
        werkproces=traject.werkprocessen.first(),
        doel="Zelf beginnen.",
    )
    url = reverse("verklaringen:ontwikkeldoel_update", args=[traject.pk, doel.pk])
    antwoord = verzenden(app.get(url, user=opleider), doel="", status=200)
    assert "doel" in antwoord.context["form"].errors
    assert "Dit veld is verplicht" in antwoord.text
    doel.refresh_from_db()
    assert (doel.doel, doel.bijgesteld_op) == ("Zelf beginnen.", None)


def test_eindbeoordeling_with_a_future_date_changes_nothing(app):
    traject, opleider = traject_met_opleider()
    morgen = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    voortgang = app.get(voortgang_url(traject), user=opleider)
    antwoord = verzenden(
        voortgang,
        actie=reverse("verklaringen:eindbeoordeling", args=[traject.pk]),
        **{
            "eind-werkproces": str(traject.werkprocessen.first().pk),
            "eind-beheerst": "nee",
            "eind-datum": morgen,
        },
        status=302,
    ).follow()
    assert "toekomst" in antwoord.text
    assert not traject.eindbeoordelingen.exists()


def test_observatie_page_query_count_does_not_grow_with_werkprocessen(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    tellingen = []
    for aantal in (1, 3):
        traject, opleider = traject_met_opleider(werkprocessen=werkprocessen()[:aantal])
        observaties(traject, aantal * 2)
        client.force_login(opleider)
        url = reverse("verklaringen:observatie", args=[traject.pk])
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        tellingen.append(len(ctx))
    assert tellingen[0] == tellingen[1]
