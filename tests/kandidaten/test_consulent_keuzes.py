"""The consulent filter's choices kept in the cache per scope: the same answer as
without the cache, asked once per region, and asked again as soon as a medewerker, a
role or an organisation's regions change (once committed)."""

from django.core.cache import cache

import pytest

from kandidaten.consulent_keuzes import consulent_keuzes
from kandidaten.selectors import consulenten_zichtbaar
from organisaties.constants import Rol
from organisaties.models import Medewerker
from organisaties.services import medewerker_rollen_zetten
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.organisaties import (
    OrganisatieFactory,
    medewerker_met_rol,
    regio,
)


@pytest.fixture(autouse=True)
def met_cache(settings):
    settings.CONSULENT_KEUZES_CACHE_SECONDEN = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def wijzigen(django_capture_on_commit_callbacks):
    """A change as a request makes it: the cache hears of it once it is committed."""

    def uitvoeren(functie):
        with django_capture_on_commit_callbacks(execute=True):
            functie()

    return uitvoeren


def _verzoek(gebruiker) -> Medewerker:
    return Medewerker.objects.get(pk=gebruiker.pk)  # a fresh request's user


def _zonder_cache(gebruiker):
    gebruiker = _verzoek(gebruiker)
    return [(m.pk, str(m)) for m in consulenten_zichtbaar(user=gebruiker)]


@pytest.fixture
def regio_met_consulenten(consulent):
    collega = medewerker_met_rol(Rol.CONSULENT, organisatie=consulent.organisatie)
    KandidaatFactory(consulent=consulent)
    KandidaatFactory(consulent=collega)
    return collega


def test_the_second_page_asks_the_region_nothing(
    regio_met_consulenten, coordinator, django_assert_num_queries
):
    eerste = consulent_keuzes(_verzoek(coordinator))
    assert eerste == _zonder_cache(coordinator)
    gebruiker = _verzoek(coordinator)
    gebruiker.rollen, gebruiker.regio_ids  # noqa: B018  (loaded with the request)
    with django_assert_num_queries(1):  # only the candidates linked in person
        assert consulent_keuzes(gebruiker) == eerste


def test_a_new_consulent_is_offered_at_once(
    regio_met_consulenten, coordinator, consulent, wijzigen
):
    consulent_keuzes(_verzoek(coordinator))
    nieuw = []
    wijzigen(
        lambda: nieuw.append(
            medewerker_met_rol(Rol.CONSULENT, organisatie=consulent.organisatie)
        )
    )
    KandidaatFactory(consulent=nieuw[0])
    keuzes = consulent_keuzes(_verzoek(coordinator))
    assert nieuw[0].pk in {pk for pk, _ in keuzes}
    assert keuzes == _zonder_cache(coordinator)


def test_a_new_name_and_a_role_taken_away_count_at_once(
    regio_met_consulenten, coordinator, wijzigen
):
    collega = regio_met_consulenten
    consulent_keuzes(_verzoek(coordinator))

    def hernoemen():
        collega.first_name = "Zwaantje"
        collega.save()

    wijzigen(hernoemen)
    assert (collega.pk, f"Zwaantje {collega.last_name}") in consulent_keuzes(
        _verzoek(coordinator)
    )
    wijzigen(
        lambda: medewerker_rollen_zetten(medewerker=collega, rollen=[Rol.JOBCOACH])
    )
    keuzes = consulent_keuzes(_verzoek(coordinator))
    assert collega.pk not in {pk for pk, _ in keuzes}


def test_an_organisation_leaving_the_region_takes_its_consulenten_along(
    regio_met_consulenten, coordinator, consulent, wijzigen
):
    assert consulent.pk in {pk for pk, _ in consulent_keuzes(_verzoek(coordinator))}
    wijzigen(lambda: consulent.organisatie.regios.set([regio("AM01")]))
    keuzes = consulent_keuzes(_verzoek(coordinator))
    assert consulent.pk not in {pk for pk, _ in keuzes}
    assert keuzes == _zonder_cache(coordinator)


def test_a_login_keeps_the_cache(
    regio_met_consulenten, coordinator, consulent, wijzigen
):
    wijzigen(lambda: consulent.save())  # any other change: a new version
    versie = cache.get("consulent-keuzes:versie")
    assert versie
    wijzigen(lambda: consulent.save(update_fields=["last_login"]))
    assert cache.get("consulent-keuzes:versie") == versie


def test_an_external_jobcoach_gets_the_consulent_of_their_candidate(
    regio_met_consulenten, consulent
):
    """Linked in person to a candidate of another organisation: not among their own
    organisation's consulenten, so the whole answer is asked."""
    extern = medewerker_met_rol(Rol.JOBCOACH, organisatie=OrganisatieFactory())
    buur = medewerker_met_rol(
        Rol.CONSULENT, organisatie=OrganisatieFactory(naam="Gemeente Buurdorp")
    )
    KandidaatFactory(consulent=buur, jobcoach=extern)
    consulent_keuzes(_verzoek(extern))  # the organisation's answer, now cached
    assert consulent_keuzes(_verzoek(extern)) == [(buur.pk, str(buur))]
    assert consulent_keuzes(_verzoek(extern)) == _zonder_cache(extern)


def test_the_caseload_page_offers_the_cached_choices(
    app, regio_met_consulenten, coordinator, consulent
):
    for _ in range(2):  # asked, then from the cache
        pagina = app.get("/kandidaten/", user=coordinator)
        filter_form = next(f for f in pagina.forms.values() if "consulent" in f.fields)
        opties = [w for w, _, _ in filter_form["consulent"].options if w]
        assert opties == [str(pk) for pk, _ in _zonder_cache(coordinator)]
    # A consulent's own caseload (its filter validated against the cached choices).
    pagina = app.get("/kandidaten/", user=consulent)
    assert "Mijn caseload" in pagina.text
