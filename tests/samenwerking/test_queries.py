"""The samenwerkingsscan's pages run as many SQL queries with many versions,
regions and shared scans as with few (issue #16)."""

from django.urls import reverse

import pytest

from tests.factories.organisaties import regio
from tests.factories.samenwerking import coordinator_van, scan_maken
from tests.queries import queries, zelfde_aantal

pytestmark = pytest.mark.django_db

OVERZICHT = reverse("samenwerking:overzicht")


def versies(regio_, door, aantal, **kwargs):
    return [
        scan_maken(regio_, door, proces=1 + i % 3, begeleiding=2, **kwargs)
        for i in range(aantal)
    ]


def test_the_overview_with_more_versions_regions_and_shared_scans(app):
    twente, groningen = regio("AM05"), regio("AM01")
    coordinator = coordinator_van(twente)
    versies(twente, coordinator, 2)
    versies(groningen, coordinator_van(groningen), 2, gedeeld=True)
    weinig = queries(lambda: app.get(OVERZICHT, user=coordinator))

    versies(twente, coordinator, 4)
    # The organisation works in a second region with versions of its own, and more
    # regions share theirs.
    tweede = regio("AM18")
    coordinator.organisatie.regios.add(tweede)
    del coordinator.regio_ids  # a cached property
    versies(tweede, coordinator, 3)
    for code in ("AM21", "AM22"):
        anders = regio(code)
        versies(anders, coordinator_van(anders), 2, gedeeld=True)
    veel = queries(lambda: app.get(OVERZICHT, user=coordinator))
    assert app.get(OVERZICHT, user=coordinator).text.count("Versie 6") == 1
    zelfde_aantal(weinig, veel)


@pytest.mark.parametrize("wie", ["eigen", "andere regio"])
def test_a_version_with_more_versions_before_it(app, wie):
    twente = regio("AM05")
    coordinator = coordinator_van(twente)
    lezer = coordinator if wie == "eigen" else coordinator_van(regio("AM01"))
    eerste = versies(twente, coordinator, 2, gedeeld=True)
    url = eerste[-1].get_absolute_url()
    weinig = queries(lambda: app.get(url, user=lezer))

    laatste = versies(twente, coordinator, 4, gedeeld=True)[-1]
    url = laatste.get_absolute_url()
    veel = queries(lambda: app.get(url, user=lezer))
    zelfde_aantal(weinig, veel)


def test_the_new_version_form_with_more_versions(app):
    twente = regio("AM05")
    coordinator = coordinator_van(twente)
    versies(twente, coordinator, 2)
    url = reverse("samenwerking:scan_nieuw", args=[twente.code])
    weinig = queries(lambda: app.get(url, user=coordinator))
    versies(twente, coordinator, 4)
    veel = queries(lambda: app.get(url, user=coordinator))
    zelfde_aantal(weinig, veel)


@pytest.mark.parametrize("vorm", ["scan_xlsx", "scan_pdf"])
def test_the_exports_with_more_versions(app, vorm):
    twente = regio("AM05")
    coordinator = coordinator_van(twente)
    url = reverse(f"samenwerking:{vorm}", args=[versies(twente, coordinator, 2)[-1].pk])
    weinig = queries(lambda: app.get(url, user=coordinator))
    laatste = versies(twente, coordinator, 4)[-1]
    url = reverse(f"samenwerking:{vorm}", args=[laatste.pk])
    veel = queries(lambda: app.get(url, user=coordinator))
    zelfde_aantal(weinig, veel)
