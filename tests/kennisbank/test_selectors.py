import pytest

from kennisbank.constants import Soort
from kennisbank.selectors import (
    item_bewerkbaar_list,
    item_list,
    item_zoeken,
    items_voor,
)
from tests.factories.kennisbank import ItemFactory
from tests.factories.organisaties import (
    OrganisatieFactory,
    Rol,
    medewerker_met_rol,
    regio,
)

pytestmark = pytest.mark.django_db


def test_national_items_are_visible_to_every_role(
    consulent, jobcoach, praktijkopleider, mbo_medewerker, coordinator, beheerder
):
    landelijk = ItemFactory()
    for user in (
        consulent,
        jobcoach,
        praktijkopleider,
        mbo_medewerker,
        coordinator,
        beheerder,
    ):
        assert list(item_list(user=user)) == [landelijk]


def test_regional_items_only_in_their_region(consulent):
    hier = ItemFactory(regionaal=True)
    elders = ItemFactory(regio=regio("AM01"))
    daar = medewerker_met_rol(
        Rol.CONSULENT, organisatie=OrganisatieFactory(regios=[regio("AM01")])
    )
    assert list(item_list(user=consulent)) == [hier]
    assert list(item_list(user=daar)) == [elders]


def test_superuser_sees_all(superuser):
    ItemFactory()
    ItemFactory(regio=regio("AM01"))
    assert item_list(user=superuser).count() == 2


def test_editors_change_their_region_and_only_beheerders_national(
    coordinator, beheerder, consulent
):
    landelijk = ItemFactory()
    hier = ItemFactory(regionaal=True)
    ItemFactory(regio=regio("AM01"))
    assert set(item_bewerkbaar_list(user=coordinator)) == {hier}
    assert set(item_bewerkbaar_list(user=beheerder)) == {hier, landelijk}
    assert not item_bewerkbaar_list(user=consulent).exists()


def test_dutch_search_finds_an_inflected_form(consulent):
    """The Dutch snowball stemmer reduces "regelingen" and "regeling" to "regel"."""
    item = ItemFactory(
        titel="Geld voor leerbedrijven", body="<p>Deze regeling betaalt.</p>"
    )
    ItemFactory(titel="Iets anders", body="<p>Over werkfit.</p>")
    assert list(item_zoeken(item_list(user=consulent), "regelingen")) == [item]


def test_dutch_search_does_not_split_compounds(consulent):
    """Documents a real limit: "verklaringen" does not find "praktijkverklaring"."""
    ItemFactory(titel="De praktijkverklaring")
    assert not item_zoeken(item_list(user=consulent), "verklaringen").exists()
    assert item_zoeken(item_list(user=consulent), "praktijkverklaringen").exists()


def test_search_ranks_a_title_hit_above_a_body_hit(consulent):
    in_tekst = ItemFactory(titel="Aaa eerst op naam", body="<p>Over de leerbaan.</p>")
    in_titel = ItemFactory(titel="Zzz de leerbaan", body="<p>Niets.</p>")
    in_samenvatting = ItemFactory(titel="Mmm", samenvatting="Een leerbaan zoeken.")
    resultaat = list(item_zoeken(item_list(user=consulent), "leerbaan"))
    assert resultaat == [in_titel, in_samenvatting, in_tekst]


def test_search_uses_websearch_syntax(consulent):
    beide = ItemFactory(titel="Horeca en werkfit")
    ItemFactory(titel="Alleen horeca")
    zoek = item_list(user=consulent)
    assert list(item_zoeken(zoek, "horeca -alleen")) == [beide]
    assert item_zoeken(zoek, '"horeca en werkfit"').count() == 1


def test_search_leaves_other_regions_out(consulent):
    ItemFactory(titel="Regeling elders", regio=regio("AM01"))
    assert not item_zoeken(item_list(user=consulent), "regeling").exists()


def test_items_voor_filters_kind_and_prefers_the_sector(consulent):
    algemeen = ItemFactory(soort=Soort.PRAKTIJKVOORBEELD, titel="A algemeen")
    horeca = ItemFactory(
        soort=Soort.PRAKTIJKVOORBEELD, titel="B horeca", sector="horeca"
    )
    ItemFactory(soort=Soort.PRAKTIJKVOORBEELD, sector="groen")
    ItemFactory(soort=Soort.VRAAG)
    ItemFactory(soort=Soort.PRAKTIJKVOORBEELD, regio=regio("AM01"), sector="horeca")
    assert items_voor(user=consulent, soort="praktijkvoorbeeld", sector="horeca") == [
        horeca,
        algemeen,
    ]
    assert len(items_voor(user=consulent, limit=2)) == 2
