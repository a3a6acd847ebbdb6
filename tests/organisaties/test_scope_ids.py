"""The scope resolved to id lists returns exactly the rows of the subquery rule."""

from io import StringIO
from unittest import mock

from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

import pytest

from kandidaten.models import Kandidaat
from organisaties import scoping
from organisaties.models import Arbeidsmarktregio, Medewerker
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.leerbedrijven import LeerbedrijfFactory
from tests.factories.organisaties import MedewerkerFactory, OrganisatieFactory
from tests.factories.trajecten import TrajectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker):
    """The demo region plus a second region with its own cases, and a consulent whose
    organisation works in both: loaded once, rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        with mock.patch("weasyprint.HTML.write_pdf", return_value=b"%PDF-1.4\n"):
            call_command("seed_demo", stdout=StringIO())
        demo = Arbeidsmarktregio.objects.filter(organisaties__isnull=False).first()
        andere = Arbeidsmarktregio.objects.exclude(pk=demo.pk).first()
        KandidaatFactory.create_batch(2, regio=andere)
        LeerbedrijfFactory(regio=andere)
        TrajectFactory(kandidaat__regio=andere)
        tweeregionaal = OrganisatieFactory(regios=[demo, andere])
        MedewerkerFactory(organisatie=tweeregionaal, rollen=["consulent"])
        gemeente = (
            Medewerker.objects.filter(groups__name="consulent").first().organisatie
        )
        MedewerkerFactory(organisatie=gemeente, rollen=["jobcoach"])
        yield
        transaction.set_rollback(True)
    cache.clear()


def _subquery_regio(model, regel, user):
    # The rule before the id lists: the user's regions as a subquery.
    return Arbeidsmarktregio.objects.filter(organisaties=user.organisatie_id).values(
        "pk"
    )


def _gescoorde_modellen():
    return [m for m in apps.get_models() if hasattr(m, "zichtbaarheid")]


@pytest.mark.usefixtures("wereld")
def test_every_role_sees_the_same_rows_as_with_the_subquery():
    modellen = _gescoorde_modellen()
    assert Kandidaat in modellen
    assert len(modellen) >= 7
    gebruikers = list(Medewerker.objects.filter(is_active=True))
    assert len({r for u in gebruikers for r in u.rollen}) >= 6  # every role

    vergeleken = 0
    for user in gebruikers:
        for model in modellen:
            nieuw = set(model._default_manager.zichtbaar_voor(user).values_list("pk"))
            with mock.patch.object(scoping, "_mijn_regios", _subquery_regio):
                oud = set(model._default_manager.zichtbaar_voor(user).values_list("pk"))
            assert nieuw == oud, (user.username, model.__name__)
            vergeleken += bool(oud)
    assert vergeleken > 20  # the comparison saw rows, not only empty scopes


@pytest.mark.usefixtures("wereld")
def test_the_regions_are_looked_up_once_per_user_object():
    user = Medewerker.objects.filter(groups__name="consulent").first()
    with CaptureQueriesContext(connection) as ctx:
        list(Kandidaat.objects.zichtbaar_voor(user))
        list(Kandidaat.objects.zichtbaar_voor(user))
    regio_queries = [
        q
        for q in ctx.captured_queries
        if 'FROM "organisaties_arbeidsmarktregio"' in q["sql"]
    ]
    assert len(regio_queries) == 1
    assert user.regio_ids


def _pad_als_subquery(model, lookup, waarde, *, als_lijst=True):
    # The rule before the key arrays: a multi-valued path as `pk IN (subquery)`,
    # any other path as a plain (joined) condition.
    if scoping._is_multivalued(model, lookup):
        return scoping.Q(
            pk__in=model._base_manager.filter(**{lookup: waarde}).values("pk")
        )
    return scoping.Q(**{lookup: waarde})


@pytest.mark.usefixtures("wereld")
def test_paths_as_key_arrays_give_the_rows_of_subqueries_and_joins():
    vergeleken = 0
    for user in Medewerker.objects.filter(is_active=True):
        for model in _gescoorde_modellen():
            nieuw = set(model._default_manager.zichtbaar_voor(user).values_list("pk"))
            with mock.patch.object(scoping, "_pad_q", _pad_als_subquery):
                oud = set(model._default_manager.zichtbaar_voor(user).values_list("pk"))
            assert nieuw == oud, (user.username, model.__name__)
            vergeleken += bool(oud)
    assert vergeleken > 20


@pytest.mark.usefixtures("wereld")
def test_a_path_across_a_relation_is_an_index_condition_on_postgresql():
    # `= ANY(ARRAY(...))` lets PostgreSQL answer the scope's OR with a BitmapOr of
    # index scans; `IN (SELECT ...)` in an OR is a hashed subplan over every row.
    from trajecten.models import Traject

    coordinator = Medewerker.objects.filter(groups__name="regiocoordinator").first()
    for model in (Kandidaat, Traject):
        sql = str(model.objects.zichtbaar_voor(coordinator).query)
        assert "= ANY(ARRAY(SELECT" in sql, model.__name__
        assert " IN (SELECT" not in sql, model.__name__
