import datetime
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from organisaties.constants import Rol
from tests.factories.leerbedrijven import werkprocessen
from tests.factories.organisaties import medewerker_met_rol
from tests.factories.verklaringen import ObservatieFactory, traject_met_opleider
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


def test_observatie_page_records_nulmeting(client):
    traject, opleider = traject_met_opleider()
    gv = Gedragsvoorbeeld.objects.filter(leerbedrijf__isnull=True).first()
    client.force_login(opleider)
    url = reverse("verklaringen:observatie", args=[traject.pk])
    assert client.get(url).status_code == 200
    antwoord = client.post(
        url,
        {
            "datum": timezone.localdate().isoformat(),
            f"niveau_{gv.pk}": "met_hulp",
            f"notitie_{gv.pk}": "Vraagt goed",
        },
    )
    assert antwoord.status_code == 302
    assert traject.observaties.get().soort == ObservatieSoort.NULMETING


def test_observatie_page_forbidden_for_mbo(client):
    traject, _opleider = traject_met_opleider()
    mbo = medewerker_met_rol(Rol.MBO_MEDEWERKER, organisatie=traject.mbo_instelling)
    client.force_login(mbo)
    url = reverse("verklaringen:observatie", args=[traject.pk])
    assert client.get(url).status_code == 403


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


def test_eindbeoordeling_and_pop_through_the_progress_page(client):
    traject, opleider = traject_met_opleider()
    werkproces = traject.werkprocessen.order_by("code").first()
    client.force_login(opleider)
    vandaag = timezone.localdate().isoformat()
    client.post(
        reverse("verklaringen:eindbeoordeling", args=[traject.pk]),
        {
            "eind-werkproces": werkproces.pk,
            "eind-beheerst": "ja",
            "eind-datum": vandaag,
        },
    )
    assert traject.eindbeoordelingen.get().beheerst is True
    client.post(
        reverse("verklaringen:ontwikkeldoel_create", args=[traject.pk]),
        {
            "werkproces": werkproces.pk,
            "doel": "Zelf beginnen.",
            "afgesproken_op": vandaag,
        },
    )
    assert traject.ontwikkeldoelen.get().doel == "Zelf beginnen."


def test_eindbeoordeling_with_a_future_date_changes_nothing(client):
    traject, opleider = traject_met_opleider()
    client.force_login(opleider)
    morgen = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    antwoord = client.post(
        reverse("verklaringen:eindbeoordeling", args=[traject.pk]),
        {
            "eind-werkproces": traject.werkprocessen.first().pk,
            "eind-beheerst": "nee",
            "eind-datum": morgen,
        },
        follow=True,
    )
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
