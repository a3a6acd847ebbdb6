"""The consulent's "Vandaag" block on the home page: one line per kind of work with
a count and a link to where it is done, only her own work in her scope, a friendly
sentence when nothing waits, and a query count that does not grow."""

import datetime
import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils import timezone

import pytest

from kandidaten.constants import Fase
from kandidaten.models import Kandidaat
from meldingen.models import Herinnering
from organisaties.constants import Rol
from tests.factories.kandidaten import ContactmomentFactory, KandidaatFactory
from tests.factories.leerbedrijven import (
    ContactmomentFactory as LeerbedrijfContactFactory,
)
from tests.factories.leerbedrijven import LeerbedrijfFactory
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.factories.trajecten import TrajectFactory
from tests.factories.uitkomsten import VervolgmetingFactory, afgelopen_traject
from tests.factories.verklaringen import ObservatieFactory
from tests.trajecten.test_herinneringen import versie
from trajecten.constants import Partij

pytestmark = pytest.mark.django_db
HOME = reverse("home")
_nummer = itertools.count()


def dag(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def kandidaat(consulent, naam, **kw):
    return KandidaatFactory(
        consulent=consulent,
        regio=consulent.organisatie.regios.first(),
        achternaam=naam,
        **kw,
    )


def maak(consulent, mbo, n=1, naam="Eigen"):
    """`n` of every kind of work for `consulent`; every candidate is called
    `<naam><kind><i>` so a test can see which lines show whom."""
    for _ in range(n):
        i = next(_nummer)
        # A planned action two days late.
        k = kandidaat(consulent, f"{naam}Actie{i}", fase=Fase.AANGEMELD)
        ContactmomentFactory(
            kandidaat=k,
            datum=dag(-5),
            volgende_actie="Bellen",
            volgende_actie_op=dag(-2),
        )
        # No contact since the intake 40 days ago.
        k = kandidaat(consulent, f"{naam}Stil{i}", toestemming_op=dag(-40))
        Kandidaat.objects.filter(pk=k.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=40)
        )
        # An employer action due yesterday.
        LeerbedrijfContactFactory(
            leerbedrijf=LeerbedrijfFactory(
                organisatie__naam=f"{naam}Bedrijf{i}",
                regio=consulent.organisatie.regios.first(),
            ),
            door=consulent,
            volgende_actie="Offerte sturen",
            volgende_actie_op=dag(-1),
        )
        # An agreement the leerbedrijf has not signed.
        traject = TrajectFactory(
            kandidaat=kandidaat(consulent, f"{naam}Teken{i}"),
            plaatsing_voorbereid=True,
            mbo_instelling=mbo,
        )
        versie(traject, getekend=[Partij.KANDIDAAT, Partij.VERWIJZER])
        # Lopend 30 days with its last observation 25 days ago (rule: 21 days).
        traject = TrajectFactory(
            kandidaat=kandidaat(consulent, f"{naam}Obs{i}"),
            lopend=True,
            startdatum=dag(-30),
            mbo_instelling=mbo,
        )
        ObservatieFactory(traject=traject, datum=dag(-25))
        # A follow-up due, and a traject that ended without an outcome.
        VervolgmetingFactory(
            te_laat=True,
            traject__kandidaat=kandidaat(consulent, f"{naam}Meting{i}"),
            traject__mbo_instelling=mbo,
        )
        afgelopen_traject(
            einde=dag(-3),
            kandidaat=kandidaat(consulent, f"{naam}Einde{i}"),
            mbo_instelling=mbo,
        )


@pytest.fixture
def mbo(db):
    return OrganisatieFactory(mbo=True)


def blok(pagina):
    return pagina.html.find(id="kop-vandaag").find_parent("section")


def regel(pagina, code):
    kop = pagina.html.find(id=f"kop-{code}")
    return kop.find_parent("section") if kop else None


def aantal(pagina, code) -> int:
    return int(regel(pagina, code).find(class_="badge").get_text(strip=True))


def test_vandaag_lists_every_kind_with_a_count_and_a_link(app, consulent, mbo):
    maak(consulent, mbo, n=2)
    pagina = app.get(HOME, user=consulent)
    tekst = blok(pagina).get_text(" ", strip=True)

    for code in [
        "actie-te-laat",
        "geen-contact",
        "leerbedrijf-acties",
        "handtekeningen",
        "geen-observatie",
        "te-meten",
        "zonder-uitkomst",
    ]:
        assert aantal(pagina, code) == 2, code
        assert regel(pagina, code).find("a")["href"], code
    assert "Kandidaten zonder contact in 30 dagen" in tekst
    assert "Trajecten zonder observatie in 21 dagen" in tekst
    assert "nog niet getekend door Leerbedrijf" in tekst
    assert "EigenBedrijf" in regel(pagina, "leerbedrijf-acties").text
    assert "EigenObs" in regel(pagina, "geen-observatie").text
    assert "EigenTeken" in regel(pagina, "handtekeningen").text
    assert "Er wacht vandaag niets" not in tekst
    # "Vandaag" comes before the menu.
    assert pagina.text.index("Vandaag") < pagina.text.index("Wat wil je doen?")


def test_the_candidate_lines_open_the_caseload_filtered_on_that_signal(
    app, consulent, mbo
):
    maak(consulent, mbo)
    pagina = app.get(HOME, user=consulent)

    lijst = pagina.click(
        href=regel(pagina, "actie-te-laat").a["href"].replace("?", r"\?")
    )
    namen = [r.find("a").get_text(strip=True) for r in lijst.html.select("tbody tr")]
    assert len(namen) == 1
    assert "EigenActie" in namen[0]

    lijst = pagina.click(
        href=regel(pagina, "geen-contact").a["href"].replace("?", r"\?")
    )
    namen = [r.find("a").get_text(strip=True) for r in lijst.html.select("tbody tr")]
    assert len(namen) == 1
    assert "EigenStil" in namen[0]


def test_the_item_links_open_the_page_where_the_work_is_done(app, consulent, mbo):
    maak(consulent, mbo)
    pagina = app.get(HOME, user=consulent)
    for code, url_naam in [
        ("geen-observatie", "verklaringen:observatie"),
        ("handtekeningen", "trajecten:traject_detail"),
        ("te-meten", "uitkomsten:vervolgmeting_vastleggen"),
        ("zonder-uitkomst", "uitkomsten:uitkomst_vastleggen"),
        ("leerbedrijf-acties", "leerbedrijven:leerbedrijf_detail"),
    ]:
        link = regel(pagina, code).find("li").a
        assert resolve(link["href"]).view_name == url_naam, code
        doel = app.get(link["href"], user=consulent)
        naam = link.get_text(strip=True).split(":")[0]
        assert naam in doel.html.find("main").get_text(), code


def test_nothing_to_do_gives_a_friendly_sentence(app, consulent):
    kandidaat(consulent, "Rustig")  # taken in today: nothing waits yet
    pagina = app.get(HOME, user=consulent)
    assert "Er wacht vandaag niets op je." in blok(pagina).text
    assert not blok(pagina).find("h3")


def test_the_observation_period_is_the_reminder_rules_setting(app, consulent, mbo):
    maak(consulent, mbo)  # last observation 25 days ago
    Herinnering.objects.filter(code="geen_observatie").update(dagen=28)
    pagina = app.get(HOME, user=consulent)
    assert regel(pagina, "geen-observatie") is None

    Herinnering.objects.filter(code="geen_observatie").update(dagen=25)
    pagina = app.get(HOME, user=consulent)
    assert "in 25 dagen" in regel(pagina, "geen-observatie").text


def test_another_regions_work_and_a_colleagues_never_show(
    app, consulent, gemeente, mbo
):
    elders = medewerker_met_rol(
        Rol.CONSULENT, organisatie=OrganisatieFactory(regios=[regio("AM01")])
    )
    maak(elders, mbo, naam="Elders")
    maak(medewerker_met_rol(Rol.CONSULENT, organisatie=gemeente), mbo, naam="Collega")
    pagina = app.get(HOME, user=consulent)
    assert "Er wacht vandaag niets op je." in blok(pagina).text
    assert "Elders" not in pagina.text
    assert "Collega" not in pagina.text

    # And the other region's consulent sees her own, not ours.
    pagina = app.get(HOME, user=elders)
    assert aantal(pagina, "actie-te-laat") == 1
    assert "Collega" not in pagina.text


def test_other_roles_see_only_their_employer_actions(app, coordinator, consulent, mbo):
    maak(consulent, mbo)
    pagina = app.get(HOME, user=coordinator)
    assert pagina.html.find(id="kop-vandaag") is None

    LeerbedrijfContactFactory(
        door=coordinator, volgende_actie="Langsgaan", volgende_actie_op=dag(0)
    )
    pagina = app.get(HOME, user=coordinator)
    assert [s.get("id") for s in blok(pagina).find_all("h3")] == [
        "kop-leerbedrijf-acties"
    ]


def test_query_count_is_the_same_for_1_and_10_of_each_kind(client, consulent, mbo):
    client.force_login(consulent)
    maak(consulent, mbo, n=1)
    client.get(HOME)
    with CaptureQueriesContext(connection) as een:
        client.get(HOME)
    maak(consulent, mbo, n=9)
    with CaptureQueriesContext(connection) as tien:
        response = client.get(HOME)
    assert [s.aantal for s in response.context["vandaag"].soorten] == [10] * 7
    assert len(tien) == len(een)


@pytest.mark.parametrize(("dagen", "getoond"), [(30, False), (31, True)])
def test_without_contact_counts_from_the_intake_as_the_caseload(
    app, consulent, dagen, getoond
):
    k = kandidaat(consulent, "Intake", toestemming_op=dag(-dagen))
    Kandidaat.objects.filter(pk=k.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=dagen)
    )
    pagina = app.get(HOME, user=consulent)
    assert (regel(pagina, "geen-contact") is not None) == getoond
