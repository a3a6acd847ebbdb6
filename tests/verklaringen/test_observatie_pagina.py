"""Issue 14, item 5: the observation page shows one werkproces at a time and carries
what observatie.js needs to keep a draft; the form still posts as before."""

from django.urls import reverse

import pytest

from tests.factories.verklaringen import ObservatieFactory, traject_met_opleider
from tests.formulieren import formulier, invullen
from verklaringen.models import Gedragsvoorbeeld

pytestmark = pytest.mark.django_db


def test_one_werkproces_open_and_a_closed_one_still_saves(app):
    traject, opleider = traject_met_opleider()
    werkprocessen = list(traject.werkprocessen.order_by("code"))
    assert len(werkprocessen) > 1
    url = reverse("verklaringen:observatie", args=[traject.pk])
    pagina = app.get(url, user=opleider)
    blokken = pagina.html.select("details.observatie-wp")
    assert [b["data-werkproces"] for b in blokken] == [str(w.pk) for w in werkprocessen]
    assert [b.has_attr("open") for b in blokken] == [True] + [False] * (
        len(blokken) - 1
    )
    # Every werkproces is a heading in its summary; notes fold away.
    assert blokken[1].summary.h2.text.startswith(werkprocessen[1].code)
    assert not blokken[0].select_one("details.observatie-notitie").has_attr("open")
    # The draft is keyed by user and traject; no observation of his yet: basis 0.
    wortel = pagina.html.select_one("[data-concept]")
    assert wortel["data-concept"] == f"plpv-observatie:{opleider.pk}:{traject.pk}:"
    assert wortel["data-concept-basis"] == "0"
    assert pagina.html.find("script", src="/static/js/observatie.js")

    # A level in the closed (second) werkproces is posted like any other.
    gv = Gedragsvoorbeeld.objects.filter(werkproces=werkprocessen[1]).first()
    invullen(formulier(pagina), **{f"niveau_{gv.pk}": "zelfstandig"}).submit(status=302)
    score = traject.observaties.get().scores.get()
    assert (score.gedragsvoorbeeld, score.niveau) == (gv, "zelfstandig")

    # The next visit starts on a new basis: the saved draft is dropped.
    pagina = app.get(url, user=opleider)
    basis = pagina.html.select_one("[data-concept]")["data-concept-basis"]
    assert basis == str(traject.observaties.get().pk)
    voortgang = app.get(reverse("verklaringen:voortgang", args=[traject.pk]))
    assert voortgang.html.select_one("[data-concept]")["data-concept-basis"] == basis


def test_basis_counts_only_his_own_observations(app):
    traject, opleider = traject_met_opleider()
    ObservatieFactory(traject=traject, nulmeting=True)  # by the consulent
    url = reverse("verklaringen:observatie", args=[traject.pk])
    pagina = app.get(url, user=opleider)
    assert pagina.html.select_one("[data-concept]")["data-concept-basis"] == "0"


def test_a_note_too_long_opens_its_werkproces_and_note(app):
    traject, opleider = traject_met_opleider()
    werkprocessen = list(traject.werkprocessen.order_by("code"))
    gv = Gedragsvoorbeeld.objects.filter(werkproces=werkprocessen[1]).first()
    url = reverse("verklaringen:observatie", args=[traject.pk])
    pagina = app.get(url, user=opleider)
    antwoord = invullen(
        formulier(pagina),
        **{f"niveau_{gv.pk}": "met_hulp", f"notitie_{gv.pk}": "x" * 201},
    ).submit(status=200)
    assert not traject.observaties.exists()
    blokken = antwoord.html.select("details.observatie-wp")
    assert [b.has_attr("open") for b in blokken][:2] == [False, True]
    veld = antwoord.html.find("input", attrs={"name": f"notitie_{gv.pk}"})
    assert veld.find_parent("details").has_attr("open")
    assert "200" in antwoord.html.find(id=f"fout-notitie_{gv.pk}").text
