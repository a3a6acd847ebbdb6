"""Anonymising a candidate: nothing personal stays anywhere, every dashboard figure
stays the same, and doing it twice changes nothing."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone

import pytest
from auditlog.models import LogEntry

from bewaartermijnen.models import Anonimisering, AnonimiseringReden
from bewaartermijnen.services import kandidaat_anonimiseren
from kandidaten.models import Kandidaat
from rapportage import feiten
from rapportage.forms import DashboardFilterForm
from rapportage.overzicht import Dashboard
from rapportage.populatie import dashboard_populatie, verwijzers
from tests.factories.kandidaten import ContactmomentFactory, KandidaatFactory
from tests.factories.trajecten import TrajectFactory
from tests.factories.uitkomsten import UitkomstFactory, VervolgmetingFactory

from .dossier import BSN, VOORNAAM, dossier_maken

pytestmark = pytest.mark.django_db

TEKST = (models.CharField, models.TextField, models.JSONField)


def vindplaatsen(zoekterm: str) -> list[str]:
    """Every table and text column (JSON as text) that holds `zoekterm`."""
    gevonden = []
    for model in apps.get_models():
        for veld in model._meta.concrete_fields:
            if not isinstance(veld, TEKST):
                continue
            qs = model._base_manager.annotate(
                _tekst=Cast(veld.name, models.TextField())
            )
            if qs.filter(_tekst__icontains=zoekterm).exists():
                gevonden.append(f"{model._meta.label}.{veld.name}")
    return gevonden


def test_kandidaat_anonimiseren_leaves_no_personal_value_anywhere(
    consulent, mbo_medewerker
):
    dossier = dossier_maken(consulent, mbo_medewerker)
    # The search finds the values before: it can fail.
    for term in dossier.zoektermen:
        if term != BSN:  # only encrypted, as it should be
            assert vindplaatsen(term), term
    assert "auditlog.LogEntry.changes" in vindplaatsen(dossier.kandidaat.email)
    assert all(default_storage.exists(naam) for naam in dossier.bestanden)

    kandidaat_anonimiseren(
        kandidaat=dossier.kandidaat, door=consulent, reden="Verzoek per brief."
    )

    for term in dossier.zoektermen:
        assert vindplaatsen(term) == [], term
    assert not any(default_storage.exists(naam) for naam in dossier.bestanden)
    k = Kandidaat.objects.get(pk=dossier.kandidaat.pk)
    assert k.geanonimiseerd_op is not None
    assert k.bsn_versleuteld is None
    assert (k.geboortedatum.month, k.geboortedatum.day) == (1, 1)
    assert k.geboortedatum.year == dossier.kandidaat.geboortedatum.year
    assert k.postcode == dossier.kandidaat.postcode[:4]
    # Ids and facts stay: trajecten, outcomes, phase.
    assert k.trajecten.count() == 2
    assert k.fase == dossier.kandidaat.fase


def test_kandidaat_anonimiseren_is_audited_without_personal_values(
    consulent, mbo_medewerker
):
    dossier = dossier_maken(consulent, mbo_medewerker)

    kandidaat_anonimiseren(
        kandidaat=dossier.kandidaat, door=consulent, reden="Verzoek per brief."
    )

    anonimisering = Anonimisering.objects.get(kandidaat=dossier.kandidaat)
    assert anonimisering.soort == AnonimiseringReden.VERZOEK
    entry = LogEntry.objects.get_for_object(anonimisering).get()
    assert entry.action == LogEntry.Action.CREATE
    assert entry.changes["reden"] == ["None", "Verzoek per brief."]
    assert VOORNAAM not in str(entry.changes) + entry.object_repr


def test_kandidaat_anonimiseren_twice_is_refused_and_changes_nothing(
    consulent, mbo_medewerker
):
    dossier = dossier_maken(consulent, mbo_medewerker)
    kandidaat_anonimiseren(kandidaat=dossier.kandidaat, door=consulent, reden="Brief.")
    voor = Kandidaat.objects.get(pk=dossier.kandidaat.pk)

    with pytest.raises(ValidationError):
        kandidaat_anonimiseren(
            kandidaat=dossier.kandidaat, door=consulent, reden="Nog eens."
        )

    assert Anonimisering.objects.count() == 1
    assert Kandidaat.objects.get(pk=voor.pk).geanonimiseerd_op == voor.geanonimiseerd_op


def test_kandidaat_anonimiseren_needs_a_reason(consulent):
    kandidaat = KandidaatFactory(consulent=consulent)

    with pytest.raises(ValidationError):
        kandidaat_anonimiseren(kandidaat=kandidaat, door=consulent, reden="  ")

    assert Kandidaat.objects.get(pk=kandidaat.pk).geanonimiseerd_op is None


# --- (b) the dashboards count the same before and after ---


def dashboard(user) -> list:
    """Every figure the dashboard page shows (headline figures and all tables),
    through the functions the view uses."""
    populatie = dashboard_populatie(user=user)
    form = DashboardFilterForm({}, organisaties=verwijzers(populatie=populatie))
    assert form.is_valid(), form.errors
    overzicht = Dashboard(populatie.gefilterd(**form.filter()))
    kern = [
        (k.sleutel, k.cel.waarde, k.cel.tekst)
        for k in overzicht.kerncijfers(timezone.localdate())
    ]
    tabellen = [
        (tabel.sleutel, tabel.export_kolommen(), tabel.export_rijen())
        for sectie in overzicht.secties()
        for tabel in sectie.tabellen
    ]
    return [kern, tabellen]


def test_every_dashboard_figure_is_the_same_after_anonymising(
    consulent, mbo_medewerker, superuser
):
    dossier = dossier_maken(consulent, mbo_medewerker)
    # Enough candidates that figures are shown, not suppressed as "<5".
    anderen = []
    for _i in range(6):
        traject = TrajectFactory(
            afgesloten=True, kandidaat__consulent=consulent, kandidaat__afgerond=True
        )
        UitkomstFactory(traject=traject, werk_elders=True)
        VervolgmetingFactory(traject=traject, gemeten=True)
        ContactmomentFactory(kandidaat=traject.kandidaat, door=consulent)
        anderen.append(traject.kandidaat)
    anderen.append(KandidaatFactory(consulent=consulent))  # never a traject
    feiten.herbouwen()  # the dashboards count from the fact tables
    voor = dashboard(superuser)
    zichtbaar = [
        cel
        for _s, _k, rijen in voor[1]
        for rij in rijen
        for cel in rij[1:]
        if isinstance(cel, int | float) and cel >= 5
    ]
    assert zichtbaar, "the population is too small to show a figure"

    for k in [dossier.kandidaat, *anderen]:
        kandidaat_anonimiseren(kandidaat=k, door=consulent, reden="Test.")

    assert Kandidaat.objects.filter(geanonimiseerd_op__isnull=True).count() == 0
    assert dashboard(superuser) == voor
    # Facts rebuilt from the anonymised rows count the same too.
    feiten.herbouwen()
    assert dashboard(superuser) == voor
