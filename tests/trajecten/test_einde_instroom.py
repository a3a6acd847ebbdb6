"""A kwalificatie past its einde instroom (SBB's Datum_einde_instroom) starts no new
traject: not offered on the start form, refused with a Dutch message next to the field
(a stale page or a hand-made request) and by the service; running trajecten keep it."""

import datetime

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from kandidaten.models import Kandidaat
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.leerbedrijven import kwalificatie
from tests.formulieren import formulier
from tests.trajecten.test_traject import gestart
from tests.trajecten.test_traject_views import start_data, start_formulier
from trajecten.models import Traject

pytestmark = pytest.mark.django_db

GISTEREN = timezone.localdate() - datetime.timedelta(days=1)


def test_expired_kwalificatie_is_not_offered_and_refused_next_to_the_field(
    app, consulent
):
    entree = kwalificatie()
    entree.einde_instroom = GISTEREN
    entree.save()
    halima = KandidaatFactory(consulent=consulent)
    data = start_data()
    pagina = app.get(
        reverse("trajecten:traject_start", args=[halima.pk]), user=consulent
    )
    aangeboden = [w for w, *_ in formulier(pagina)["kwalificatie"].options]
    assert str(entree.pk) not in aangeboden
    assert str(kwalificatie("Medewerker hospitality").pk) in aangeboden

    response = start_formulier(pagina, data).submit(status=200)
    assert "kwalificatie" in response.context["form"].errors
    assert (
        f"Voor {entree.naam} kunnen geen nieuwe trajecten meer starten: de instroom "
        f"is gestopt op {GISTEREN:%d-%m-%Y}." in response.text
    )
    assert not Traject.objects.exists()


def test_open_until_and_including_the_einde_instroom_date(app, consulent):
    entree = kwalificatie()
    entree.einde_instroom = timezone.localdate()
    entree.save()
    halima = KandidaatFactory(consulent=consulent)
    data = start_data()
    pagina = app.get(
        reverse("trajecten:traject_start", args=[halima.pk]), user=consulent
    )
    assert str(entree.pk) in [w for w, *_ in formulier(pagina)["kwalificatie"].options]
    start_formulier(pagina, data).submit(status=302)
    assert Traject.objects.get().kwalificatie == entree


def test_service_refuses_too_and_running_trajecten_keep_the_kwalificatie(consulent):
    lopend = gestart(consulent)
    entree = lopend.kwalificatie
    entree.einde_instroom = GISTEREN
    entree.save()
    lopend.refresh_from_db()
    assert lopend.kwalificatie == entree

    with pytest.raises(ValidationError) as fout:
        gestart(consulent)
    assert "instroom is gestopt" in fout.value.message_dict["kwalificatie"][0]
    assert Traject.objects.count() == 1
    assert Kandidaat.objects.count() == 2  # the second candidate, without a traject
