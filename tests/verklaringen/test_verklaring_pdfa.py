"""Archival PDFs (core.pdf): the praktijkverklaring and the agreements are PDF/A-3b and
tagged; the verklaring carries its verifiable credential as embedded files."""

import json

import pytest
from pypdf import PdfReader

from tests.factories.verklaringen import goedgekeurd_traject
from trajecten.models import OvereenkomstVersie
from verklaringen import credential as vc
from verklaringen.services import verklaring_uitreiken

pytestmark = pytest.mark.django_db
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PDFAID = "http://www.aiim.org/pdfa/ns/id/"


def pdfa_identificatie(reader: PdfReader) -> tuple[str, str]:
    """pdfaid:part and pdfaid:conformance from the XMP metadata (attributes of an
    rdf:Description or its child elements, both are valid XMP)."""
    xmp = reader.xmp_metadata
    assert xmp is not None, "no XMP metadata"
    gevonden = {}
    for beschrijving in xmp.rdf_root.getElementsByTagNameNS(RDF, "Description"):
        for veld in ("part", "conformance"):
            if beschrijving.hasAttributeNS(PDFAID, veld):
                gevonden[veld] = beschrijving.getAttributeNS(PDFAID, veld)
            for element in beschrijving.getElementsByTagNameNS(PDFAID, veld):
                gevonden[veld] = element.firstChild.data
    return gevonden.get("part"), gevonden.get("conformance")


def is_tagged(reader: PdfReader) -> bool:
    catalogus = reader.trailer["/Root"]
    return "/StructTreeRoot" in catalogus and bool(
        catalogus.get("/MarkInfo", {}).get("/Marked")
    )


def test_the_verklaring_pdf_is_pdfa_3b_tagged_with_the_credential_attached(
    django_capture_on_commit_callbacks,
):
    traject, _opleider, mbo = goedgekeurd_traject()
    with django_capture_on_commit_callbacks(execute=True):
        v = verklaring_uitreiken(
            traject=traject,
            door=mbo,
            verificatie_basis="https://plpv.example.nl",
            plaats="Zwolle",
        )
    v.refresh_from_db()
    reader = PdfReader(v.pdf.path)

    assert pdfa_identificatie(reader) == ("3", "B")
    assert is_tagged(reader)
    bijlagen = reader.attachments
    naam = f"praktijkverklaring-{v.nummer}"
    assert set(bijlagen) == {f"{naam}.jwt", f"{naam}.json"}
    assert bijlagen[f"{naam}.jwt"][0].decode() == v.credential
    assert json.loads(bijlagen[f"{naam}.json"][0]) == vc.inhoud(v.credential)


def test_the_agreement_pdf_is_pdfa_3b(consulent):
    from tests.trajecten.test_traject import genereren, gestart

    traject = gestart(consulent)
    genereren(traject, consulent)
    versie = OvereenkomstVersie.objects.filter(overeenkomst__traject=traject).first()
    reader = PdfReader(versie.pdf.path)

    assert pdfa_identificatie(reader) == ("3", "B")
    assert is_tagged(reader)
