"""The caseload for 80 candidates: sortable columns (links in the headers, aria-sort),
pages with a count, the current traject's status and leerbedrijf, constant queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from kandidaten.constants import Fase
from organisaties.constants import Rol
from tests.factories.kandidaten import ContactmomentFactory, KandidaatFactory
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory

pytestmark = pytest.mark.django_db
URL = reverse("kandidaten:kandidaat_list")


def dag(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def namen(pagina) -> list[str]:
    return [
        rij.find("td").get_text(strip=True).split()[-1]
        for rij in pagina.html.select("tbody tr")
        if rij.select_one("td.caseload-signalen")
    ]


def kop(pagina, label):
    """The header cell whose sort link reads `label`."""
    for th in pagina.html.select("thead th"):
        if th.get_text(strip=True).rstrip("▲▼ ") == label:
            return th
    raise AssertionError(f"geen kop {label}")


def sorteer(pagina, label):
    """Follow the sort link in the header, as a click or Enter on it does."""
    return pagina.click(href=kop(pagina, label).a["href"].replace("?", r"\?"))


@pytest.fixture
def vier(consulent):
    """Four candidates whose order differs per column."""
    a = KandidaatFactory(consulent=consulent, achternaam="Aksoy", fase=Fase.LOPEND)
    b = KandidaatFactory(consulent=consulent, achternaam="Bakker", fase=Fase.ADVIES)
    c = KandidaatFactory(consulent=consulent, achternaam="Claes", fase=Fase.AANGEMELD)
    d = KandidaatFactory(consulent=consulent, achternaam="Dijk", fase=Fase.GEPLAATST)
    ContactmomentFactory(
        kandidaat=a, datum=dag(-3), volgende_actie="Bellen", volgende_actie_op=dag(5)
    )
    ContactmomentFactory(
        kandidaat=c, datum=dag(-10), volgende_actie="Mailen", volgende_actie_op=dag(-2)
    )  # late: the most urgent
    ContactmomentFactory(kandidaat=d, datum=dag(-1))
    return a, b, c, d


def test_the_caseload_starts_sorted_by_name(app, consulent, vier):
    pagina = app.get(URL, user=consulent)
    assert namen(pagina) == ["Aksoy", "Bakker", "Claes", "Dijk"]
    assert kop(pagina, "Naam")["aria-sort"] == "ascending"
    assert [th.get("aria-sort") for th in pagina.html.select("thead th")].count(
        None
    ) == 7  # only the sorted column says how it is sorted


@pytest.mark.parametrize(
    ("label", "eerst", "daarna"),
    [
        (
            "Fase",
            ["Claes", "Bakker", "Dijk", "Aksoy"],
            ["Aksoy", "Dijk", "Bakker", "Claes"],
        ),
        # Nothing recorded comes last both ways.
        (
            "Laatste contact",
            ["Claes", "Aksoy", "Dijk", "Bakker"],
            ["Dijk", "Aksoy", "Claes", "Bakker"],
        ),
        (
            "Volgende actie",
            ["Claes", "Aksoy", "Bakker", "Dijk"],
            ["Aksoy", "Claes", "Bakker", "Dijk"],
        ),
    ],
)
def test_a_header_sorts_and_a_second_click_turns_the_order(
    app, consulent, vier, label, eerst, daarna
):
    pagina = sorteer(app.get(URL, user=consulent), label)
    assert namen(pagina) == eerst
    assert kop(pagina, label)["aria-sort"] == "ascending"
    assert not kop(pagina, "Naam").get("aria-sort")

    pagina = sorteer(pagina, label)
    assert namen(pagina) == daarna
    assert kop(pagina, label)["aria-sort"] == "descending"


def test_signals_sort_the_most_urgent_first(app, consulent, vier):
    pagina = sorteer(app.get(URL, user=consulent), "Signalen")
    # Late action (Claes), then the open advice (Bakker), then by next action date.
    assert namen(pagina) == ["Claes", "Bakker", "Aksoy", "Dijk"]
    assert kop(pagina, "Signalen")["aria-sort"] == "descending"


@pytest.mark.parametrize("sort", ["bestaat-niet", "-", "--naam", "achternaam"])
def test_a_bad_sort_value_gives_the_default_order(app, consulent, vier, sort):
    pagina = app.get(URL, {"sort": sort}, user=consulent)
    assert namen(pagina) == ["Aksoy", "Bakker", "Claes", "Dijk"]
    assert kop(pagina, "Naam")["aria-sort"] == "ascending"


def test_sorting_keeps_the_filter_and_filtering_keeps_the_sort(app, consulent, vier):
    pagina = app.get(URL, {"fase": Fase.LOPEND}, user=consulent)
    pagina = sorteer(pagina, "Fase")
    assert pagina.request.GET["fase"] == Fase.LOPEND
    assert namen(pagina) == ["Aksoy"]

    formulier = next(f for f in pagina.forms.values() if f.method.lower() == "get")
    formulier["fase"] = ""
    pagina = formulier.submit()
    assert pagina.request.GET["sort"] == "fase"
    assert namen(pagina) == ["Claes", "Bakker", "Dijk", "Aksoy"]


def test_pages_of_50_with_the_total_count(app, consulent):
    KandidaatFactory.create_batch(53, consulent=consulent)
    pagina = app.get(URL, user=consulent)
    assert "53 kandidaten gevonden, 1 tot en met 50 op deze pagina" in pagina.text
    assert len(namen(pagina)) == 50

    pagina = pagina.click(href="page=2")
    assert len(namen(pagina)) == 3
    assert "Pagina 2 van 2" in pagina.text


def test_the_sort_stays_on_the_next_page(app, consulent):
    for i in range(52):
        KandidaatFactory(consulent=consulent, achternaam=f"Naam{i:02d}")
    pagina = sorteer(app.get(URL, user=consulent), "Naam")  # now descending
    pagina = pagina.click(href="page=2")
    assert namen(pagina) == ["Naam01", "Naam00"]


@pytest.mark.parametrize(
    ("page", "getoond"), [("abc", 1), ("0", 2), ("-1", 2), ("99", 2), ("2", 2)]
)
def test_a_bad_page_number_shows_the_first_or_last_page(app, consulent, page, getoond):
    # Django's Paginator.get_page: no number -> page 1, out of range -> the last.
    KandidaatFactory.create_batch(51, consulent=consulent)
    pagina = app.get(URL, {"page": page}, user=consulent)
    assert f"Pagina {getoond} van 2" in pagina.text


def test_columns_show_the_current_trajects_status_and_leerbedrijf(app, consulent):
    met = KandidaatFactory(consulent=consulent, achternaam="Met", fase=Fase.LOPEND)
    TrajectFactory(kandidaat=met, uitgevallen=True, startdatum=dag(-400))
    nieuw = TrajectFactory(kandidaat=met, lopend=True, startdatum=dag(-30))
    PlaatsingFactory(traject=nieuw, leerbedrijf__organisatie__naam="Bakkerij Jansen")
    KandidaatFactory(consulent=consulent, achternaam="Zonder")

    pagina = app.get(URL, user=consulent)
    rijen = {
        r.find("td").get_text(strip=True).split()[-1]: (
            r.select_one(".caseload-traject").get_text(strip=True),
            r.select_one(".caseload-leerbedrijf").get_text(strip=True),
        )
        for r in pagina.html.select("tbody tr")
    }
    assert rijen == {"Met": ("Lopend", "Bakkerij Jansen"), "Zonder": ("—", "—")}
    assert "Traject" in [th.get_text(strip=True) for th in pagina.html.select("th")]
    # The export fills the same columns (for all rows, not one page).
    export = app.get(URL, {"export": "csv"}, user=consulent)
    cellen = {
        regel.split(";")[1]: regel.split(";")[6:8]
        for regel in export.text.splitlines()[1:]
    }
    assert cellen == {"Met": ["Lopend", "Bakkerij Jansen"], "Zonder": ["", ""]}


def test_another_regions_candidate_is_not_in_the_caseload(app, consulent):
    KandidaatFactory(consulent=consulent, achternaam="Eigen")
    elders = medewerker_met_rol(
        Rol.CONSULENT, organisatie=OrganisatieFactory(regios=[regio("AM01")])
    )
    KandidaatFactory(consulent=elders, regio=regio("AM01"), achternaam="Elders")
    pagina = app.get(URL, {"consulent": ""}, user=consulent)
    assert namen(pagina) == ["Eigen"]


def _rijen(consulent, aantal, mbo):
    for i in range(aantal):
        k = KandidaatFactory(consulent=consulent, fase=Fase.LOPEND)
        ContactmomentFactory(
            kandidaat=k, volgende_actie="Bellen", volgende_actie_op=dag(i % 5 - 2)
        )
        PlaatsingFactory(
            traject=TrajectFactory(kandidaat=k, lopend=True, mbo_instelling=mbo)
        )


@pytest.mark.parametrize("sort", ["naam", "-urgentie", "fase"])
def test_query_count_is_the_same_for_3_and_80_rows(
    client, consulent, django_assert_num_queries, sort
):
    client.force_login(consulent)
    mbo = OrganisatieFactory(mbo=True)
    _rijen(consulent, 3, mbo)
    client.get(URL, {"sort": sort})  # warm: what is looked up once per process
    with CaptureQueriesContext(connection) as drie:
        assert len(client.get(URL, {"sort": sort}).context["object_list"]) == 3
    _rijen(consulent, 77, mbo)
    with django_assert_num_queries(len(drie)):
        response = client.get(URL, {"sort": sort, "page": 2})
    assert len(response.context["object_list"]) == 30


def test_the_traject_columns_show_only_a_traject_the_user_may_see(app, consulent):
    # A jobcoach of another organisation coaches the candidate (so sees it) but is
    # not on its traject: the caseload shows no traject, and no leerbedrijf, to him.
    coach = medewerker_met_rol(Rol.JOBCOACH, organisatie=OrganisatieFactory())
    k = KandidaatFactory(consulent=consulent, jobcoach=coach, achternaam="Gecoacht")
    PlaatsingFactory(
        traject=TrajectFactory(kandidaat=k, lopend=True),
        leerbedrijf__organisatie__naam="Geheim BV",
    )

    pagina = app.get(URL, user=coach)
    assert namen(pagina) == ["Gecoacht"]
    assert pagina.html.select_one(".caseload-traject").get_text(strip=True) == "—"
    assert "Geheim BV" not in pagina.text

    pagina = app.get(URL, user=consulent)
    assert pagina.html.select_one(".caseload-traject").get_text(strip=True) == "Lopend"
    assert "Geheim BV" in pagina.text
