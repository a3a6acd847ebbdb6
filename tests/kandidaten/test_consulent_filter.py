"""The caseload's consulent filter answers from the request's scope (region ids, own
organisation) instead of a subquery over every candidate in scope, and offers the same
consulenten as before for every role."""

import pytest

from kandidaten.models import Kandidaat
from kandidaten.selectors import consulenten_van, consulenten_zichtbaar
from organisaties.constants import Rol
from organisaties.models import Medewerker
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory

ROLLEN = [
    "consulent",
    "jobcoach",
    "mbo_medewerker",
    "praktijkopleider",
    "coordinator",
    "beheerder",
    "superuser",
]


@pytest.fixture
def landschap(consulent, jobcoach, mbo_medewerker, praktijkopleider, coordinator):
    """Candidates of two gemeenten in Twente and one in another region; a candidate
    reached through advice and a traject of an mbo; a praktijkopleider's placement; a
    jobcoach of another organisation linked in person; a colleague with a caseload
    and a former consulent (no role any more) who still holds one candidate."""
    collega = medewerker_met_rol(Rol.CONSULENT, organisatie=consulent.organisatie)
    KandidaatFactory(consulent=consulent)
    KandidaatFactory(consulent=collega, jobcoach=jobcoach)
    buren = OrganisatieFactory(naam="Gemeente Buurdorp")
    buur = medewerker_met_rol(Rol.CONSULENT, organisatie=buren)
    via_mbo = KandidaatFactory(consulent=buur)
    elders = OrganisatieFactory(naam="Gemeente Verweg", regios=[regio("AM01")])
    ver = medewerker_met_rol(Rol.CONSULENT, organisatie=elders)
    KandidaatFactory(consulent=ver, regio=regio("AM01"))
    # The mbo follows the candidate of its traject (and of its advice).
    TrajectFactory(kandidaat=via_mbo, mbo_instelling=mbo_medewerker.organisatie)
    # The praktijkopleider of a placement, and a jobcoach of a re-integration company.
    PlaatsingFactory(
        traject__kandidaat=KandidaatFactory(consulent=ver, regio=regio("AM01")),
        praktijkopleider__account=praktijkopleider,
    )
    extern = medewerker_met_rol(Rol.JOBCOACH, organisatie=OrganisatieFactory())
    KandidaatFactory(consulent=buur, jobcoach=extern)
    return {"extern": extern, "collega": collega, "buur": buur, "ver": ver}


def _gelijk(gebruiker):
    gebruiker = Medewerker.objects.get(pk=gebruiker.pk)  # a fresh request's user
    oud = consulenten_van(Kandidaat.objects.zichtbaar_voor(gebruiker))
    assert list(consulenten_zichtbaar(user=gebruiker)) == list(oud)
    return list(oud)


@pytest.mark.parametrize("rol", ROLLEN)
def test_the_filter_offers_the_consulenten_of_the_old_definition(
    request, landschap, rol
):
    _gelijk(request.getfixturevalue(rol))


def test_the_external_jobcoach_sees_the_consulent_of_their_candidate(landschap):
    assert _gelijk(landschap["extern"]) == [landschap["buur"]]


def test_the_coordinator_sees_the_consulenten_of_their_region_only(
    landschap, coordinator, consulent
):
    keuzes = _gelijk(coordinator)
    assert set(keuzes) == {consulent, landschap["collega"], landschap["buur"]}


def test_the_dropdown_on_the_caseload_page_holds_those_choices(
    app, landschap, coordinator
):
    pagina = app.get("/kandidaten/", user=coordinator)
    filter_form = next(f for f in pagina.forms.values() if "consulent" in f.fields)
    opties = [w for w, _, _ in filter_form["consulent"].options if w]
    verwacht = consulenten_van(Kandidaat.objects.zichtbaar_voor(coordinator))
    assert opties == [str(m.pk) for m in verwacht]


def test_the_filter_reads_no_candidates_for_a_consulent(
    landschap, consulent, django_assert_num_queries
):
    """Resolved from the cached scope: region ids (already on the user) and the own
    organisation, no subquery over the candidates in scope."""
    gebruiker = Medewerker.objects.get(pk=consulent.pk)
    gebruiker.rollen, gebruiker.regio_ids  # noqa: B018  (cached once per request)
    qs = consulenten_zichtbaar(user=gebruiker)
    sql = str(qs.query)
    assert "kandidaten_kandidaat" in sql  # only the personal link ...
    assert "regio_id" not in sql.split("kandidaten_kandidaat", 1)[1]  # ... no scope
    with django_assert_num_queries(1):
        list(qs)
