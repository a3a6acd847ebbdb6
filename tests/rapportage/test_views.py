import csv
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from openpyxl import load_workbook

from organisaties.constants import Rol
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory
from tests.rapportage.conftest import tabel_tekst
from tests.rapportage.gegevens import gegevens_maken

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("rapportage:dashboard")
VERGELIJKING = reverse("rapportage:vergelijking")


def tabel(response, sleutel):
    for sectie in response.context["secties"]:
        for t in sectie.tabellen:
            if t.sleutel == sleutel:
                return tabel_tekst(t)
    raise AssertionError(sleutel)


def aangemeld(response) -> str:
    return tabel(response, "trechter")["Aangemeld"][0]


def test_urls_are_fixed():
    assert DASHBOARD == "/rapportage/dashboard/"
    assert VERGELIJKING == "/rapportage/vergelijking/"


# --- scoping -------------------------------------------------------------------------


def test_coordinator_sees_the_whole_region_and_no_names(client, coordinator, gegevens):
    client.force_login(coordinator)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert aangemeld(response) == "14"
    html = response.content.decode()
    assert "Alle kandidaten in jouw regio: Twente." in html
    assert "Geheim" not in html
    assert "Persoon" not in html
    assert "2024 kwartaal 1" in html


def test_consulent_sees_only_their_own_caseload(client, consulent, gegevens):
    client.force_login(consulent)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert tabel(response, "trechter") == {
        "Aangemeld": ["8", "100%"],
        "Advies gekregen": ["6", "75%"],
        "Geplaatst na een advies": ["verborgen", "—"],
        "Zonder advies gestart": ["<5", "—"],
        "Traject is echt begonnen": ["<5", "—"],
        "Praktijkverklaring gekregen": ["<5", "—"],
        "Werk na 6 maanden": ["<5", "—"],
        "Werk na 12 maanden": ["<5", "—"],
    }
    assert "Jouw caseload" in response.content.decode()


def test_a_consulent_of_the_same_organisation_does_not_see_a_colleagues_caseload(
    client, gemeente, gegevens
):
    collega = medewerker_met_rol(Rol.CONSULENT, organisatie=gemeente)
    client.force_login(collega)
    assert aangemeld(client.get(DASHBOARD)) == "<5"


def test_jobcoach_sees_the_candidates_they_coach(client, jobcoach, gegevens):
    client.force_login(jobcoach)
    assert aangemeld(client.get(DASHBOARD)) == "5"  # G1-G5


def test_coordinator_of_another_region_sees_none_of_twente(client, gegevens):
    elders = medewerker_met_rol(
        Rol.REGIOCOORDINATOR, organisatie=OrganisatieFactory(regios=[regio("AM01")])
    )
    client.force_login(elders)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert aangemeld(response) == "<5"  # only X1
    assert set(tabel(response, "resultaten_verwijzer")) == {"Gemeente Elders", "Totaal"}
    # Twente's organisations are no choice: their id is refused, not counted.
    response = client.get(DASHBOARD, {"organisatie": gegevens.gemeente.pk})
    assert response.context["secties_html"] is None
    assert "Deze organisatie staat niet in de lijst" in response.content.decode()


@pytest.mark.parametrize("rol", ["praktijkopleider", "mbo_medewerker", "beheerder"])
def test_other_roles_may_not_use_the_dashboard(client, request, rol):
    client.force_login(request.getfixturevalue(rol))
    assert client.get(DASHBOARD).status_code == 403
    assert (
        client.get(DASHBOARD, {"export": "csv", "tabel": "trechter"}).status_code == 403
    )


@pytest.mark.parametrize(
    "rol",
    ["consulent", "jobcoach", "coordinator", "praktijkopleider", "mbo_medewerker"],
)
def test_only_beheerders_compare_regions(client, request, rol):
    client.force_login(request.getfixturevalue(rol))
    assert client.get(VERGELIJKING).status_code == 403


def test_anonymous_users_go_to_the_login_page(client):
    assert client.get(DASHBOARD).status_code == 302


def test_beheerder_compares_their_own_regions_only(client, beheerder, gegevens):
    client.force_login(beheerder)
    response = client.get(VERGELIJKING)
    assert response.status_code == 200
    assert tabel(response, "regios") == {
        "Twente": ["14", "10", "8", "6", "<5", "<5", "<5", "<5"],
        "Totaal": ["14", "10", "8", "6", "<5", "<5", "<5", "<5"],
    }
    assert tabel(response, "regios_doorlooptijden")["Twente"] == [
        "55",
        "40",
        "te weinig",
    ]
    html = response.content.decode()
    assert "Geheim" not in html
    assert "Groningen" not in html


def test_superuser_compares_every_region_with_organisations(
    client, superuser, gegevens
):
    client.force_login(superuser)
    response = client.get(VERGELIJKING)
    assert set(tabel(response, "regios")) == {"Groningen", "Twente", "Totaal"}
    assert aangemeld(client.get(DASHBOARD)) == "15"


# --- bad filters -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "veld", "melding"),
    [
        ({"van": "2024-05-01", "tot": "2024-01-01"}, "tot", "ligt vóór 'Intake vanaf'"),
        ({"van": "2024-02-31"}, "van", "Vul een echte datum in"),
        ({"van": "morgen"}, "van", "Vul een echte datum in"),
        ({"tot": "\x00"}, "tot", "Vul een echte datum in"),
        ({"tot": "99999-01-01"}, "tot", "Vul een echte datum in"),
        ({"organisatie": "abc"}, "organisatie", "staat niet in de lijst"),
        ({"organisatie": "999999"}, "organisatie", "staat niet in de lijst"),
        ({"organisatie": "9" * 30}, "organisatie", "staat niet in de lijst"),
        ({"organisatie": "-1"}, "organisatie", "staat niet in de lijst"),
        ({"kwalificatie": "1; DROP TABLE"}, "kwalificatie", "staat niet in de lijst"),
        ({"kwalificatie": "9" * 30}, "kwalificatie", "staat niet in de lijst"),
    ],
)
def test_bad_filters_give_a_dutch_message_next_to_the_field_and_no_figures(
    client, coordinator, gegevens, query, veld, melding
):
    client.force_login(coordinator)
    response = client.get(DASHBOARD, query)
    assert response.status_code == 200
    assert response.context["secties_html"] is None
    assert melding in " ".join(response.context["form"].errors[veld])
    html = response.content.decode()
    assert f'id="id_{veld}_error"' in html
    assert "Zolang het filter niet klopt, tonen we geen cijfers." in html
    assert "Tabel:" not in html


def test_garbage_query_strings_never_break_the_page(client, coordinator, gegevens):
    client.force_login(coordinator)
    for query in [
        "?van[]=1&tot=2024-01-01&tot=zzz",
        "?%ff%fe=1&van=%c0%ae",
        "?organisatie=&kwalificatie=&van=&tot=",
        "?export=pdf&tabel=trechter",
        "?export=&tabel=",
        "?onbekend=1",
    ]:
        response = client.get(DASHBOARD + query)
        assert response.status_code == 200, query
        assert response["Content-Type"].startswith("text/html"), query


def test_an_export_with_a_bad_filter_shows_the_page_with_the_message(
    client, coordinator, gegevens
):
    client.force_login(coordinator)
    response = client.get(
        DASHBOARD, {"export": "csv", "tabel": "trechter", "van": "2024-13-01"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Vul een echte datum in" in response.content.decode()


def test_an_unknown_table_is_not_found(client, coordinator, gegevens):
    client.force_login(coordinator)
    response = client.get(DASHBOARD, {"export": "csv", "tabel": "kandidaten"})
    assert response.status_code == 404


def test_a_valid_filter_narrows_the_figures(client, coordinator, gegevens):
    client.force_login(coordinator)
    response = client.get(
        DASHBOARD,
        {"van": "2024-01-01", "tot": "2024-03-31", "organisatie": gegevens.gemeente.pk},
    )
    assert aangemeld(response) == "<5"  # G1-G3
    response = client.get(DASHBOARD, {"organisatie": gegevens.uwv.pk})
    assert aangemeld(response) == "6"


# --- exports ---------------------------------------------------------------------------


def test_csv_export_carries_the_suppressed_figures(client, coordinator, gegevens):
    client.force_login(coordinator)
    response = client.get(DASHBOARD, {"export": "csv", "tabel": "instroom_bron"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="dashboard-instroom_bron-' in response["Content-Disposition"]
    rijen = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    assert rijen[0] == ["Aangemeld door", "Personen"]
    assert ["Gemeente", "8"] in rijen
    assert ["UWV", "verborgen"] in rijen
    assert ["Onderwijs", "<5"] in rijen
    assert rijen[-1] == ["Totaal", "14"]
    assert "6" not in [r[1] for r in rijen]  # UWV's real figure never leaves


def test_csv_export_applies_the_filter(client, coordinator, gegevens):
    client.force_login(coordinator)
    response = client.get(
        DASHBOARD,
        {"export": "csv", "tabel": "trechter", "organisatie": gegevens.uwv.pk},
    )
    rijen = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    assert rijen[1] == ["Aangemeld", "6", "100%"]


def test_xlsx_export_carries_the_suppressed_figures(client, coordinator, gegevens):
    client.force_login(coordinator)
    response = client.get(DASHBOARD, {"export": "xlsx", "tabel": "trend"})
    assert response.status_code == 200
    blad = load_workbook(io.BytesIO(response.content)).active
    rijen = [[c.value for c in rij] for rij in blad.iter_rows()]
    assert rijen[0] == [
        "Kwartaal",
        "Instroom",
        "Gestart met een traject",
        "Praktijkverklaring",
    ]
    assert rijen[1] == ["2024 kwartaal 1", 6, "<5", "<5"]
    assert rijen[2] == ["2024 kwartaal 2", "<5", "verborgen", "<5"]
    assert rijen[-1][1:] == [14, 8, "<5"]


def test_vergelijking_exports_csv(client, beheerder, gegevens):
    client.force_login(beheerder)
    response = client.get(VERGELIJKING, {"export": "csv", "tabel": "regios"})
    tekst = response.content.decode("utf-8-sig")
    assert tekst.splitlines()[1] == "Twente;14;10;8;6;<5;<5;<5;<5"


def test_every_table_on_the_page_exports(client, coordinator, gegevens):
    client.force_login(coordinator)
    response = client.get(DASHBOARD)
    sleutels = [t.sleutel for s in response.context["secties"] for t in s.tabellen]
    assert len(sleutels) == 15
    for sleutel in sleutels:
        for formaat in ("csv", "xlsx"):
            export = client.get(DASHBOARD, {"export": formaat, "tabel": sleutel})
            assert export.status_code == 200, (sleutel, formaat)
            assert f"dashboard-{sleutel}-" in export["Content-Disposition"]
        assert f"export=csv&amp;tabel={sleutel}" in response.content.decode()


# --- charts and accessibility markup ---------------------------------------------------


def test_each_chart_has_a_title_and_a_table_with_caption_and_scopes(
    client, coordinator, gegevens
):
    client.force_login(coordinator)
    html = client.get(DASHBOARD).content.decode()
    assert html.count('<svg viewBox="0 0 600') == html.count('role="img"') >= 10
    assert html.count("<caption>") == 15
    assert 'th scope="col"' in html
    assert 'th scope="row"' in html
    assert "<script" not in html.split('<main id="inhoud"')[1].split("</main>")[0]
    assert " style=" not in html


# --- query count -------------------------------------------------------------------------


def meer_gegevens(consulent, n):
    """`n` extra candidates, each with a placed traject."""
    for _ in range(n):
        traject = TrajectFactory(
            kandidaat=KandidaatFactory(consulent=consulent), lopend=True
        )
        PlaatsingFactory(traject=traject)


@pytest.mark.parametrize("gebruiker", ["coordinator", "consulent"])
def test_the_number_of_queries_does_not_grow_with_the_data(
    client, request, consulent, jobcoach, gebruiker, django_assert_num_queries
):
    client.force_login(request.getfixturevalue(gebruiker))
    meer_gegevens(consulent, 1)
    client.get(DASHBOARD)  # warm up the session and caches
    with CaptureQueriesContext(connection) as weinig:
        client.get(DASHBOARD)
    gegevens_maken(consulent=consulent, jobcoach=jobcoach)
    meer_gegevens(consulent, 6)
    with django_assert_num_queries(len(weinig.captured_queries)):
        response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert len(weinig.captured_queries) <= 30


def test_vergelijking_query_count_is_constant(
    client, superuser, consulent, jobcoach, django_assert_num_queries
):
    client.force_login(superuser)
    meer_gegevens(consulent, 1)
    client.get(VERGELIJKING)
    with CaptureQueriesContext(connection) as weinig:
        client.get(VERGELIJKING)
    gegevens_maken(consulent=consulent, jobcoach=jobcoach)
    meer_gegevens(consulent, 6)
    with django_assert_num_queries(len(weinig.captured_queries)):
        client.get(VERGELIJKING)
    assert len(weinig.captured_queries) <= 16
