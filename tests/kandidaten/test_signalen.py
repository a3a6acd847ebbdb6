"""The caseload's signals around their edges (day 29/30/31), read from the page as a
consulent sees it, and the filter and team view that count with the same rules."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from kandidaten.constants import Fase
from kandidaten.models import Kandidaat
from tests.factories.kandidaten import ContactmomentFactory, KandidaatFactory

pytestmark = pytest.mark.django_db
GEEN_CONTACT = "Geen contact in 30 dagen"
TE_LAAT = "Actie te laat"


def dagen_geleden(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


def kandidaat(consulent, naam, *, intake: int = 0, in_portaal: int | None = None, **kw):
    """A candidate with intake `intake` days ago, in the portal since `in_portaal`
    days ago (default: the intake)."""
    k = KandidaatFactory(
        consulent=consulent, achternaam=naam, toestemming_op=dagen_geleden(intake), **kw
    )
    dagen = intake if in_portaal is None else in_portaal
    Kandidaat.objects.filter(pk=k.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=dagen)
    )
    return k


def caseload(app, consulent, **params) -> dict[str, list[str]]:
    """Per candidate (last name) the signals the caseload page shows."""
    pagina = app.get(reverse("kandidaten:kandidaat_list"), params, user=consulent)
    uit = {}
    for rij in pagina.html.select("tbody tr"):
        cellen = rij.find_all("td")
        signalen = rij.select_one("td.caseload-signalen")
        if signalen is None:
            continue
        naam = cellen[0].get_text(strip=True).split()[-1]
        uit[naam] = [b.get_text(strip=True) for b in signalen.select(".badge")]
    return uit


def test_a_new_candidate_is_not_without_contact_on_the_day_of_intake(app, consulent):
    kandidaat(consulent, "Nieuw")
    assert caseload(app, consulent) == {"Nieuw": []}


@pytest.mark.parametrize(("dagen", "signaal"), [(29, False), (30, False), (31, True)])
def test_no_contact_counts_from_the_intake(app, consulent, dagen, signaal):
    kandidaat(consulent, "Intake", intake=dagen)
    assert caseload(app, consulent) == {"Intake": [GEEN_CONTACT] if signaal else []}
    gefilterd = caseload(app, consulent, signaal="geen_contact")
    assert list(gefilterd) == (["Intake"] if signaal else [])


@pytest.mark.parametrize(("dagen", "signaal"), [(29, False), (30, False), (31, True)])
def test_no_contact_counts_from_the_last_contact_moment(app, consulent, dagen, signaal):
    k = kandidaat(consulent, "Contact", intake=200)
    ContactmomentFactory(kandidaat=k, datum=dagen_geleden(dagen))
    assert caseload(app, consulent) == {"Contact": [GEEN_CONTACT] if signaal else []}
    gefilterd = caseload(app, consulent, signaal="geen_contact")
    assert list(gefilterd) == (["Contact"] if signaal else [])


@pytest.mark.parametrize(("dagen", "signaal"), [(29, False), (30, False), (31, True)])
def test_an_imported_candidate_starts_green(app, consulent, dagen, signaal):
    """An existing caseload imported with old intake dates: the 30 days count from
    the day it came into the portal, not all red on the first day."""
    kandidaat(consulent, "Import", intake=400, in_portaal=dagen)
    assert caseload(app, consulent) == {"Import": [GEEN_CONTACT] if signaal else []}


def test_an_older_contact_than_the_intake_does_not_count(app, consulent):
    k = kandidaat(consulent, "Herintake", intake=5)
    ContactmomentFactory(kandidaat=k, datum=dagen_geleden(90))
    assert caseload(app, consulent) == {"Herintake": []}


@pytest.mark.parametrize(
    ("dagen_na_actie", "signaal"), [(-1, False), (0, False), (1, True)]
)
def test_an_action_is_late_from_the_day_after_its_date(
    app, consulent, dagen_na_actie, signaal
):
    k = kandidaat(consulent, "Actie", intake=20)
    ContactmomentFactory(
        kandidaat=k,
        datum=dagen_geleden(10),
        volgende_actie="Bellen",
        volgende_actie_op=dagen_geleden(dagen_na_actie),
    )
    assert caseload(app, consulent) == {"Actie": [TE_LAAT] if signaal else []}
    assert list(caseload(app, consulent, signaal="actie_te_laat")) == (
        ["Actie"] if signaal else []
    )


def test_a_contact_on_or_after_the_action_date_settles_the_action(app, consulent):
    gedaan = kandidaat(consulent, "Gedaan", intake=20)
    ContactmomentFactory(
        kandidaat=gedaan,
        datum=dagen_geleden(10),
        volgende_actie="Bellen",
        volgende_actie_op=dagen_geleden(5),
    )
    ContactmomentFactory(kandidaat=gedaan, datum=dagen_geleden(5))  # called that day
    vergeten = kandidaat(consulent, "Vergeten", intake=20)
    ContactmomentFactory(
        kandidaat=vergeten,
        datum=dagen_geleden(10),
        volgende_actie="Bellen",
        volgende_actie_op=dagen_geleden(5),
    )
    ContactmomentFactory(kandidaat=vergeten, datum=dagen_geleden(6))  # before it
    assert caseload(app, consulent) == {"Gedaan": [], "Vergeten": [TE_LAAT]}
    assert list(caseload(app, consulent, signaal="actie_te_laat")) == ["Vergeten"]


def test_a_finished_candidate_has_no_signals_and_is_not_in_the_filters(app, consulent):
    k = kandidaat(consulent, "Klaar", intake=100, fase=Fase.AFGEROND)
    ContactmomentFactory(
        kandidaat=k,
        datum=dagen_geleden(60),
        volgende_actie="Bellen",
        volgende_actie_op=dagen_geleden(50),
    )
    assert caseload(app, consulent) == {"Klaar": []}
    assert caseload(app, consulent, signaal="actie_te_laat") == {}
    assert caseload(app, consulent, signaal="geen_contact") == {}


def test_advice_open_is_a_signal_only_in_that_phase(app, consulent):
    kandidaat(consulent, "Advies", fase=Fase.ADVIES)
    kandidaat(consulent, "Gegeven", fase=Fase.ADVIES_GEGEVEN)
    assert caseload(app, consulent) == {
        "Advies": ["Advies staat open"],
        "Gegeven": [],
    }


@pytest.mark.parametrize(("dagen", "telt"), [(30, 0), (31, 1)])
def test_team_view_counts_without_contact_as_the_caseload(
    app, coordinator, consulent, dagen, telt
):
    kandidaat(consulent, "Oud", intake=dagen)
    kandidaat(consulent, "Nieuw")
    import_ = kandidaat(consulent, "Import", intake=400, in_portaal=5)
    ContactmomentFactory(kandidaat=import_, datum=dagen_geleden(300))
    pagina = app.get(reverse("kandidaten:team"), user=coordinator)
    (rij,) = pagina.context["rijen"]
    assert rij["zonder_contact"] == telt


def test_an_action_planned_for_the_day_of_its_own_contact_still_gets_late(
    app, consulent
):
    """The contact moment that planned the action does not settle it."""
    k = kandidaat(consulent, "Zelfde", intake=20)
    ContactmomentFactory(
        kandidaat=k,
        datum=dagen_geleden(3),
        volgende_actie="Terugbellen",
        volgende_actie_op=dagen_geleden(3),
    )
    assert caseload(app, consulent) == {"Zelfde": [TE_LAAT]}
    assert list(caseload(app, consulent, signaal="actie_te_laat")) == ["Zelfde"]
