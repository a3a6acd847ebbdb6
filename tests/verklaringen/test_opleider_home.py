"""Issue 14, item 5: the praktijkopleider's home page shows the candidates placed with
him, the date of his last observation and what waits for him, one tap from the
observation page; nothing of another company, and a fixed number of queries."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from organisaties.constants import Rol
from tests.factories.organisaties import medewerker_met_rol
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory
from tests.factories.verklaringen import (
    ObservatieFactory,
    OntwikkeldoelFactory,
    traject_met_opleider,
)
from tests.formulieren import formulier
from trajecten.constants import (
    Ondertekenwijze,
    OvereenkomstSoort,
    Partij,
    PdfStatus,
)
from trajecten.models import (
    Ondertekening,
    Overeenkomst,
    OvereenkomstVersie,
    Traject,
)
from verklaringen.constants import ObservatieSoort
from verklaringen.models import Eindbeoordeling

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def kaart(pagina, traject):
    """The card of one traject on the home page (its <article>)."""
    artikel = pagina.html.find("h3", id=f"kandidaat-{traject.pk}")
    assert artikel is not None, f"no card for {traject.kandidaat}"
    return artikel.find_parent("article")


def teksten(artikel) -> list[str]:
    return [a.get_text(" ", strip=True) for a in artikel.select(".opleider-wacht a")]


def tweede_traject(opleider, **kwargs):
    """Another traject of the same praktijkopleider (same contactpersoon)."""
    from leerbedrijven.models import Contactpersoon

    contact = Contactpersoon.objects.get(account=opleider)
    traject = TrajectFactory(lopend=True, **kwargs)
    PlaatsingFactory(
        traject=traject, leerbedrijf=contact.leerbedrijf, praktijkopleider=contact
    )
    return traject


def test_new_traject_asks_for_the_0_meting_one_tap_from_the_observation_page(app):
    traject, opleider = traject_met_opleider()
    home = app.get("/", user=opleider)
    artikel = kaart(home, traject)
    assert "Nog geen observatie" in artikel.text
    assert teksten(artikel) == [f"0-meting vastleggen ({traject.kandidaat})"]
    url = reverse("verklaringen:observatie", args=[traject.pk])
    pagina = home.click(href=url, index=0)
    assert pagina.status_code == 200
    assert "0-meting" in pagina.html.find("h1").text
    assert formulier(pagina)["datum"].value == VANDAAG.isoformat()


def test_old_observation_and_missing_pop_wait_for_him(app):
    traject, opleider = traject_met_opleider()
    ObservatieFactory(traject=traject, nulmeting=True, datum=VANDAAG - timedelta(40))
    ObservatieFactory(traject=traject, datum=VANDAAG - timedelta(25))
    artikel = kaart(app.get("/", user=opleider), traject)
    laatste = VANDAAG - timedelta(25)
    maand = MAANDEN[laatste.month - 1]
    assert f"Laatste observatie: {laatste.day} {maand} {laatste.year}" in " ".join(
        artikel.text.split()
    )
    assert teksten(artikel) == [
        f"Observatie: de laatste is 25 dagen geleden ({traject.kandidaat})",
        f"POP: ontwikkeldoelen afspreken ({traject.kandidaat})",
    ]


def test_recent_observation_and_a_pop_leave_nothing_waiting(app):
    traject, opleider = traject_met_opleider()
    ObservatieFactory(traject=traject, nulmeting=True, datum=VANDAAG - timedelta(3))
    OntwikkeldoelFactory(traject=traject)
    artikel = kaart(app.get("/", user=opleider), traject)
    assert teksten(artikel) == []
    assert "Er wacht nu niets op je." in artikel.text
    # The observation is still one tap away.
    assert artikel.find("a", href=reverse("verklaringen:observatie", args=[traject.pk]))


def test_eindbeoordeling_waits_near_the_end_and_while_werkprocessen_are_open(app):
    traject, opleider = traject_met_opleider(
        startdatum=VANDAAG - timedelta(250), geplande_einddatum=VANDAAG + timedelta(10)
    )
    ObservatieFactory(traject=traject, nulmeting=True, datum=VANDAAG)
    OntwikkeldoelFactory(traject=traject)
    artikel = kaart(app.get("/", user=opleider), traject)
    eind = VANDAAG + timedelta(10)
    assert teksten(artikel) == [
        f"Eindbeoordeling geven: het traject stopt op {eind:%d-%m-%Y} "
        f"({traject.kandidaat})"
    ]
    werkprocessen = list(traject.werkprocessen.order_by("code"))
    Eindbeoordeling.objects.create(
        traject=traject,
        werkproces=werkprocessen[0],
        beheerst=True,
        datum=VANDAAG,
        door=opleider,
    )
    artikel = kaart(app.get("/", user=opleider), traject)
    open_ = len(werkprocessen) - 1
    assert teksten(artikel) == [
        f"Eindbeoordeling: nog {open_} werkprocessen ({traject.kandidaat})"
    ]


def test_agreement_to_sign_links_to_the_signature_page(app):
    traject, opleider = traject_met_opleider(lopend=False, plaatsing_voorbereid=True)
    overeenkomst = Overeenkomst.objects.create(
        traject=traject, soort=OvereenkomstSoort.PLAATSING
    )
    versie = OvereenkomstVersie.objects.create(
        overeenkomst=overeenkomst,
        nummer=1,
        gegevens={},
        vingerafdruk="x" * 64,
        pdf=f"overeenkomsten/{traject.pk}/plaatsing-v1.pdf",
        pdf_status=PdfStatus.KLAAR,
        aangevraagd_door=traject.consulent,
    )
    # The opleidingsovereenkomst is not his to sign (kandidaat and mbo only).
    Overeenkomst.objects.create(traject=traject, soort=OvereenkomstSoort.OPLEIDING)
    home = app.get("/", user=opleider)
    artikel = kaart(home, traject)
    assert teksten(artikel) == [f"Plaatsingsovereenkomst tekenen ({traject.kandidaat})"]
    # No observation before the agreements are signed: no button for it.
    observatie = reverse("verklaringen:observatie", args=[traject.pk])
    assert not artikel.find("a", href=observatie)
    url = reverse("trajecten:ondertekenen", args=[versie.pk])
    pagina = home.click(href=url)
    assert formulier(pagina)["partij"].value == Partij.LEERBEDRIJF

    Ondertekening.objects.create(
        versie=versie,
        partij=Partij.LEERBEDRIJF,
        naam="Peter",
        rol="Praktijkopleider",
        datum=VANDAAG,
        wijze=Ondertekenwijze.PORTAAL,
        vastgelegd_door=opleider,
    )
    assert teksten(kaart(app.get("/", user=opleider), traject)) == []


def test_only_his_own_active_trajecten_show(app):
    traject, opleider = traject_met_opleider()
    # Another company's traject, a colleague's at the same company, and his own
    # ended traject: none of them is on his home page.
    ander, _andere_opleider = traject_met_opleider()
    collega = medewerker_met_rol(Rol.PRAKTIJKOPLEIDER, organisatie=opleider.organisatie)
    van_collega = TrajectFactory(lopend=True)
    plaatsing = PlaatsingFactory(
        traject=van_collega, leerbedrijf=traject.plaatsingen.get().leerbedrijf
    )
    plaatsing.praktijkopleider.account = collega
    plaatsing.praktijkopleider.save()
    afgesloten = tweede_traject(opleider, afgesloten=True)

    home = app.get("/", user=opleider)
    sectie = home.html.find("section", attrs={"aria-labelledby": "kop-opleider"})
    assert sectie.select("article") == [kaart(home, traject)]
    for t in (ander, van_collega, afgesloten):
        assert str(t.kandidaat) not in home.text
    # The colleague sees his own, not this one.
    home_collega = app.get("/", user=collega)
    assert kaart(home_collega, van_collega)
    assert str(traject.kandidaat) not in home_collega.text


def test_other_roles_get_no_opleider_block(app, consulent):
    assert "kop-opleider" not in app.get("/", user=consulent).text


def test_home_without_candidates_says_so(app, praktijkopleider):
    home = app.get("/", user=praktijkopleider)
    assert "Er staan nu geen kandidaten bij jou op de werkvloer." in home.text


def test_home_query_count_is_the_same_for_1_and_10_trajecten(client):
    traject, opleider = traject_met_opleider()

    def vullen(t):
        ObservatieFactory(traject=t, nulmeting=True, datum=VANDAAG - timedelta(30))
        ObservatieFactory(traject=t, soort=ObservatieSoort.TUSSENRESULTAAT)
        OntwikkeldoelFactory(traject=t)
        overeenkomst = Overeenkomst.objects.create(
            traject=t, soort=OvereenkomstSoort.PRAKTIJK
        )
        OvereenkomstVersie.objects.create(
            overeenkomst=overeenkomst,
            nummer=1,
            gegevens={},
            vingerafdruk="x" * 64,
            pdf="x.pdf",
            pdf_status=PdfStatus.KLAAR,
            aangevraagd_door=t.consulent,
        )

    vullen(traject)
    client.force_login(opleider)
    tellingen = []
    for aantal in (1, 10):
        while Traject.objects.count() < aantal:
            vullen(tweede_traject(opleider))
        with CaptureQueriesContext(connection) as ctx:
            html = client.get("/").text
        assert html.count('class="card h-100') == aantal
        tellingen.append(len(ctx))
    assert tellingen[0] == tellingen[1]
