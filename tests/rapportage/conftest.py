import pytest

from tests.rapportage.gegevens import gegevens_maken


@pytest.fixture
def gegevens(consulent, jobcoach):
    """The hand-counted dataset of gegevens.py."""
    return gegevens_maken(consulent=consulent, jobcoach=jobcoach)


def tabel_tekst(tabel) -> dict:
    """{row label: [cell texts]} plus "Totaal" (whatever the total row is called)."""
    rijen = {rij.label: [c.tekst for c in rij.cellen] for rij in tabel.rijen}
    if tabel.totaal:
        rijen["Totaal"] = [c.tekst for c in tabel.totaal.cellen]
    return rijen
