import subprocess


def pdftekst_pad(pad) -> str:
    """The text of the PDF at `pad`, extracted by poppler's pdftotext."""
    return subprocess.run(
        ["pdftotext", str(pad), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdftekst(obj) -> str:
    """The text of `obj.pdf`."""
    return pdftekst_pad(obj.pdf.path)


def schone_pdf(titel: str = "Getekende overeenkomst") -> bytes:
    """A small real PDF without scripts or actions (the demo's hand-written one)."""
    from plpv_portal.demo.papier import pdf_met_tekst

    return pdf_met_tekst(titel, ["Getekend op papier."])


def pdf_met(*, javascript=False, open_action=False, bijlage=False) -> bytes:
    """A clean PDF made hostile with pypdf: a script in the names tree, a JavaScript
    /OpenAction, or an embedded file."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        NameObject,
        TextStringObject,
    )

    def script(code):
        return DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject(code),
            }
        )

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(schone_pdf())))
    if javascript:  # a document-level script in the names tree
        namen = DictionaryObject(
            {
                NameObject("/Names"): ArrayObject(
                    [TextStringObject("a"), writer._add_object(script("app.alert(1)"))]
                )
            }
        )
        writer._root_object[NameObject("/Names")] = DictionaryObject(
            {NameObject("/JavaScript"): writer._add_object(namen)}
        )
    if open_action:
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(
            script("app.alert('open');")
        )
    if bijlage:
        writer.add_attachment("virus.exe", b"MZ...")
    uit = io.BytesIO()
    writer.write(uit)
    return uit.getvalue()
