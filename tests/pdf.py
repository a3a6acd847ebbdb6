import subprocess


def pdftekst(obj) -> str:
    """The text of `obj.pdf`, extracted by poppler's pdftotext."""
    return subprocess.run(
        ["pdftotext", obj.pdf.path, "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
