"""A small real PDF for the demo's paper-signed copies.

In real use the copy is a scan of the signed paper. The demo has no scans, so it writes
a one-page PDF that says what was signed, by whom and when. Written by hand (a few
hundred bytes with the PDF's standard Helvetica) instead of with WeasyPrint: the demo
has well over a hundred signatures and seeding stays fast.
"""

from datetime import date

from django.utils.formats import date_format


def _tekst(regel: str) -> bytes:
    """`regel` as a PDF string literal in WinAnsiEncoding (cp1252)."""
    ruw = regel.encode("cp1252", errors="replace")
    return (
        b"("
        + ruw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        + b")"
    )


def pdf_met_tekst(titel: str, regels: list[str]) -> bytes:
    """A one-page A4 PDF with a bold `titel` and the `regels` below it."""
    inhoud = [
        b"BT /F1 18 Tf 16 TL 56 770 Td",
        _tekst(titel) + b" Tj",
        b"/F2 11 Tf T* T*",
    ]
    inhoud += [_tekst(r) + b" Tj T*" for r in regels]
    inhoud.append(b"ET")
    stroom = b"\n".join(inhoud)
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stroom) + stroom + b"\nendstream",
    ]
    pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    posities = []
    for nummer, obj in enumerate(objecten, start=1):
        posities.append(len(pdf))
        pdf += b"%d 0 obj\n" % nummer + obj + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % p for p in posities)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objecten) + 1,
        xref,
    )
    return bytes(pdf)


def op_papier_getekend_pdf(
    *, overeenkomst: str, kandidaat: str, partij: str, naam: str, datum: date
) -> bytes:
    """The demo copy of one party's signature on paper."""
    return pdf_met_tekst(
        "Op papier getekend",
        [
            f"Overeenkomst: {overeenkomst}",
            f"Kandidaat: {kandidaat}",
            f"Partij: {partij}",
            f"Getekend door: {naam}",
            f"Datum: {date_format(datum, 'j F Y')}",
            "",
            "Voorbeeld uit de demo van het PLPV-portaal. In het echt staat hier de scan",
            "van de getekende overeenkomst.",
        ],
    )
