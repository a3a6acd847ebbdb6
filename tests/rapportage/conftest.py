import pytest

from rapportage import feiten, signalen
from tests.rapportage.gegevens import gegevens_maken


@pytest.fixture(autouse=True)
def feiten_direct(monkeypatch):
    """The dashboards read the fact tables, which a task updates after the commit
    of each change. A test never commits, so here the update runs at once, in the
    test's transaction, as if each change had committed and its task had run."""
    monkeypatch.setattr(signalen, "inplannen", feiten.bijwerken)


@pytest.fixture
def gegevens(consulent, jobcoach):
    """The hand-counted dataset of gegevens.py, with its facts rebuilt (it dates
    the advices with a bulk update, which sends no signal)."""
    uitkomst = gegevens_maken(consulent=consulent, jobcoach=jobcoach)
    feiten.herbouwen()
    return uitkomst


def tabel_tekst(tabel) -> dict:
    """{row label: [cell texts]} plus "Totaal" (whatever the total row is called)."""
    rijen = {rij.label: [c.tekst for c in rij.cellen] for rij in tabel.rijen}
    if tabel.totaal:
        rijen["Totaal"] = [c.tekst for c in tabel.totaal.cellen]
    return rijen
