"""The begeleidingsdocument pages: general gedragsvoorbeelden by the mbo-instelling, a
leerbedrijf's own versions by its praktijkopleider, nobody else's."""

from django.urls import reverse

import pytest

from organisaties.constants import Rol
from tests.factories.leerbedrijven import LeerbedrijfFactory, werkprocessen
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol
from tests.factories.verklaringen import GedragsvoorbeeldFactory
from tests.formulieren import formulier, verzenden
from verklaringen.models import Gedragsvoorbeeld, Werkopdracht

pytestmark = pytest.mark.django_db
NIEUW = reverse("verklaringen:gedragsvoorbeeld_create")
LIJST = reverse("verklaringen:begeleiding")


@pytest.fixture
def bedrijf_en_opleider():
    leerbedrijf = LeerbedrijfFactory()
    opleider = medewerker_met_rol(
        Rol.PRAKTIJKOPLEIDER, organisatie=leerbedrijf.organisatie
    )
    return leerbedrijf, opleider


def gegevens(**kwargs):
    return {
        "werkproces": str(werkprocessen()[0].pk),
        "tekst": "Zet de kratten recht in het rek.",
        "volgorde": "1",
        "actief": True,
        **kwargs,
    }


def nieuw_formulier(app, user):
    """From the begeleidingsdocument, the button that adds a gedragsvoorbeeld."""
    return app.get(LIJST, user=user).click(href=NIEUW)


def test_mbo_adds_a_general_gedragsvoorbeeld(app):
    mbo = medewerker_met_rol(
        Rol.MBO_MEDEWERKER, organisatie=OrganisatieFactory(mbo=True)
    )
    antwoord = verzenden(nieuw_formulier(app, mbo), **gegevens(), status=302)
    assert antwoord["Location"] == LIJST
    nieuw = Gedragsvoorbeeld.objects.get(tekst="Zet de kratten recht in het rek.")
    assert nieuw.leerbedrijf is None
    assert "Zet de kratten recht in het rek." in antwoord.follow()


def test_opleider_adds_a_version_for_the_own_company_only(app, bedrijf_en_opleider):
    leerbedrijf, opleider = bedrijf_en_opleider
    ander = LeerbedrijfFactory()
    pagina = nieuw_formulier(app, opleider)
    opties = [waarde for waarde, *_ in formulier(pagina)["leerbedrijf"].options]
    assert str(leerbedrijf.pk) in opties
    assert str(ander.pk) not in opties

    # A general one is not theirs to add; another company is not on their list.
    antwoord = verzenden(pagina, **gegevens(leerbedrijf=""), status=200)
    assert "leerbedrijf" in antwoord.context["form"].errors
    assert "Dit veld is verplicht" in antwoord.text
    antwoord = verzenden(pagina, **gegevens(leerbedrijf=str(ander.pk)), status=200)
    assert "leerbedrijf" in antwoord.context["form"].errors
    assert not Gedragsvoorbeeld.objects.filter(tekst__startswith="Zet de kratten")

    antwoord = verzenden(
        pagina, **gegevens(leerbedrijf=str(leerbedrijf.pk)), status=302
    )
    assert antwoord["Location"] == LIJST
    assert (
        Gedragsvoorbeeld.objects.get(tekst__startswith="Zet de kratten").leerbedrijf
        == leerbedrijf
    )


def test_opleider_changes_the_own_companys_gedragsvoorbeeld(app, bedrijf_en_opleider):
    leerbedrijf, opleider = bedrijf_en_opleider
    eigen = GedragsvoorbeeldFactory(leerbedrijf=leerbedrijf, tekst="Eigen voorbeeld.")
    url = reverse("verklaringen:gedragsvoorbeeld_update", args=[eigen.pk])
    pagina = app.get(LIJST, user=opleider).click(href=url)
    assert formulier(pagina)["tekst"].value == "Eigen voorbeeld."
    antwoord = verzenden(pagina, tekst="Zet de kratten op de pallet.", status=302)
    assert antwoord["Location"] == LIJST
    eigen.refresh_from_db()
    assert (eigen.tekst, eigen.leerbedrijf) == (
        "Zet de kratten op de pallet.",
        leerbedrijf,
    )


def test_opleider_cannot_change_general_or_other_company_items(
    app, bedrijf_en_opleider
):
    leerbedrijf, opleider = bedrijf_en_opleider
    algemeen = GedragsvoorbeeldFactory(leerbedrijf=None, tekst="Algemeen voorbeeld.")
    van_ander = GedragsvoorbeeldFactory(leerbedrijf=LeerbedrijfFactory())

    url_ander = reverse("verklaringen:gedragsvoorbeeld_update", args=[van_ander.pk])
    app.get(url_ander, user=opleider, status=404)
    url_algemeen = reverse("verklaringen:gedragsvoorbeeld_update", args=[algemeen.pk])
    pagina = app.get(url_algemeen, user=opleider)
    # may not take over a general one
    verzenden(pagina, leerbedrijf=str(leerbedrijf.pk), status=403)
    algemeen.refresh_from_db()
    assert algemeen.leerbedrijf is None
    assert algemeen.tekst == "Algemeen voorbeeld."


def test_list_shows_general_and_own_not_other_companies(client, bedrijf_en_opleider):
    leerbedrijf, opleider = bedrijf_en_opleider
    GedragsvoorbeeldFactory(leerbedrijf=leerbedrijf, tekst="Eigen voorbeeld.")
    GedragsvoorbeeldFactory(leerbedrijf=LeerbedrijfFactory(), tekst="Van een ander.")
    Werkopdracht.objects.create(
        werkproces=werkprocessen()[0],
        leerbedrijf=LeerbedrijfFactory(),
        titel="Geheime opdracht",
        instructie="Niet voor jou.",
    )
    client.force_login(opleider)
    tekst = client.get(reverse("verklaringen:begeleiding")).text
    assert "Eigen voorbeeld." in tekst
    assert "Van een ander." not in tekst
    assert "Geheime opdracht" not in tekst
    assert (
        Gedragsvoorbeeld.objects.filter(leerbedrijf__isnull=True).first().tekst in tekst
    )


def test_werkopdracht_with_empty_instruction_is_refused(app, bedrijf_en_opleider):
    leerbedrijf, opleider = bedrijf_en_opleider
    url = reverse("verklaringen:werkopdracht_create")
    pagina = app.get(LIJST, user=opleider).click(href=url)
    antwoord = verzenden(
        pagina,
        werkproces=str(werkprocessen()[0].pk),
        titel="Kratten stapelen",
        instructie="",
        leerbedrijf=str(leerbedrijf.pk),
        actief=True,
        status=200,
    )
    assert "instructie" in antwoord.context["form"].errors
    assert "Dit veld is verplicht" in antwoord.text
    assert not Werkopdracht.objects.exists()

    antwoord = verzenden(antwoord, instructie="Stapel ze per vijf.", status=302)
    assert Werkopdracht.objects.get().leerbedrijf == leerbedrijf
