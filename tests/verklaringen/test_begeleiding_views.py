"""The begeleidingsdocument pages: general gedragsvoorbeelden by the mbo-instelling, a
leerbedrijf's own versions by its praktijkopleider, nobody else's."""

from django.urls import reverse

import pytest

from organisaties.constants import Rol
from tests.factories.leerbedrijven import LeerbedrijfFactory, werkprocessen
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol
from tests.factories.verklaringen import GedragsvoorbeeldFactory
from verklaringen.models import Gedragsvoorbeeld, Werkopdracht

pytestmark = pytest.mark.django_db
NIEUW = reverse("verklaringen:gedragsvoorbeeld_create")


@pytest.fixture
def bedrijf_en_opleider():
    leerbedrijf = LeerbedrijfFactory()
    opleider = medewerker_met_rol(
        Rol.PRAKTIJKOPLEIDER, organisatie=leerbedrijf.organisatie
    )
    return leerbedrijf, opleider


def gegevens(**kwargs):
    return {
        "werkproces": werkprocessen()[0].pk,
        "tekst": "Zet de kratten recht in het rek.",
        "volgorde": 1,
        "actief": "on",
        **kwargs,
    }


def test_mbo_adds_a_general_gedragsvoorbeeld(client):
    mbo = medewerker_met_rol(
        Rol.MBO_MEDEWERKER, organisatie=OrganisatieFactory(mbo=True)
    )
    client.force_login(mbo)
    assert client.post(NIEUW, gegevens()).status_code == 302
    nieuw = Gedragsvoorbeeld.objects.get(tekst="Zet de kratten recht in het rek.")
    assert nieuw.leerbedrijf is None


def test_opleider_adds_a_version_for_the_own_company_only(client, bedrijf_en_opleider):
    leerbedrijf, opleider = bedrijf_en_opleider
    ander = LeerbedrijfFactory()
    client.force_login(opleider)

    # A general one is not theirs to add; another company is not on their list.
    antwoord = client.post(NIEUW, gegevens())
    assert antwoord.status_code == 200
    assert "leerbedrijf" in antwoord.context["form"].errors
    antwoord = client.post(NIEUW, gegevens(leerbedrijf=ander.pk))
    assert "leerbedrijf" in antwoord.context["form"].errors
    assert not Gedragsvoorbeeld.objects.filter(tekst__startswith="Zet de kratten")

    assert client.post(NIEUW, gegevens(leerbedrijf=leerbedrijf.pk)).status_code == 302
    assert (
        Gedragsvoorbeeld.objects.get(tekst__startswith="Zet de kratten").leerbedrijf
        == leerbedrijf
    )


def test_opleider_cannot_change_general_or_other_company_items(
    client, bedrijf_en_opleider
):
    leerbedrijf, opleider = bedrijf_en_opleider
    algemeen = GedragsvoorbeeldFactory(leerbedrijf=None, tekst="Algemeen voorbeeld.")
    van_ander = GedragsvoorbeeldFactory(leerbedrijf=LeerbedrijfFactory())
    client.force_login(opleider)

    url_ander = reverse("verklaringen:gedragsvoorbeeld_update", args=[van_ander.pk])
    assert client.get(url_ander).status_code == 404
    url_algemeen = reverse("verklaringen:gedragsvoorbeeld_update", args=[algemeen.pk])
    antwoord = client.post(url_algemeen, gegevens(leerbedrijf=leerbedrijf.pk))
    assert antwoord.status_code == 403  # may not take over a general one
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


def test_werkopdracht_with_empty_instruction_is_refused(client, bedrijf_en_opleider):
    leerbedrijf, opleider = bedrijf_en_opleider
    client.force_login(opleider)
    antwoord = client.post(
        reverse("verklaringen:werkopdracht_create"),
        {
            "werkproces": werkprocessen()[0].pk,
            "titel": "Kratten stapelen",
            "instructie": "",
            "leerbedrijf": leerbedrijf.pk,
            "actief": "on",
        },
    )
    assert antwoord.status_code == 200
    assert "instructie" in antwoord.context["form"].errors
    assert not Werkopdracht.objects.exists()
