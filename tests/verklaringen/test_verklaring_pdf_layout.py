"""The praktijkverklaring PDF's layout: the QR code and its address stay with the
closing text on the last page, also with two leerbedrijven and many werkprocessen."""

import subprocess

import pytest

from kwalificaties.models import Werkproces
from tests.factories.leerbedrijven import kwalificatie
from tests.factories.trajecten import PlaatsingFactory
from tests.factories.verklaringen import goedgekeurd_traject
from verklaringen.services import verklaring_uitreiken

pytestmark = pytest.mark.django_db


def pagina_teksten(pad) -> list[str]:
    """The text of every page of the PDF at `pad` (pdfinfo counts, pdftotext reads)."""
    info = subprocess.run(
        ["pdfinfo", str(pad)], capture_output=True, text=True, check=True
    ).stdout
    aantal = int(
        next(r for r in info.splitlines() if r.startswith("Pages:")).split()[1]
    )
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(pad), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, aantal + 1)
    ]


def vijftien_werkprocessen() -> list[Werkproces]:
    """Fifteen werkprocessen with realistic titles under one kerntaak of the sample
    catalog's kwalificatie (zero-padded codes, so code order is numeric order)."""
    kerntaak = kwalificatie().kerntaken.first()
    return [
        Werkproces.objects.create(
            kerntaak=kerntaak,
            code=f"T1-K9-W{n:02}",
            titel=f"Voert werkzaamheden uit volgens planning en werkinstructies, deel {n}",
        )
        for n in range(1, 16)
    ]


@pytest.mark.parametrize("leerbedrijven", [1, 2])
@pytest.mark.parametrize("veel_werkprocessen", [False, True])
def test_qr_code_and_address_stay_with_the_text_on_the_last_page(
    leerbedrijven, veel_werkprocessen, django_capture_on_commit_callbacks
):
    extra = {"werkprocessen": vijftien_werkprocessen()} if veel_werkprocessen else {}
    traject, _opleider, mbo = goedgekeurd_traject(**extra)
    for _ in range(leerbedrijven - 1):
        PlaatsingFactory(traject=traject)
    laatste = traject.werkprocessen.order_by("code").last()

    with django_capture_on_commit_callbacks(execute=True):
        v = verklaring_uitreiken(
            traject=traject,
            door=mbo,
            verificatie_basis="https://plpv.example.nl",
            plaats="Zwolle",
        )
    v.refresh_from_db()
    paginas = pagina_teksten(v.pdf.path)

    if veel_werkprocessen:
        assert v.werkprocessen.count() == 15
        assert len(paginas) == 2
    slot = paginas[-1]
    assert f"/verificatie/{v.code}/" in slot.replace("\n", "")
    assert "Scan de QR-code" in slot
    assert laatste.code in slot
    assert "Handtekeningen" in slot
    assert "Plaats en datum" in slot
    for plaatsing in traject.plaatsingen.all():
        assert plaatsing.praktijkopleider.naam in "".join(paginas)
    # No page without content of its own: the QR code alone on a page would leave
    # only the footer as text there.
    for nummer, tekst in enumerate(paginas, start=1):
        voettekst = (
            f"Praktijkverklaring {v.nummer} · pagina {nummer} van {len(paginas)}"
        )
        assert voettekst in tekst
        assert tekst.replace(voettekst, "").strip(), f"page {nummer} holds no text"
    assert "Scan de QR-code" not in "".join(paginas[:-1])
