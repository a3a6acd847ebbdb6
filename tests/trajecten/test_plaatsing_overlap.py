"""Adding a placement through the page (webtest, CSRF on): it may not overlap another
placement of the traject unless 'De overlap is bedoeld' is ticked, and it lies
within the traject's period with its end after its start."""

import datetime

from django.urls import reverse

import pytest

from kandidaten.models import Gebeurtenis
from tests.factories.leerbedrijven import ContactpersoonFactory, LeerbedrijfFactory
from tests.factories.trajecten import PlaatsingFactory, TrajectFactory
from tests.formulieren import formulier, verzenden
from trajecten.constants import Routefase
from trajecten.services.plaatsing_periode import PlaatsingPeriode, overlap_fouten

pytestmark = pytest.mark.django_db

START = datetime.date(2027, 1, 4)
EIND = datetime.date(2027, 9, 30)
WISSEL = datetime.date(2027, 3, 31)  # the last day of the werkfit part
OVERLAP = (
    "Deze plaatsing overlapt met de plaatsing bij Werkfit Hengelo "
    "(04-01-2027 tot en met 31-03-2027). Kies andere datums, of zet een vinkje bij "
    "'De overlap is bedoeld'."
)


def traject_met_werkfit(consulent, *, werkfit=True):
    """A running traject with (by default) its werkfit placement at Werkfit Hengelo."""
    traject = TrajectFactory(
        kandidaat__consulent=consulent,
        startdatum=START,
        geplande_einddatum=EIND,
        lopend=True,
    )
    if werkfit:
        PlaatsingFactory(
            traject=traject,
            leerbedrijf=LeerbedrijfFactory(organisatie__naam="Werkfit Hengelo"),
            routefase=Routefase.WERKFIT,
            startdatum=START,
            einddatum=WISSEL,
        )
    return traject


def url(traject) -> str:
    return reverse("trajecten:plaatsing_create", args=[traject.pk])


def bakkerij():
    """The employer of the praktijkleren part, with its praktijkopleider."""
    opleider = ContactpersoonFactory(
        leerbedrijf=LeerbedrijfFactory(organisatie__naam="Bakkerij Bol")
    )
    return {
        "leerbedrijf": str(opleider.leerbedrijf_id),
        "praktijkopleider": str(opleider.pk),
        "routefase": Routefase.PRAKTIJKLEREN,
    }


def veldfout(response, veld: str) -> str:
    """The error text the page shows at a field (crispy: inside the field's div)."""
    div = response.html.find(id=f"div_id_{veld}")
    assert div is not None, f"no field {veld} on the page"
    return " ".join(
        e.get_text(" ", strip=True) for e in div.select(".invalid-feedback")
    )


def test_overlap_is_refused_at_the_start_date_and_allowed_with_the_checkbox(
    app, consulent
):
    traject = traject_met_werkfit(consulent)
    pagina = app.get(url(traject), user=consulent)
    assert "overlap_bedoeld" in formulier(pagina).fields
    tijdlijn = Gebeurtenis.objects.count()

    response = verzenden(
        pagina,
        **bakkerij(),
        startdatum="2027-03-15",
        einddatum="2027-09-30",
        status=200,
    )
    assert response.context["form"].errors["startdatum"] == [OVERLAP]
    assert OVERLAP in veldfout(response, "startdatum")
    assert traject.plaatsingen.count() == 1
    assert Gebeurtenis.objects.count() == tijdlijn

    # The form comes back with the user's input; ticking the box saves it.
    response = verzenden(response, overlap_bedoeld=True, status=302)
    assert response["Location"] == traject.get_absolute_url()
    nieuw = traject.plaatsingen.get(leerbedrijf__organisatie__naam="Bakkerij Bol")
    assert (nieuw.startdatum, nieuw.einddatum) == (
        datetime.date(2027, 3, 15),
        EIND,
    )
    assert "Opgeslagen." in response.follow()


def test_the_last_day_of_a_placement_counts_as_overlap(app, consulent):
    traject = traject_met_werkfit(consulent)
    response = verzenden(
        app.get(url(traject), user=consulent),
        **bakkerij(),
        startdatum=WISSEL.isoformat(),
        einddatum=EIND.isoformat(),
        status=200,
    )
    assert OVERLAP in veldfout(response, "startdatum")
    assert traject.plaatsingen.count() == 1


def test_a_placement_before_an_existing_one_names_that_one(app, consulent):
    """The error sits at the new placement's start date also when it starts first."""
    traject = traject_met_werkfit(consulent, werkfit=False)
    PlaatsingFactory(
        traject=traject,
        leerbedrijf=LeerbedrijfFactory(organisatie__naam="Werkfit Hengelo"),
        startdatum=datetime.date(2027, 6, 1),
        einddatum=EIND,
    )
    response = verzenden(
        app.get(url(traject), user=consulent),
        **bakkerij(),
        startdatum=START.isoformat(),
        einddatum="2027-06-01",
        status=200,
    )
    assert (
        "overlapt met de plaatsing bij Werkfit Hengelo (01-06-2027 tot en met "
        "30-09-2027)" in veldfout(response, "startdatum")
    )
    assert traject.plaatsingen.count() == 1


def test_no_overlap_is_saved_on_the_timeline(app, consulent):
    traject = traject_met_werkfit(consulent)
    response = verzenden(
        app.get(url(traject), user=consulent),
        **bakkerij(),
        startdatum="2027-04-01",
        einddatum="2027-09-30",
        status=302,
    )
    assert response["Location"] == traject.get_absolute_url()
    nieuw = traject.plaatsingen.get(leerbedrijf__organisatie__naam="Bakkerij Bol")
    assert (nieuw.startdatum, nieuw.einddatum, nieuw.routefase) == (
        datetime.date(2027, 4, 1),
        EIND,
        Routefase.PRAKTIJKLEREN,
    )
    gebeurtenis = Gebeurtenis.objects.filter(kandidaat=traject.kandidaat).latest("pk")
    assert gebeurtenis.titel.startswith("Nieuwe plaatsing: Bakkerij Bol")


def test_without_a_placement_there_is_no_checkbox(app, consulent):
    traject = traject_met_werkfit(consulent, werkfit=False)
    pagina = app.get(url(traject), user=consulent)
    assert "overlap_bedoeld" not in formulier(pagina).fields
    assert "De overlap is bedoeld" not in pagina
    verzenden(
        pagina,
        **bakkerij(),
        startdatum="2027-04-01",
        einddatum="2027-09-30",
        status=302,
    )
    assert traject.plaatsingen.count() == 1


@pytest.mark.parametrize(
    ("startdatum", "einddatum", "veld", "tekst"),
    [
        (
            "2027-04-01",
            "2027-10-31",
            "einddatum",
            "De plaatsing moet binnen de periode van het traject vallen "
            "(04-01-2027 tot en met 30-09-2027).",
        ),
        (
            "2027-01-01",
            "2027-09-30",
            "startdatum",
            "De plaatsing moet binnen de periode van het traject vallen "
            "(04-01-2027 tot en met 30-09-2027).",
        ),
        (
            "2027-06-01",
            "2027-05-01",
            "einddatum",
            "De einddatum moet na de startdatum liggen.",
        ),
        (
            "2027-06-01",
            "2027-06-01",
            "einddatum",
            "De einddatum moet na de startdatum liggen.",
        ),
    ],
)
def test_outside_the_period_or_end_not_after_start_is_refused_at_the_field(
    app, consulent, startdatum, einddatum, veld, tekst
):
    traject = traject_met_werkfit(consulent)
    response = verzenden(
        app.get(url(traject), user=consulent),
        **bakkerij(),
        startdatum=startdatum,
        einddatum=einddatum,
        overlap_bedoeld=True,  # only the date rule under test can refuse it
        status=200,
    )
    assert response.context["form"].errors[veld] == [tekst]
    assert tekst in veldfout(response, veld)
    assert not response.context["form"].non_field_errors()
    assert traject.plaatsingen.count() == 1


def test_overlap_rule_puts_the_error_at_the_later_or_the_given_placement():
    """The rule both services share: only pairs with a new or changed placement; the
    later one gets the error unless `bij` names the placement being added."""
    d = datetime.date
    periodes = {
        1: PlaatsingPeriode("Werkfit Hengelo", d(2027, 1, 4), d(2027, 3, 31)),
        2: PlaatsingPeriode("Bakkerij Bol", d(2027, 3, 31), d(2027, 9, 30)),
        3: PlaatsingPeriode("Slagerij Smit", d(2027, 2, 1), d(2027, 4, 30)),
    }
    assert overlap_fouten(periodes, gewijzigd=set()) == []
    assert [k for k, _ in overlap_fouten(periodes, gewijzigd={1})] == [2, 3]
    fouten = overlap_fouten(periodes, gewijzigd={3}, bij=3)
    assert [k for k, _ in fouten] == [3, 3]
    assert "bij Werkfit Hengelo" in fouten[0][1]
    assert "bij Bakkerij Bol (31-03-2027 tot en met 30-09-2027)" in fouten[1][1]
