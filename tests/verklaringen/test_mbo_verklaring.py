"""The mbo-verklaring as a whole: issuing (numbers, parts, PDF), revoking (the shared
status list), its pages and its public verification."""

import threading

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

import pytest
from pypdf import PdfReader

from core.pdf import PdfStatus
from tests.factories.organisaties import OrganisatieFactory
from tests.factories.verklaringen import (
    VERIFICATIE_BASIS,
    certificaat,
    mbo_uitreiken,
    met_praktijkverklaring,
    onderdelen,
)
from tests.formulieren import posten, verzenden
from tests.pdf import pdftekst
from tests.verklaringen.test_verklaring_pdfa import is_tagged, pdfa_identificatie
from verklaringen import credential as vc
from verklaringen.models import MboNummerreeks, MboVerklaring, Praktijkverklaring
from verklaringen.services import mbo_verklaring_intrekken, verklaring_intrekken

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lege_cache")]


# --- services ---
def test_issuing_numbers_per_instelling_and_takes_a_status_index():
    mbo_a = OrganisatieFactory(mbo=True, brin_code="25PZ")
    jaar = timezone.localdate().year
    nummers = []
    for _ in range(2):
        traject, mbo, p = met_praktijkverklaring(mbo_instelling=mbo_a)
        nummers.append(mbo_uitreiken(traject, mbo, [p]))
    assert [m.nummer for m in nummers] == [
        f"25PZ-MV-{jaar}-0001",
        f"25PZ-MV-{jaar}-0002",
    ]
    assert MboNummerreeks.objects.get(mbo_instelling=mbo_a, jaar=jaar).laatste == 2
    m = nummers[0]
    assert m.verificatie_url == f"{VERIFICATIE_BASIS}/verificatie/{m.code}/"
    # The shared status list: no index is used twice, by either kind of verklaring.
    indexen = [
        (v.statuslijst_id, v.status_index) for v in Praktijkverklaring.objects.all()
    ]
    indexen += [(v.statuslijst_id, v.status_index) for v in MboVerklaring.objects.all()]
    assert len(set(indexen)) == len(indexen) == 4


@pytest.mark.django_db(transaction=True)
def test_concurrent_issuing_gives_unique_gapless_numbers():
    mbo_org = OrganisatieFactory(mbo=True, brin_code="30RR")
    rijen = [met_praktijkverklaring(mbo_instelling=mbo_org) for _ in range(5)]
    start = threading.Barrier(len(rijen))
    nummers, fouten = [], []

    def reik_uit(traject, mw, p):
        try:
            start.wait()
            nummers.append(mbo_uitreiken(traject, mw, [p]).volgnummer)
        except Exception as exc:  # noqa: BLE001 — reported below
            fouten.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=reik_uit, args=rij) for rij in rijen]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert not fouten
    assert sorted(nummers) == [1, 2, 3, 4, 5]


def test_refuses_bad_parts_and_other_roles_and_saves_nothing():
    traject, mbo, p = met_praktijkverklaring()
    ander, ander_mbo, ander_p = met_praktijkverklaring()
    with pytest.raises(ValidationError, match="minstens één"):
        mbo_uitreiken(traject, mbo, [])
    with pytest.raises(ValidationError, match="geldige praktijkverklaringen"):
        mbo_uitreiken(traject, mbo, [ander_p])
    with pytest.raises(ValidationError, match="bewijzen van dit traject"):
        mbo_uitreiken(traject, mbo, [p], [certificaat(ander, ander_mbo)])
    with pytest.raises(PermissionDenied):
        mbo_uitreiken(traject, ander_mbo, [p])
    with pytest.raises(PermissionDenied):
        mbo_uitreiken(traject, traject.consulent, [p])
    verklaring_intrekken(verklaring=p, door=mbo, reden="Fout.")
    with pytest.raises(ValidationError, match="geldige praktijkverklaringen"):
        mbo_uitreiken(traject, mbo, [p])
    assert not MboVerklaring.objects.exists()


def test_revoking_needs_a_reason_and_sets_the_status_bit():
    traject, mbo, p = met_praktijkverklaring()
    m = mbo_uitreiken(traject, mbo, [p])
    assert not vc.ingetrokken(m)
    with pytest.raises(ValidationError):
        mbo_verklaring_intrekken(verklaring=m, door=mbo, reden="  ")
    m.refresh_from_db()
    assert not m.is_ingetrokken

    mbo_verklaring_intrekken(verklaring=m, door=mbo, reden="Verkeerde persoon.")
    m.refresh_from_db()
    assert m.is_ingetrokken
    assert m.intrekking_reden == "Verkeerde persoon."
    assert vc.ingetrokken(m)
    p.refresh_from_db()
    assert not vc.ingetrokken(p)  # its own bit, not the praktijkverklaring's
    with pytest.raises(ValidationError, match="al ingetrokken"):
        mbo_verklaring_intrekken(verklaring=m, door=mbo, reden="Nog eens.")


def test_the_pdf_lists_the_parts(django_capture_on_commit_callbacks):
    traject, mbo, p = met_praktijkverklaring()
    gv, bewijzen = onderdelen(traject, mbo)
    with django_capture_on_commit_callbacks(execute=True):
        m = mbo_uitreiken(traject, mbo, [p], bewijzen)
    m.refresh_from_db()

    assert m.pdf_status == PdfStatus.KLAAR
    tekst = " ".join(pdftekst(m).split())
    assert f"Praktijkverklaring {p.nummer}" in tekst
    assert "Certificaat werknemersvaardigheden" in tekst
    assert gv.tekst in tekst
    assert "Nederlands 2F: voldoende" in tekst
    assert m.nummer in tekst
    reader = PdfReader(m.pdf.path)
    assert pdfa_identificatie(reader) == ("3", "B")
    assert is_tagged(reader)


# --- pages ---
def test_the_mbo_issues_it_through_the_page_and_the_public_page_shows_the_parts(app):
    traject, mbo, p = met_praktijkverklaring()
    cert = certificaat(traject, mbo)
    voortgang = app.get(reverse("verklaringen:voortgang", args=[traject.pk]), user=mbo)
    pagina = voortgang.click("Mbo-verklaring uitreiken")

    antwoord = verzenden(
        pagina, praktijkverklaringen=[p.pk], bewijzen=[cert.pk], status=302
    )

    m = MboVerklaring.objects.get()
    assert antwoord["Location"] == m.get_absolute_url()
    assert list(m.bewijzen.all()) == [cert]
    detail = antwoord.follow()
    assert f"Praktijkverklaring {p.nummer}" in detail

    publiek = app.get(reverse("verificatie", args=[m.code]))
    assert "Geldig." in publiek
    assert m.nummer in publiek
    assert f"Praktijkverklaring {p.nummer}" in publiek
    assert "Certificaat werknemersvaardigheden: Werkbedrijf Oost" in publiek
    assert traject.kandidaat.voornaam not in publiek.text


def test_issuing_without_a_praktijkverklaring_comes_back_with_a_dutch_error(app):
    traject, mbo, _p = met_praktijkverklaring()
    pagina = app.get(
        reverse("verklaringen:mbo_verklaring_uitreiken", args=[traject.pk]), user=mbo
    )
    antwoord = verzenden(pagina, praktijkverklaringen=[], status=200)
    assert "praktijkverklaringen" in antwoord.context["form"].errors
    assert "Kies minstens één praktijkverklaring." in antwoord.text
    assert not MboVerklaring.objects.exists()


def test_revoking_through_the_page_shows_revoked_on_the_public_page(app):
    traject, mbo, p = met_praktijkverklaring()
    m = mbo_uitreiken(traject, mbo, [p])
    detail = app.get(m.get_absolute_url(), user=mbo)
    verzenden(
        detail,
        actie=reverse("verklaringen:mbo_verklaring_intrekken", args=[m.pk]),
        reden="Verkeerde persoon.",
        status=302,
    )
    m.refresh_from_db()
    assert m.intrekking_reden == "Verkeerde persoon."
    publiek = app.get(reverse("verificatie", args=[m.code]))
    assert "Ingetrokken." in publiek
    assert "Geldig." not in publiek


def test_other_instelling_and_scope(app):
    traject, mbo, p = met_praktijkverklaring()
    m = mbo_uitreiken(traject, mbo, [p])
    _ander, ander_mbo, _ap = met_praktijkverklaring()
    app.get(m.get_absolute_url(), user=ander_mbo, status=404)
    app.get(
        reverse("verklaringen:mbo_verklaring_pdf", args=[m.pk]),
        user=ander_mbo,
        status=404,
    )
    posten(
        app,
        reverse("verklaringen:mbo_verklaring_intrekken", args=[m.pk]),
        {"reden": "x"},
        user=ander_mbo,
        status=404,
    )
    app.get(
        reverse("verklaringen:mbo_verklaring_uitreiken", args=[traject.pk]),
        user=ander_mbo,
        status=404,
    )
    # The consulent sees it, but may not issue or revoke.
    app.get(m.get_absolute_url(), user=traject.consulent)
    app.get(
        reverse("verklaringen:mbo_verklaring_uitreiken", args=[traject.pk]),
        user=traject.consulent,
        status=403,
    )
    m.refresh_from_db()
    assert not m.is_ingetrokken
    assert MboVerklaring.objects.count() == 1


def test_an_unknown_code_stays_not_found(app):
    antwoord = app.get(reverse("verificatie", args=["x" * 24]), status=404)
    assert "Controle van een mbo-verklaring" not in antwoord
