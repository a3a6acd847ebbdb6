import subprocess


def pdftekst_pad(pad) -> str:
    """The text of the PDF at `pad`, extracted by poppler's pdftotext."""
    return subprocess.run(
        ["pdftotext", str(pad), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdftekst(obj) -> str:
    """The text of `obj.pdf`."""
    return pdftekst_pad(obj.pdf.path)
