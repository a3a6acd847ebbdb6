"""`rapportage.html` writes the dashboards' sections in Python: the same HTML
(compared as parsed HTML) as the templates it replaces on the pages, for every
table of the dashboard and of the comparison (empty tables, suppressed cells, wide
tables, tables without a chart) and with a query string on the export links."""

from django.http import QueryDict
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.html import parse_html
from django.utils import timezone

import pytest

from rapportage.html import secties_html
from rapportage.overzicht import Dashboard
from rapportage.populatie import Populatie
from rapportage.vergelijking import Vergelijking
from tests.rapportage.test_feiten import wereld  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


def _vergelijk(secties, query: str):
    verzoek = RequestFactory().get("/rapportage/dashboard/?" + query)
    nu = timezone.localtime()
    verwacht = render_to_string(
        "rapportage/dashboard/_secties.html",
        {"secties": secties, "berekend_op": nu, "ververs_minuten": 10},
        request=verzoek,
    )
    html = secties_html(secties, verzoek.GET, berekend_op=nu, ververs_minuten=10)
    assert parse_html(html) == parse_html(verwacht)


@pytest.mark.parametrize("query", ["", "van=2024-01-01&organisatie=3&x=%3Ca%3E"])
def test_the_sections_are_the_html_of_the_templates(wereld, query):  # noqa: F811
    r1 = wereld.regios[0].pk
    populaties = [
        Populatie(),
        Populatie(regio_ids=(r1,)),
        Populatie(regio_ids=()),  # every table empty
        Populatie(persoon_id=wereld.jobcoach.pk),  # small numbers
    ]
    for pop in populaties:
        secties = Dashboard(pop).secties()
        _vergelijk(secties, query)
        _vergelijk(Vergelijking(pop, wereld.regios).secties(), query)
    # The suppression and the wide tables are really in there.
    html = secties_html(
        Dashboard(populaties[3]).secties(),
        QueryDict(query),
        berekend_op=timezone.localtime(),
        ververs_minuten=10,
    )
    assert "&lt;5" in html
    assert "Nog geen gegevens." in secties_html(
        Dashboard(populaties[2]).secties(),
        QueryDict(""),
        berekend_op=timezone.localtime(),
        ververs_minuten=10,
    )
