from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from leerbedrijven.selectors import leerbedrijven_voor_matching
from organisaties.constants import Rol
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.leerbedrijven import (
    ContactpersoonFactory,
    ErkenningFactory,
    LeerbaanFactory,
    LeerbedrijfFactory,
    kwalificatie,
    werkprocessen,
)
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.formulieren import invullen

pytestmark = pytest.mark.django_db


def passend(naam, aantal_werkprocessen, **kwargs):
    """A leerbedrijf that meets every condition, offering the first N Entree werkprocessen."""
    lb = LeerbedrijfFactory(organisatie__naam=naam, **kwargs)
    ErkenningFactory(leerbedrijf=lb, erkend=True)
    ContactpersoonFactory(leerbedrijf=lb)
    LeerbaanFactory(leerbedrijf=lb)
    lb.werkprocessen.set(werkprocessen()[:aantal_werkprocessen])
    return lb


def test_matching_ranks_by_wanted_werkprocessen_and_applies_every_condition(consulent):
    passend("Twee", 2)
    passend("Drie", 3)
    passend("Een", 1)
    zonder_opleider = LeerbedrijfFactory(organisatie__naam="Zonder opleider")
    ErkenningFactory(leerbedrijf=zonder_opleider, erkend=True)
    LeerbaanFactory(leerbedrijf=zonder_opleider)
    niet_erkend = LeerbedrijfFactory(organisatie__naam="Aangevraagd")
    ErkenningFactory(leerbedrijf=niet_erkend)
    ContactpersoonFactory(leerbedrijf=niet_erkend)
    LeerbaanFactory(leerbedrijf=niet_erkend)
    gesloten = passend("Gesloten leerbaan", 3)
    gesloten.leerbanen.update(open=False)
    passend("Andere regio", 3, regio=regio("AM01"))

    resultaat = leerbedrijven_voor_matching(
        user=consulent,
        kwalificatie=kwalificatie(),
        regio=regio(),
        werkprocessen=werkprocessen(),
    )

    assert [(str(lb), lb.aantal_gewenst) for lb in resultaat] == [
        ("Drie", 3),
        ("Twee", 2),
        ("Een", 1),
    ]
    assert [w.code for w in resultaat[0].gewenste_werkprocessen] == [
        "B1-K1-W1",
        "B1-K1-W2",
        "B1-K1-W3",
    ]


def _zoeken(pagina, **waarden):
    """Fill and submit the matching page's search form (a GET form, as a browser)."""
    form = next(f for f in pagina.forms.values() if "kwalificatie" in f.fields)
    assert form.method.upper() == "GET"
    return invullen(form, **waarden).submit()


def test_matching_page_shows_ranked_results_for_the_candidate(app, consulent):
    halima = KandidaatFactory(consulent=consulent)
    passend("Atelier", 1)
    passend("Kledingreparatie", 3)
    pagina = app.get(reverse("trajecten:matching", args=[halima.pk]), user=consulent)
    wp = werkprocessen()

    # The werkprocessen to choose from appear once a kwalificatie is chosen.
    gekozen = _zoeken(pagina, kwalificatie=kwalificatie().pk)
    response = _zoeken(gekozen, werkprocessen=[str(wp[0].pk)])

    assert [str(lb) for lb in response.context["resultaten"]] == [
        "Atelier",
        "Kledingreparatie",
    ]
    assert "1 van 1" in response.text
    with CaptureQueriesContext(connection) as twee:
        _zoeken(pagina, kwalificatie=kwalificatie().pk)
    for i in range(5):
        passend(f"Extra {i}", 2)
    with CaptureQueriesContext(connection) as zeven:
        response = _zoeken(pagina, kwalificatie=kwalificatie().pk)
    assert len(response.context["resultaten"]) == 7
    assert len(zeven) == len(twee)


def test_matching_for_a_kandidaat_out_of_scope_is_404(app, consulent):
    halima = KandidaatFactory(consulent=consulent)
    hans = medewerker_met_rol(Rol.CONSULENT, organisatie=OrganisatieFactory(uwv=True))

    app.get(reverse("trajecten:matching", args=[halima.pk]), user=hans, status=404)
