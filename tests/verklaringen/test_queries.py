"""Other proofs (`Bewijs`) and mbo-verklaringen on every page that lists them run
as many SQL queries with many rows as with few (issue #16)."""

from django.urls import reverse

import pytest

from tests.factories.verklaringen import (
    VERIFICATIE_BASIS,
    GedragsvoorbeeldFactory,
    certificaat,
    mbo_uitreiken,
    met_praktijkverklaring,
    traject_met_opleider,
)
from tests.queries import queries, zelfde_aantal
from verklaringen.constants import BewijsSoort

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lege_cache")]


def bewijzen(traject, door, aantal):
    """`aantal` proofs, each with two gedragsvoorbeelden, every other an exam."""
    wps = list(traject.werkprocessen.order_by("code"))
    uit = []
    for i in range(aantal):
        if i % 2:
            extra = {"soort": BewijsSoort.EXAMENRESULTAAT}
        else:
            extra = {
                "soort": BewijsSoort.WERKNEMERSVAARDIGHEDEN,
                "gedragsvoorbeelden": [
                    GedragsvoorbeeldFactory(werkproces=wps[(i + j) % len(wps)])
                    for j in (0, 1)
                ],
            }
        uit.append(certificaat(traject, door, uitgever=f"Uitgever {i}", **extra))
    return uit


@pytest.mark.parametrize("wie", ["mbo", "consulent"])
def test_the_progress_page_with_more_proofs_and_mbo_verklaringen(app, wie):
    traject, mbo, p = met_praktijkverklaring()
    user = mbo if wie == "mbo" else traject.consulent
    url = reverse("verklaringen:voortgang", args=[traject.pk])
    mbo_uitreiken(traject, mbo, [p], bewijzen(traject, mbo, 2))
    weinig = queries(lambda: app.get(url, user=user))
    nieuw = bewijzen(traject, mbo, 4)
    mbo_uitreiken(traject, mbo, [p], nieuw[:2])
    mbo_uitreiken(traject, mbo, [p], nieuw[2:])
    veel = queries(lambda: app.get(url, user=user))
    assert app.get(url, user=user).text.count("Uitgever ") == 6
    zelfde_aantal(weinig, veel)


def test_the_candidate_page_panel_with_more_proofs_and_mbo_verklaringen(app):
    traject, mbo, p = met_praktijkverklaring()
    consulent = traject.consulent
    url = traject.kandidaat.get_absolute_url()
    mbo_uitreiken(traject, mbo, [p], bewijzen(traject, mbo, 2))
    weinig = queries(lambda: app.get(url, user=consulent))
    nieuw = bewijzen(traject, consulent, 4)
    mbo_uitreiken(traject, mbo, [p], nieuw[:3])
    mbo_uitreiken(traject, mbo, [p])
    veel = queries(lambda: app.get(url, user=consulent))
    assert "Andere bewijzen" in app.get(url, user=consulent)
    zelfde_aantal(weinig, veel)


def test_issuing_a_mbo_verklaring_with_more_proofs_to_choose(app):
    traject, mbo, _p = met_praktijkverklaring()
    url = reverse("verklaringen:mbo_verklaring_uitreiken", args=[traject.pk])
    bewijzen(traject, mbo, 2)
    weinig = queries(lambda: app.get(url, user=mbo))
    bewijzen(traject, mbo, 4)
    veel = queries(lambda: app.get(url, user=mbo))
    zelfde_aantal(weinig, veel)


@pytest.mark.parametrize("pagina", ["detail", "verificatie"])
def test_a_mbo_verklaring_with_more_parts(app, pagina):
    def adres(m):
        if pagina == "detail":
            return reverse("verklaringen:mbo_verklaring_detail", args=[m.pk])
        return m.verificatie_url.removeprefix(VERIFICATIE_BASIS)

    traject, mbo, p = met_praktijkverklaring()
    klein = mbo_uitreiken(traject, mbo, [p], bewijzen(traject, mbo, 2))
    user = {"user": mbo} if pagina == "detail" else {}
    weinig = queries(lambda: app.get(adres(klein), **user))
    groot = mbo_uitreiken(traject, mbo, [p], bewijzen(traject, mbo, 6))
    veel = queries(lambda: app.get(adres(groot), **user))
    assert app.get(adres(groot), **user).text.count("Uitgever ") == 6
    zelfde_aantal(weinig, veel)


def test_adding_a_proof_with_more_gedragsvoorbeelden_to_choose(app):
    def tellen(aantal):
        traject, _opleider = traject_met_opleider()
        for wp in traject.werkprocessen.all():
            for _ in range(aantal):
                GedragsvoorbeeldFactory(werkproces=wp)
        url = reverse("verklaringen:bewijs_create", args=[traject.pk])
        return queries(lambda: app.get(url, user=traject.consulent))

    zelfde_aantal(tellen(2), tellen(6))


def test_the_verklaring_list_with_more_verklaringen(app):
    traject, mbo, p = met_praktijkverklaring()
    tweede = met_praktijkverklaring(mbo_instelling=traject.mbo_instelling)[2]
    url = reverse("verklaringen:verklaring_list")
    weinig = queries(lambda: app.get(url, user=mbo))
    nieuw = [
        met_praktijkverklaring(mbo_instelling=traject.mbo_instelling)[2]
        for _ in range(3)
    ]
    veel = queries(lambda: app.get(url, user=mbo))
    tekst = app.get(url, user=mbo).text
    assert all(v.nummer in tekst for v in [p, tweede, *nieuw])
    zelfde_aantal(weinig, veel)
