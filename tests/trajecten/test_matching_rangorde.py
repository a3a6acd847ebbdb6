"""Issue 14, item 10: matching weighs the wish sector and nearness, and a match
starts a prefilled traject."""

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from kwalificaties.constants import Sector
from organisaties.constants import Rol
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.leerbedrijven import (
    ContactpersoonFactory,
    ErkenningFactory,
    LeerbaanFactory,
    LeerbedrijfFactory,
    VestigingFactory,
    kwalificatie,
    werkprocessen,
)
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.formulieren import formulier, invullen, verzenden
from trajecten.matching import matches, pc4, sectoren_in_wens
from trajecten.models import PostcodeGebied, Traject
from trajecten.services.postcodes import VOORBEELD, postcodegebieden_laden

pytestmark = pytest.mark.django_db


def passend(naam, *, sector=Sector.GROEN, adres=None, aantal=1, **kwargs):
    """A leerbedrijf that meets every condition of matching, with one vestiging at
    `adres` (postcode, plaats) and the first `aantal` Entree werkprocessen."""
    lb = LeerbedrijfFactory(organisatie__naam=naam, sector=sector, **kwargs)
    ErkenningFactory(leerbedrijf=lb, erkend=True)
    ContactpersoonFactory(leerbedrijf=lb, naam=f"Opleider {naam}")
    LeerbaanFactory(leerbedrijf=lb)
    lb.werkprocessen.set(werkprocessen()[:aantal])
    if adres:
        VestigingFactory(leerbedrijf=lb, postcode=adres[0], plaats=adres[1])
    return lb


@pytest.fixture
def postcodes(db):
    call_command("postcodegebieden_laden", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def halima(consulent):
    return KandidaatFactory(
        consulent=consulent,
        voornaam="Halima",
        woonplaats="Enschede",
        postcode="7511 JK",
        wens_sector="Horeca",
    )


@pytest.mark.parametrize(
    ("wens", "sectoren"),
    [
        ("Horeca", {Sector.HORECA}),
        ("zorg", {Sector.ZORG_EN_WELZIJN}),
        ("Zorg en welzijn", {Sector.ZORG_EN_WELZIJN}),
        ("Horeca of schoonmaak", {Sector.HORECA, Sector.SCHOONMAAK}),
        ("detail", {Sector.DETAILHANDEL}),
        ("Textiel", set()),
        ("", set()),
        ("en", set()),
    ],
)
def test_a_free_text_wish_names_sectors(wens, sectoren):
    assert sectoren_in_wens(wens) == sectoren


def test_pc4():
    assert pc4("7511 JK") == "7511"
    assert pc4("") == pc4("0511 AB") == ""


def test_ranking_werkprocessen_then_wish_sector_then_nearness(
    consulent, halima, postcodes
):
    passend("Groen onbekend", adres=("9999 ZZ", "Ver weg"))
    passend("Groen Oldenzaal", adres=("7571 AB", "Oldenzaal"))
    passend("Groen in Enschede", adres=("7513 EA", "enschede"))
    passend("Horeca Almelo", sector=Sector.HORECA, adres=("7601 AB", "Almelo"))
    passend("Horeca Hengelo", sector=Sector.HORECA, adres=("7551 AB", "Hengelo"))
    passend("Groen zonder vestiging")
    passend("Veel werkprocessen", aantal=2, adres=("7601 AB", "Almelo"))

    uitkomst = matches(
        user=consulent,
        kandidaat=halima,
        kwalificatie=kwalificatie(),
        werkprocessen=werkprocessen(),
    )

    assert [(str(m), m.wens_sector, m.in_gemeente, m.km) for m in uitkomst] == [
        ("Veel werkprocessen", False, False, 23),
        ("Horeca Hengelo", True, False, 9),
        ("Horeca Almelo", True, False, 23),
        ("Groen in Enschede", False, True, 2),
        ("Groen Oldenzaal", False, False, 10),
        # Unknown distance last: a postcode without centroid, or no vestiging.
        ("Groen onbekend", False, False, None),
        ("Groen zonder vestiging", False, False, None),
    ]


def test_without_loaded_postcodes_the_gemeente_still_counts(consulent, halima):
    passend("Almelo", adres=("7601 AB", "Almelo"))
    passend("Enschede", adres=("7513 EA", "Enschede"))
    uitkomst = matches(
        user=consulent,
        kandidaat=halima,
        kwalificatie=kwalificatie(),
        werkprocessen=werkprocessen(),
    )
    assert [(str(m), m.km) for m in uitkomst] == [("Enschede", None), ("Almelo", None)]


def test_matching_page_explains_the_order_and_shows_distances(
    app, consulent, halima, postcodes
):
    passend("Horeca Hengelo", sector=Sector.HORECA, adres=("7551 AB", "Hengelo"))
    passend("Groen in Enschede", adres=("7513 EA", "Enschede"))
    pagina = app.get(reverse("trajecten:matching", args=[halima.pk]), user=consulent)
    form = next(
        f
        for k, f in pagina.forms.items()
        if isinstance(k, int) and "kwalificatie" in f.fields
    )
    form["kwalificatie"] = str(kwalificatie().pk)
    response = form.submit()

    tekst = response.text
    assert "Zo staan de bedrijven op volgorde" in tekst
    assert "in de sector die Halima wil (horeca)" in tekst
    assert "eerst een vestiging in de eigen gemeente (Enschede)" in tekst
    assert "ca. 9 km" in tekst
    assert "In Enschede" in tekst
    assert tekst.index("Horeca Hengelo") < tekst.index("Groen in Enschede")
    assert "Traject starten bij dit leerbedrijf" in tekst


def test_a_wish_without_a_sector_is_said_plainly(app, consulent):
    textiel = KandidaatFactory(consulent=consulent, wens_sector="Textiel")
    passend("Atelier")
    response = app.get(
        reverse("trajecten:matching", args=[textiel.pk]),
        {"kwalificatie": kwalificatie().pk},
        user=consulent,
    )
    assert 'bij de wens "Textiel" vinden we geen sector' in response.text


def _zoeken(client, kandidaat):
    return client.get(
        reverse("trajecten:matching", args=[kandidaat.pk]),
        {"kwalificatie": kwalificatie().pk},
    )


def test_matching_query_count_is_the_same_for_3_and_30_leerbedrijven(
    client, consulent, halima, postcodes
):
    plaatsen = [("7551 AB", "Hengelo"), ("7513 EA", "Enschede"), ("7601 AB", "Almelo")]
    for i in range(3):
        passend(f"Bedrijf {i}", adres=plaatsen[i % 3], sector=list(Sector)[i % 5])
    client.force_login(consulent)
    _zoeken(client, halima)  # warm caches (session, permissions)
    with CaptureQueriesContext(connection) as drie:
        response = _zoeken(client, halima)
    assert len(response.context["resultaten"]) == 3
    for i in range(3, 30):
        lb = passend(f"Bedrijf {i}", adres=plaatsen[i % 3], sector=list(Sector)[i % 5])
        VestigingFactory(leerbedrijf=lb, postcode="7571 AB", plaats="Oldenzaal")
    with CaptureQueriesContext(connection) as dertig:
        response = _zoeken(client, halima)
    assert len(response.context["resultaten"]) == 30
    assert len(dertig) == len(drie)


# --- from a match to a traject --------------------------------------------------


def aangevinkt(form) -> set[int]:
    return {int(v._value) for v in form.fields["werkprocessen"] if v.checked}


def test_traject_starten_from_a_match_prefills_the_form_and_starts_there(
    app, consulent, halima
):
    lb = passend("Lunchroom De Smaak", sector=Sector.HORECA, aantal=3)
    opleider = lb.contactpersonen.get()
    mbo = OrganisatieFactory(mbo=True)
    wp = werkprocessen()
    matching = app.get(
        reverse("trajecten:matching", args=[halima.pk]),
        {"kwalificatie": kwalificatie().pk, "werkprocessen": [wp[0].pk, wp[1].pk]},
        user=consulent,
    )
    pagina = matching.click(description="Traject starten bij dit leerbedrijf")

    form = formulier(pagina)
    assert "Ingevuld vanuit de match met" in pagina.text
    assert form["leerbedrijf"].value == str(lb.pk)
    assert form["praktijkopleider"].value == str(opleider.pk)
    assert form["kwalificatie"].value == str(kwalificatie().pk)
    assert aangevinkt(form) == {wp[0].pk, wp[1].pk}

    invullen(
        form,
        mbo_instelling=str(mbo.pk),
        startdatum="2026-12-01",
        geplande_einddatum="2027-08-31",
        uren_per_week="24",
        plaatsingstype="duurzaam",
        zonder_advies_reden="De lunchroom heeft nu plek.",
    )
    form.submit(status=302)

    traject = Traject.objects.get()
    assert traject.kandidaat == halima
    plaatsing = traject.plaatsingen.get()
    assert (plaatsing.leerbedrijf, plaatsing.praktijkopleider) == (lb, opleider)
    assert set(traject.werkprocessen.all()) == {wp[0], wp[1]}


def test_the_prefill_uses_the_leerbaan_and_ignores_what_the_user_cannot_see(
    app, consulent, halima
):
    lb = passend("Lunchroom")
    leerbaan = lb.leerbanen.get()
    leerbaan.werkprocessen.set(werkprocessen()[2:4])
    ContactpersoonFactory(leerbedrijf=lb)  # two opleiders: the consulent chooses
    url = reverse("trajecten:traject_start", args=[halima.pk])

    pagina = app.get(
        url, {"leerbedrijf": lb.pk, "leerbaan": leerbaan.pk}, user=consulent
    )
    form = formulier(pagina)
    assert form["leerbedrijf"].value == str(lb.pk)
    assert form["kwalificatie"].value == str(leerbaan.kwalificatie_id)
    assert not form["praktijkopleider"].value
    assert "(leerbaan:" in pagina.text
    assert aangevinkt(form) == {w.pk for w in werkprocessen()[2:4]}

    anders = LeerbedrijfFactory(regio=regio("AM01"))
    pagina = app.get(url, {"leerbedrijf": anders.pk, "leerbaan": "x"}, user=consulent)
    assert "Ingevuld vanuit de match" not in pagina.text
    assert formulier(pagina)["leerbedrijf"].value in ("", None)


def test_a_bad_postcode_file_loads_nothing(db):
    postcodegebieden_laden(VOORBEELD.read_text(encoding="utf-8"))
    voor = PostcodeGebied.objects.count()
    uitkomst = postcodegebieden_laden(
        "pc4;lat;lon\n7511;52.2;6.9\n751;52;6\n7512;x;6\n"
    )
    assert not uitkomst.goed
    assert uitkomst.fouten == [
        "Regel 3: '751' is geen postcode van 4 cijfers.",
        "Regel 4: lat en lon moeten getallen zijn (met een punt).",
    ]
    assert PostcodeGebied.objects.count() == voor
    assert postcodegebieden_laden("pc4,lat,lon\n7511,52.2,6.9\n").goed
    assert list(PostcodeGebied.objects.values_list("pc4", flat=True)) == ["7511"]


def test_another_regions_consulent_gets_404_on_the_prefilled_form(app, halima):
    hans = medewerker_met_rol(Rol.CONSULENT, organisatie=OrganisatieFactory(uwv=True))
    app.get(reverse("trajecten:traject_start", args=[halima.pk]), user=hans, status=404)


def test_beheerder_uploads_a_postcode_file_in_the_admin(app, client, beheerder):
    lijst = app.get("/beheer/trajecten/postcodegebied/", user=beheerder)
    pagina = lijst.click(description="Bestand laden")

    fout = verzenden(
        pagina,
        bestand=("pc.csv", b"pc4;lat;lon\n7511;52.2;6.9\n12;52;6\n"),
        status=200,
    )
    assert "Regel 3: &#x27;12&#x27; is geen postcode van 4 cijfers." in fout.text
    assert not PostcodeGebied.objects.exists()

    goed = verzenden(
        pagina, bestand=("pc.csv", VOORBEELD.read_bytes()), status=302
    ).follow()
    assert "Geladen: 13 postcodegebieden." in goed.text
    assert PostcodeGebied.objects.count() == 13

    consulent = medewerker_met_rol(Rol.CONSULENT)
    client.force_login(consulent)
    assert client.get("/beheer/trajecten/postcodegebied/laden/").status_code in (
        302,
        403,
    )
