"""The funding dossier: the task builds the ZIP, the traject page's button, the
polling status, the download (audited), scope and roles; through the pages (CSRF on)."""

import time

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

import pytest
from auditlog.models import LogEntry
from openpyxl import load_workbook

from dossier.constants import DossierStatus
from dossier.models import Dossieraanvraag
from dossier.services import dossier_aanvragen, dossier_maken
from organisaties.constants import Rol
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol, regio
from tests.factories.trajecten import TrajectFactory
from tests.formulieren import posten, verzenden
from verklaringen.services import verklaring_uitreiken

from .helpers import met_commit, pdf_in_zip, volledig_traject, zip_van

pytestmark = pytest.mark.django_db


def aanvragen_url(traject):
    return reverse("dossier:aanvragen", args=[traject.pk])


def test_the_task_builds_the_zip_with_every_part(consulent, tmp_path):
    traject = volledig_traject(consulent)
    aanvraag = met_commit(dossier_aanvragen, traject=traject, door=consulent)
    aanvraag.refresh_from_db()
    assert aanvraag.status == DossierStatus.KLAAR
    z = zip_van(aanvraag.bestand.read())
    namen = z.namelist()
    assert namen[0] == "01-voorblad.pdf"
    assert "03-presentielijst.pdf" in namen
    assert "03-presentielijst.xlsx" in namen
    assert "04-voortgangsgesprekken.pdf" in namen
    assert "05-observaties.pdf" in namen
    assert "07-auditlog.csv" in namen
    overeenkomsten = [n for n in namen if n.startswith("02-overeenkomsten/")]
    # Three agreements, each with its PDF and the paper signatures' PDFs.
    assert len([n for n in overeenkomsten if "getekend" not in n]) == 3
    assert any("-getekend-" in n for n in overeenkomsten)
    assert all(n.isascii() and " " not in n for n in namen)

    voorblad = pdf_in_zip(z, "01-voorblad.pdf", tmp_path)
    for naam in namen[1:]:
        assert naam in voorblad.split()  # the cover sheet lists every file
    assert "Perspectief op Werk" in voorblad
    assert "Confectieatelier Naadloos" in voorblad
    assert "Praktijkverklaring: die is (nog) niet uitgereikt." in voorblad
    assert "Presentielijst: er is nog geen" not in voorblad

    blad = load_workbook(z.open("03-presentielijst.xlsx")).active
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0][1] == "Week"
    weken = [r[1] for r in rijen[1:]]
    assert len(weken) == 2
    assert all("-W" in w for w in weken)
    assert rijen[2][4] == 16
    assert rijen[2][5] == "Ziek"
    assert "Na belletje met het bedrijf" in rijen[2][8]

    gesprekken = pdf_in_zip(z, "04-voortgangsgesprekken.pdf", tmp_path)
    assert "Werkt zelfstandig aan de naaimachine" in gesprekken
    assert "Rooster afstemmen" in gesprekken
    assert "Vaker vragen stellen" in gesprekken
    assert "kandidaat, praktijkopleider, consulent" in gesprekken
    assert "Nog niet getekend door: kandidaat, praktijkopleider." in gesprekken
    assert timezone.localdate().strftime("%-d-%-m-%Y") in gesprekken

    audit = z.read("07-auditlog.csv").decode("utf-8-sig")
    assert audit.splitlines()[0] == "Datum;Organisatie;Rol;Actie;Onderdeel;Aantal"
    assert ";toegevoegd;traject;1" in audit
    assert ";toegevoegd;aanwezigheid;2" in audit
    assert ";toegevoegd;voortgangsgesprek;1" in audit


def test_the_task_is_idempotent(consulent):
    traject = TrajectFactory(lopend=True, kandidaat__consulent=consulent)
    aanvraag = met_commit(dossier_aanvragen, traject=traject, door=consulent)
    aanvraag.refresh_from_db()
    naam = aanvraag.bestand.name
    dossier_maken(aanvraag_id=aanvraag.pk)  # a second run leaves it alone
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.bestand.name) == (DossierStatus.KLAAR, naam)


def test_a_traject_without_attendance_or_meetings_still_gets_a_cover_sheet(
    consulent, tmp_path
):
    traject = TrajectFactory(lopend=True, kandidaat__consulent=consulent)
    aanvraag = met_commit(dossier_aanvragen, traject=traject, door=consulent)
    aanvraag.refresh_from_db()
    z = zip_van(aanvraag.bestand.read())
    assert z.namelist() == ["01-voorblad.pdf", "07-auditlog.csv"]
    voorblad = pdf_in_zip(z, "01-voorblad.pdf", tmp_path)
    assert "Presentielijst: er is nog geen week aanwezigheid bevestigd." in voorblad
    assert "er is nog geen gesprek vastgelegd" in voorblad
    assert "geen overeenkomst is door alle partijen getekend" in voorblad
    assert "Er is geen financiering vastgelegd." in voorblad


def test_an_issued_praktijkverklaring_is_in_the_zip(tmp_path):
    from tests.factories.verklaringen import goedgekeurd_traject

    traject, _opleider, mbo = goedgekeurd_traject()
    verklaring = met_commit(
        verklaring_uitreiken,
        traject=traject,
        door=mbo,
        plaats="Zwolle",
        verificatie_basis="https://x.nl",
    )
    aanvraag = met_commit(dossier_aanvragen, traject=traject, door=traject.consulent)
    aanvraag.refresh_from_db()
    z = zip_van(aanvraag.bestand.read())
    naam = f"06-praktijkverklaring-{verklaring.nummer}.pdf"
    assert naam in z.namelist()
    verklaring.refresh_from_db()
    assert z.read(naam) == verklaring.pdf.read()
    assert naam in pdf_in_zip(z, "01-voorblad.pdf", tmp_path)


def test_button_poll_and_download_through_the_pages(
    app, consulent, django_capture_on_commit_callbacks
):
    traject = volledig_traject(consulent)
    pagina = app.get(traject.get_absolute_url(), user=consulent)
    assert "Financieringsdossier" in pagina
    with django_capture_on_commit_callbacks(execute=False) as hooks:
        response = verzenden(pagina, actie=aanvragen_url(traject), status=302)
    assert response["Location"].endswith(traject.get_absolute_url() + "#dossier")
    aanvraag = Dossieraanvraag.objects.get(traject=traject)
    assert aanvraag.status == DossierStatus.WACHTRIJ

    pagina = response.follow()
    assert "Het financieringsdossier wordt gemaakt" in pagina
    status_url = reverse("dossier:status", args=[aanvraag.pk])
    assert f'hx-get="{status_url}"' in pagina  # the page polls
    poll = app.get(status_url, user=consulent, headers={"HX-Request": "true"})
    assert "Dossier downloaden" not in poll
    assert "hx-trigger" in poll

    for hook in hooks:  # the commit publishes the task (eager here)
        hook()
    poll = app.get(status_url, user=consulent, headers={"HX-Request": "true"})
    download_url = reverse("dossier:download", args=[aanvraag.pk])
    assert download_url in poll
    assert "hx-trigger" not in poll

    response = poll.click(href=download_url)
    assert response.content_type == "application/zip"
    assert "01-voorblad.pdf" in zip_van(response.body).namelist()
    toegang = LogEntry.objects.get(
        action=LogEntry.Action.ACCESS, additional_data__via="financieringsdossier"
    )
    assert (toegang.actor, toegang.object_pk) == (consulent, str(traject.pk))


def test_a_new_request_replaces_the_old_zip(consulent):
    traject = TrajectFactory(lopend=True, kandidaat__consulent=consulent)
    oud = met_commit(dossier_aanvragen, traject=traject, door=consulent)
    oud.refresh_from_db()
    opslag, pad = oud.bestand.storage, oud.bestand.name
    assert opslag.exists(pad)
    nieuw = met_commit(dossier_aanvragen, traject=traject, door=consulent)
    assert list(Dossieraanvraag.objects.values_list("pk", flat=True)) == [nieuw.pk]
    assert not opslag.exists(pad)


def test_dossiers_older_than_a_week_are_removed(consulent):
    from datetime import timedelta

    from dossier.services import BEWAARDAGEN, dossiers_opruimen

    traject = TrajectFactory(lopend=True, kandidaat__consulent=consulent)
    aanvraag = met_commit(dossier_aanvragen, traject=traject, door=consulent)
    aanvraag.refresh_from_db()
    opslag, pad = aanvraag.bestand.storage, aanvraag.bestand.name
    dag_ervoor = timezone.now() + timedelta(days=BEWAARDAGEN - 1)
    assert met_commit(dossiers_opruimen, nu=dag_ervoor) == 0
    assert opslag.exists(pad)
    assert met_commit(dossiers_opruimen, nu=dag_ervoor + timedelta(days=2)) == 1
    assert not Dossieraanvraag.objects.exists()
    assert not opslag.exists(pad)


def test_the_jobcoach_of_the_traject_may_make_it(app, consulent, jobcoach):
    traject = TrajectFactory(
        lopend=True, kandidaat__consulent=consulent, jobcoach=jobcoach
    )
    pagina = app.get(traject.get_absolute_url(), user=jobcoach)
    verzenden(pagina, actie=aanvragen_url(traject), status=302)
    assert Dossieraanvraag.objects.get().aangevraagd_door == jobcoach


def test_another_region_is_404(app, consulent):
    traject = TrajectFactory(lopend=True, kandidaat__consulent=consulent)
    aanvraag = met_commit(dossier_aanvragen, traject=traject, door=consulent)
    elders = medewerker_met_rol(
        Rol.CONSULENT, organisatie=OrganisatieFactory(regios=[regio("AM01")])
    )
    posten(app, aanvragen_url(traject), {}, user=elders, status=404)
    app.get(reverse("dossier:status", args=[aanvraag.pk]), user=elders, status=404)
    app.get(reverse("dossier:download", args=[aanvraag.pk]), user=elders, status=404)
    assert Dossieraanvraag.objects.get() == aanvraag
    assert not LogEntry.objects.filter(
        additional_data__via="financieringsdossier"
    ).exists()


@pytest.mark.parametrize("wie", ["collega", "mbo", "coordinator"])
def test_who_is_not_the_case_manager_gets_no_button_and_a_403(app, consulent, wie):
    traject = TrajectFactory(lopend=True, kandidaat__consulent=consulent)
    aanvraag = met_commit(dossier_aanvragen, traject=traject, door=consulent)
    if wie == "collega":  # same organisation, may see the traject
        user = medewerker_met_rol(Rol.CONSULENT, organisatie=consulent.organisatie)
    elif wie == "mbo":
        user = medewerker_met_rol(
            Rol.MBO_MEDEWERKER, organisatie=traject.mbo_instelling
        )
    else:
        user = medewerker_met_rol(
            Rol.REGIOCOORDINATOR, organisatie=consulent.organisatie
        )
    pagina = app.get(traject.get_absolute_url(), user=user)
    assert aanvragen_url(traject) not in pagina
    assert "Financieringsdossier" not in pagina
    posten(app, aanvragen_url(traject), {}, user=user, status=403)
    app.get(reverse("dossier:status", args=[aanvraag.pk]), user=user, status=403)
    app.get(reverse("dossier:download", args=[aanvraag.pk]), user=user, status=403)
    assert list(Dossieraanvraag.objects.all()) == [aanvraag]


@pytest.mark.worker
def test_a_real_worker_makes_the_dossier(celery_worker, consulent):
    traject = TrajectFactory(lopend=True, kandidaat__consulent=consulent)
    aanvraag = dossier_aanvragen(traject=traject, door=consulent)  # committed
    eind = time.monotonic() + 60
    while time.monotonic() < eind:
        aanvraag.refresh_from_db()
        if aanvraag.status in (DossierStatus.KLAAR, DossierStatus.FOUT):
            break
        time.sleep(0.3)
    assert aanvraag.status == DossierStatus.KLAAR
    assert "01-voorblad.pdf" in zip_van(aanvraag.bestand.read()).namelist()


def test_anonymising_the_candidate_removes_the_zip(app, consulent):
    from bewaartermijnen.services import kandidaat_anonimiseren

    traject = TrajectFactory(lopend=True, kandidaat__consulent=consulent)
    aanvraag = met_commit(dossier_aanvragen, traject=traject, door=consulent)
    aanvraag.refresh_from_db()
    opslag, pad = aanvraag.bestand.storage, aanvraag.bestand.name
    met_commit(
        kandidaat_anonimiseren,
        kandidaat=traject.kandidaat,
        door=consulent,
        reden="Verzoek.",
    )
    assert not opslag.exists(pad)
    app.get(reverse("dossier:download", args=[aanvraag.pk]), user=consulent, status=404)


def test_a_failing_build_says_so_and_a_new_click_may_try_again(
    app, consulent, monkeypatch
):
    from dossier import inhoud

    def kapot(traject):
        raise RuntimeError("weasyprint crashed")

    monkeypatch.setattr(inhoud, "dossier_zip", kapot)
    traject = TrajectFactory(lopend=True, kandidaat__consulent=consulent)
    aanvraag = met_commit(dossier_aanvragen, traject=traject, door=consulent)
    aanvraag.refresh_from_db()
    assert aanvraag.status == DossierStatus.FOUT
    assert not aanvraag.bestand
    pagina = app.get(traject.get_absolute_url(), user=consulent)
    assert "Het dossier kon niet worden gemaakt. Probeer het opnieuw." in pagina
    sectie = pagina.html.find(id="dossier")
    assert sectie.find(attrs={"hx-trigger": True}) is None  # no polling any more
    monkeypatch.undo()
    with TestCase.captureOnCommitCallbacks(execute=True):
        verzenden(pagina, actie=aanvragen_url(traject), status=302)
    assert Dossieraanvraag.objects.get().status == DossierStatus.KLAAR
