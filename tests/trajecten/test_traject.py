import datetime
import threading

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from core.workflow import TransitionNotAllowed
from kandidaten.constants import Fase
from organisaties.constants import Rol
from tests.factories.kandidaten import KandidaatFactory
from tests.factories.leerbedrijven import (
    ContactpersoonFactory,
    LeerbedrijfFactory,
    werkprocessen,
)
from tests.factories.organisaties import OrganisatieFactory, medewerker_met_rol
from tests.factories.trajecten import (
    FinancieringFactory,
    PlaatsingFactory,
    TrajectFactory,
)
from tests.formulieren import posten
from tests.pdf import pdftekst, schone_pdf
from trajecten.constants import Ondertekenwijze, Partij, PdfStatus, TrajectStatus
from trajecten.models import Overeenkomst, OvereenkomstVersie, Plaatsing, Traject
from trajecten.services import (
    Beoordelingsstand,
    ondertekening_vastleggen,
    ontbrekende_handtekeningen,
    overeenkomsten_genereren,
    plaatsing_toevoegen,
    traject_starten,
    traject_status_wijzigen,
)

pytestmark = pytest.mark.django_db
PDF = schone_pdf()


def gestart(consulent, **kwargs):
    """A traject started through the service, with its first placement and agreements."""
    kandidaat = KandidaatFactory(
        consulent=consulent, voornaam="Halima", achternaam="Haddou"
    )
    lb = LeerbedrijfFactory(organisatie__naam="Confectieatelier Naadloos")
    opleider = ContactpersoonFactory(leerbedrijf=lb, naam="Ria Draad")
    kwargs.setdefault("mbo_instelling", OrganisatieFactory(mbo=True))
    kwargs.setdefault("zonder_advies_reden", "De plek kon niet wachten.")
    traject = TrajectFactory.build(kandidaat=kandidaat, consulent=consulent, **kwargs)
    return traject_starten(
        traject=traject,
        werkprocessen=werkprocessen(),
        plaatsing=Plaatsing(
            leerbedrijf=lb,
            praktijkopleider=opleider,
            startdatum=traject.startdatum,
            einddatum=traject.geplande_einddatum,
        ),
        door=consulent,
    )


GEEN = object()


def tekenen(
    versie, partij, door, *, wijze=Ondertekenwijze.PAPIER, bestand=GEEN, naam="x"
):
    """Record one signature; a paper one gets a small valid PDF unless `bestand` is given."""
    if bestand is GEEN:
        bestand = (
            SimpleUploadedFile("getekend.pdf", PDF, "application/pdf")
            if wijze == Ondertekenwijze.PAPIER
            else None
        )
    return ondertekening_vastleggen(
        versie=versie,
        partij=partij,
        door=door,
        naam=naam,
        rol="rol",
        datum=timezone.localdate(),
        wijze=wijze,
        bestand=bestand,
    )


def genereren(traject, door):
    """Generate the agreements and run the queued PDF tasks (eager) as on commit."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return overeenkomsten_genereren(traject=traject, door=door)


def alles_tekenen(traject, door):
    """Paper signatures of every party that has not signed yet."""
    for overeenkomst in Overeenkomst.objects.filter(traject=traject):
        versie = overeenkomst.versies.order_by("-nummer").first()
        getekend = set(versie.ondertekeningen.values_list("partij", flat=True))
        for partij in set(versie.overeenkomst.partijen) - getekend:
            tekenen(versie, partij, door, naam=f"Naam {partij}")


def test_traject_starten_makes_placement_agreements_history_and_moves_the_candidate(
    consulent,
):
    traject = gestart(consulent)
    assert traject.status == TrajectStatus.PLAATSING_VOORBEREID
    assert traject.plaatsingen.count() == 1
    assert Overeenkomst.objects.filter(traject=traject).count() == 3
    assert traject.statuswijzigingen.get().naar == TrajectStatus.PLAATSING_VOORBEREID
    traject.kandidaat.refresh_from_db()
    assert traject.kandidaat.fase == Fase.GEPLAATST
    assert traject.kandidaat.gebeurtenissen.filter(soort="traject").exists()


def test_generated_pdfs_hold_candidate_leerbedrijf_kwalificatie_and_werkprocessen(
    consulent,
):
    traject = gestart(consulent)
    versies = genereren(traject, consulent)

    assert len(versies) == 3
    for versie in OvereenkomstVersie.objects.filter(overeenkomst__traject=traject):
        assert versie.pdf_status == PdfStatus.KLAAR
        tekst = pdftekst(versie)
        assert "Halima Haddou" in tekst
        assert "Confectieatelier Naadloos" in tekst
        assert "Entree" in tekst
        for w in werkprocessen():
            assert w.code in tekst
            assert w.titel in " ".join(tekst.split())
    praktijk = OvereenkomstVersie.objects.get(overeenkomst__soort="praktijk")
    assert "Ria Draad" in pdftekst(praktijk)
    assert "Begeleiding en beoordeling" in pdftekst(praktijk)


def test_same_data_keeps_the_version_changed_data_makes_a_new_one(consulent):
    traject = gestart(consulent)
    genereren(traject, consulent)
    genereren(traject, consulent)
    assert OvereenkomstVersie.objects.count() == 3

    Traject.objects.filter(pk=traject.pk).update(uren_per_week=32)
    genereren(traject, consulent)
    assert OvereenkomstVersie.objects.count() == 6
    assert set(OvereenkomstVersie.objects.values_list("nummer", flat=True)) == {1, 2}


def test_pdf_task_twice_leaves_one_file_and_one_version(consulent, settings):
    from pathlib import Path

    from trajecten.tasks import overeenkomst_pdf_maken

    traject = gestart(consulent)
    overeenkomsten_genereren(traject=traject, door=consulent)  # queued, not yet run
    versie = OvereenkomstVersie.objects.get(overeenkomst__soort="praktijk")
    assert versie.pdf_status == PdfStatus.WACHTRIJ
    map_ = Path(settings.MEDIA_ROOT) / "overeenkomsten" / str(traject.pk)
    voor = set(map_.glob("praktijk-*")) if map_.exists() else set()

    eerste = overeenkomst_pdf_maken.run(versie.pk)
    tweede = overeenkomst_pdf_maken.run(versie.pk)

    assert eerste == tweede
    assert len(set(map_.glob("praktijk-*")) - voor) == 1
    assert (
        OvereenkomstVersie.objects.filter(overeenkomst=versie.overeenkomst).count() == 1
    )


def test_lopend_only_when_every_party_signed_every_agreement(consulent):
    traject = gestart(consulent)
    with pytest.raises(TransitionNotAllowed, match="nog niet gemaakt"):
        traject_status_wijzigen(
            traject=traject, naar=TrajectStatus.OVEREENKOMSTEN_GETEKEND, door=consulent
        )
    genereren(traject, consulent)
    assert len(ontbrekende_handtekeningen(traject=traject)) == 8
    alles_tekenen(traject, consulent)
    assert ontbrekende_handtekeningen(traject=traject) == []

    traject_status_wijzigen(
        traject=traject, naar=TrajectStatus.OVEREENKOMSTEN_GETEKEND, door=consulent
    )
    traject = traject_status_wijzigen(
        traject=traject, naar=TrajectStatus.LOPEND, door=consulent
    )
    assert traject.status == TrajectStatus.LOPEND
    traject.kandidaat.refresh_from_db()
    assert traject.kandidaat.fase == Fase.LOPEND
    assert [w.naar for w in traject.statuswijzigingen.order_by("pk")] == [
        "plaatsing_voorbereid",
        "overeenkomsten_getekend",
        "lopend",
    ]


@pytest.mark.parametrize(
    ("status", "naar"),
    [
        (TrajectStatus.PLAATSING_VOORBEREID, TrajectStatus.LOPEND),
        (TrajectStatus.LOPEND, TrajectStatus.AFGESLOTEN),
        (TrajectStatus.AFGESLOTEN, TrajectStatus.LOPEND),
        (TrajectStatus.UITGEVALLEN, TrajectStatus.PLAATSING_VOORBEREID),
        (TrajectStatus.NAZORG, TrajectStatus.UITGEVALLEN),
    ],
)
def test_forbidden_moves_are_refused_in_dutch_and_change_nothing(
    consulent, status, naar
):
    traject = TrajectFactory(
        kandidaat__consulent=consulent,
        status=status,
        einddatum=timezone.localdate(),
        uitval_reden="motivatie",
    )
    with pytest.raises(TransitionNotAllowed, match="kan een traject niet naar"):
        traject_status_wijzigen(traject=traject, naar=naar, door=consulent)
    traject.refresh_from_db()
    assert traject.status == status
    assert not traject.statuswijzigingen.exists()


def test_uitvallen_needs_a_reason_and_closes_the_traject(consulent):
    traject = TrajectFactory(kandidaat__consulent=consulent, lopend=True)
    with pytest.raises(TransitionNotAllowed, match="reden van uitval"):
        traject_status_wijzigen(
            traject=traject, naar=TrajectStatus.UITGEVALLEN, door=consulent
        )
    traject = traject_status_wijzigen(
        traject=traject,
        naar=TrajectStatus.UITGEVALLEN,
        door=consulent,
        uitval_reden="gezondheid",
    )
    assert traject.einddatum == timezone.localdate()
    traject.kandidaat.refresh_from_db()
    assert traject.kandidaat.fase == Fase.UITGEVALLEN


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_transitions_one_wins_history_consistent(consulent):
    traject = TrajectFactory(kandidaat__consulent=consulent, beoordeeld=True)
    uitkomsten = []
    start = threading.Barrier(2)

    def verplaats(naar):
        start.wait()
        try:
            traject_status_wijzigen(
                traject=traject,
                naar=naar,
                door=consulent,
                uitval_reden="anders",
                beoordeling=Beoordelingsstand(TrajectStatus.VERKLARING_UITGEREIKT),
            )
            uitkomsten.append(("ok", naar))
        except TransitionNotAllowed as exc:
            uitkomsten.append(("fout", str(exc)))
        finally:
            connections.close_all()

    draden = [
        threading.Thread(target=verplaats, args=(n,))
        for n in (TrajectStatus.VERKLARING_UITGEREIKT, TrajectStatus.UITGEVALLEN)
    ]
    for d in draden:
        d.start()
    for d in draden:
        d.join()

    assert sorted(u[0] for u in uitkomsten) == ["fout", "ok"]
    traject.refresh_from_db()
    winnaar = next(u[1] for u in uitkomsten if u[0] == "ok")
    assert traject.status == winnaar
    assert list(traject.statuswijzigingen.values_list("naar", flat=True)) == [winnaar]


def test_placement_outside_the_traject_period_is_refused(consulent):
    traject = gestart(consulent)
    lb = LeerbedrijfFactory()
    opleider = ContactpersoonFactory(leerbedrijf=lb)
    with pytest.raises(ValidationError) as exc:
        plaatsing_toevoegen(
            traject=traject,
            door=consulent,
            plaatsing=Plaatsing(
                leerbedrijf=lb,
                praktijkopleider=opleider,
                startdatum=traject.startdatum - datetime.timedelta(days=10),
                einddatum=traject.startdatum + datetime.timedelta(days=10),
            ),
        )
    assert "binnen de periode van het traject" in str(exc.value)
    assert traject.plaatsingen.count() == 1


@pytest.mark.parametrize(
    ("bestand", "fout"),
    [
        (
            SimpleUploadedFile("x.pdf", b"geen pdf", "application/pdf"),
            "geen geldig PDF-bestand",
        ),
        (
            SimpleUploadedFile(
                "x.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), "application/pdf"
            ),
            "maximaal 5 MB",
        ),
        (None, "Voeg de getekende overeenkomst toe"),
    ],
)
def test_paper_signature_needs_a_small_real_pdf(consulent, bestand, fout):
    traject = gestart(consulent)
    genereren(traject, consulent)
    versie = OvereenkomstVersie.objects.get(overeenkomst__soort="opleiding")
    with pytest.raises(ValidationError, match=fout):
        tekenen(versie, Partij.KANDIDAAT, consulent, bestand=bestand, naam="Halima")
    assert not versie.ondertekeningen.exists()


def test_only_a_party_itself_accepts_in_the_portal(consulent, mbo_medewerker):
    traject = gestart(consulent, mbo_instelling=mbo_medewerker.organisatie)
    genereren(traject, consulent)
    versie = OvereenkomstVersie.objects.get(overeenkomst__soort="opleiding")
    with pytest.raises(ValidationError, match="Alleen iemand van deze partij") as fout:
        tekenen(versie, Partij.MBO, consulent, wijze=Ondertekenwijze.PORTAAL)
    # The consulent may add the paper copy herself: she is not told to ask herself.
    assert "Voeg anders de op papier getekende PDF toe." in str(fout.value)
    assert "Laat de consulent" not in str(fout.value)
    tekenen(
        versie, Partij.MBO, mbo_medewerker, wijze=Ondertekenwijze.PORTAAL, naam="Sanne"
    )
    assert versie.ondertekeningen.get().partij == Partij.MBO


def test_praktijkopleider_sees_only_trajecten_placed_at_his_company(client, consulent):
    opleider = medewerker_met_rol(Rol.PRAKTIJKOPLEIDER)
    eigen = PlaatsingFactory(traject__kandidaat__consulent=consulent)
    eigen.praktijkopleider.account = opleider
    eigen.praktijkopleider.save()
    ander = PlaatsingFactory(traject__kandidaat__consulent=consulent)
    client.force_login(opleider)
    assert client.get(eigen.traject.get_absolute_url()).status_code == 200
    assert client.get(ander.traject.get_absolute_url()).status_code == 404
    assert client.get(eigen.traject.kandidaat.get_absolute_url()).status_code == 200
    assert client.get(ander.traject.kandidaat.get_absolute_url()).status_code == 404


def test_traject_of_another_organisation_or_region_is_404(app, consulent):
    traject = TrajectFactory(kandidaat__consulent=consulent)
    status = traject.status
    hans = medewerker_met_rol(Rol.CONSULENT, organisatie=OrganisatieFactory(uwv=True))
    for url in [
        traject.get_absolute_url(),
        reverse("trajecten:overeenkomsten_paneel", args=[traject.pk]),
        reverse("trajecten:plaatsing_create", args=[traject.pk]),
    ]:
        app.get(url, user=hans, status=404)
    posten(
        app,
        reverse("trajecten:traject_status", args=[traject.pk]),
        {"naar": "uitgevallen", "uitval_reden": "anders"},
        user=hans,
        status=404,
    )
    traject.refresh_from_db()
    assert traject.status == status


def test_list_and_detail_query_counts_do_not_grow(client, consulent):
    client.force_login(consulent)

    def maak(n):
        for _ in range(n):
            t = gestart_simpel(consulent)
            FinancieringFactory(traject=t)

    def gestart_simpel(c):
        p = PlaatsingFactory(traject__kandidaat__consulent=c)
        PlaatsingFactory(traject=p.traject)
        return p.traject

    maak(3)
    lijst = reverse("trajecten:traject_list")
    client.get(lijst)
    with CaptureQueriesContext(connection) as drie:
        client.get(lijst)
    maak(27)
    with CaptureQueriesContext(connection) as dertig:
        assert len(client.get(lijst).context["object_list"]) == 30
    assert len(dertig) == len(drie)

    t = gestart(consulent)
    genereren(t, consulent)
    FinancieringFactory(traject=t)
    client.get(t.get_absolute_url())
    with CaptureQueriesContext(connection) as weinig:
        client.get(t.get_absolute_url())
    for _ in range(3):
        PlaatsingFactory(traject=t)
        FinancieringFactory(traject=t)
    genereren(t, consulent)  # the data changed: second versions
    alles_tekenen(t, consulent)
    traject_status_wijzigen(
        traject=t, naar=TrajectStatus.OVEREENKOMSTEN_GETEKEND, door=consulent
    )
    with CaptureQueriesContext(connection) as veel:
        client.get(t.get_absolute_url())
    assert len(veel) == len(weinig)


def test_scheme_maximum_duration_warns_on_the_detail_page(client, consulent):
    traject = TrajectFactory(
        kandidaat__consulent=consulent,
        geplande_einddatum=timezone.localdate() + datetime.timedelta(days=365),
    )
    FinancieringFactory(traject=traject, regeling="crisis")
    client.force_login(consulent)
    html = client.get(traject.get_absolute_url()).content.decode()
    assert "betaalt hoogstens 9 maanden" in html


def test_team_is_notified_of_signatures_and_moves_but_never_the_actor(
    consulent, mbo_medewerker
):
    from meldingen.models import Melding

    traject = gestart(consulent, mbo_instelling=mbo_medewerker.organisatie)
    genereren(traject, consulent)
    versie = OvereenkomstVersie.objects.get(overeenkomst__soort="opleiding")
    tekenen(
        versie, Partij.MBO, mbo_medewerker, wijze=Ondertekenwijze.PORTAAL, naam="Sanne"
    )
    assert (
        Melding.objects.filter(
            ontvanger=consulent, oorzaak__startswith="ondertekend"
        ).count()
        == 1
    )
    alles_tekenen(
        traject, consulent
    )  # the consulent signs the rest: no notes to herself
    assert Melding.objects.filter(ontvanger=consulent).count() == 1
    jobcoach = medewerker_met_rol(Rol.JOBCOACH)
    Traject.objects.filter(pk=traject.pk).update(jobcoach=jobcoach)
    traject_status_wijzigen(
        traject=traject, naar=TrajectStatus.OVEREENKOMSTEN_GETEKEND, door=consulent
    )
    assert Melding.objects.filter(ontvanger=consulent).count() == 1
    assert Melding.objects.get(ontvanger=jobcoach).titel.endswith(
        "Overeenkomsten getekend"
    )


def test_changed_data_after_signing_blocks_the_start_until_a_new_version(consulent):
    traject = gestart(consulent)
    genereren(traject, consulent)
    alles_tekenen(traject, consulent)
    Traject.objects.filter(pk=traject.pk).update(uren_per_week=16)
    with pytest.raises(
        TransitionNotAllowed, match="gegevens van het traject zijn veranderd"
    ):
        traject_status_wijzigen(
            traject=traject, naar=TrajectStatus.OVEREENKOMSTEN_GETEKEND, door=consulent
        )


def test_portal_acceptance_keeps_no_file(consulent, mbo_medewerker):
    traject = gestart(consulent, mbo_instelling=mbo_medewerker.organisatie)
    genereren(traject, consulent)
    versie = OvereenkomstVersie.objects.get(overeenkomst__soort="opleiding")
    ondertekening = tekenen(
        versie,
        Partij.MBO,
        mbo_medewerker,
        wijze=Ondertekenwijze.PORTAAL,
        bestand=SimpleUploadedFile("x.pdf", b"<script>", "application/pdf"),
        naam="Sanne",
    )
    assert not ondertekening.bestand


def test_praktijkopleider_cannot_upload_another_partys_paper_signature(consulent):
    opleider = medewerker_met_rol(Rol.PRAKTIJKOPLEIDER)
    traject = gestart(consulent)

    genereren(traject, consulent)
    versie = OvereenkomstVersie.objects.get(overeenkomst__soort="plaatsing")
    with pytest.raises(ValidationError, match="consulent of de mbo-instelling"):
        tekenen(versie, Partij.VERWIJZER, opleider)


def test_a_closed_traject_cannot_change_anymore(consulent):
    traject = gestart(consulent)
    genereren(traject, consulent)
    traject_status_wijzigen(
        traject=traject,
        naar=TrajectStatus.UITGEVALLEN,
        door=consulent,
        uitval_reden="prive",
    )
    versie = OvereenkomstVersie.objects.get(overeenkomst__soort="opleiding")
    with pytest.raises(ValidationError, match="uitgevallen"):
        tekenen(versie, Partij.KANDIDAAT, consulent)
    with pytest.raises(ValidationError, match="uitgevallen"):
        overeenkomsten_genereren(traject=traject, door=consulent)


def test_a_candidate_has_one_active_traject_at_a_time(consulent):
    traject = gestart(consulent)
    tweede = TrajectFactory.build(
        kandidaat=traject.kandidaat,
        consulent=consulent,
        mbo_instelling=traject.mbo_instelling,
    )
    eerste_plaatsing = traject.plaatsingen.get()
    with pytest.raises(ValidationError, match="heeft al een traject dat loopt"):
        traject_starten(
            traject=tweede,
            werkprocessen=werkprocessen(),
            door=consulent,
            plaatsing=Plaatsing(
                leerbedrijf=eerste_plaatsing.leerbedrijf,
                praktijkopleider=eerste_plaatsing.praktijkopleider,
                startdatum=tweede.startdatum,
                einddatum=tweede.geplande_einddatum,
            ),
        )
    assert Traject.objects.count() == 1


def test_praktijkopleider_sees_the_placement_not_the_dossier(client, consulent):
    from tests.factories.kandidaten import ContactmomentFactory

    opleider = medewerker_met_rol(Rol.PRAKTIJKOPLEIDER)
    plaatsing = PlaatsingFactory(traject__kandidaat__consulent=consulent)
    plaatsing.praktijkopleider.account = opleider
    plaatsing.praktijkopleider.save()
    kandidaat = plaatsing.traject.kandidaat
    ContactmomentFactory(kandidaat=kandidaat, samenvatting="Schuldhulp besproken")
    client.force_login(opleider)
    html = client.get(kandidaat.get_absolute_url()).content.decode()
    assert str(kandidaat) in html
    assert "Schuldhulp besproken" not in html
    assert "Uitkering" not in html
    assert client.get(reverse("kandidaten:kandidaat_list")).status_code == 403


def test_signed_copy_is_served_only_in_scope_and_audited(client, consulent):
    from auditlog.models import LogEntry

    from trajecten.models import Ondertekening

    traject = gestart(consulent)
    genereren(traject, consulent)
    alles_tekenen(traject, consulent)
    ondertekening = Ondertekening.objects.first()
    url = reverse("trajecten:ondertekening_bestand", args=[ondertekening.pk])
    hans = medewerker_met_rol(Rol.CONSULENT, organisatie=OrganisatieFactory(uwv=True))
    client.force_login(hans)
    assert client.get(url).status_code == 404
    client.force_login(consulent)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Disposition"].startswith("attachment")
    assert (
        LogEntry.objects.get_for_object(ondertekening).filter(actor=consulent).exists()
    )


def test_assessment_steps_are_not_for_the_status_form(client, consulent):
    traject = TrajectFactory(kandidaat__consulent=consulent, lopend=True)
    with pytest.raises(TransitionNotAllowed, match="hoort bij de beoordeling"):
        traject_status_wijzigen(
            traject=traject, naar=TrajectStatus.BEOORDEELD, door=consulent
        )
    client.force_login(consulent)
    form = client.get(traject.get_absolute_url()).context["status_form"]
    assert [c for c, _ in form.fields["naar"].choices] == [TrajectStatus.UITGEVALLEN]
