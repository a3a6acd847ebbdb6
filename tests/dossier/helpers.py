"""A traject with everything a funding dossier holds, and ZIP helpers."""

import io
import zipfile
from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from tests.factories.trajecten import FinancieringFactory
from tests.factories.voortgang import (
    AanwezigheidFactory,
    GesprekActieFactory,
    VoortgangsgesprekFactory,
)
from tests.pdf import pdftekst_pad
from trajecten.constants import Regeling
from verklaringen.constants import ObservatieSoort
from verklaringen.models import Observatie
from voortgang.constants import AfwezigheidReden, GesprekPartij
from voortgang.models import AanwezigheidCorrectie, GesprekOndertekening
from voortgang.weken import maandag


def volledig_traject(consulent):
    """A started traject with signed agreements, two confirmed weeks (one with
    absence and a correction), a signed meeting with an action, and an observation."""
    from tests.trajecten.test_traject import alles_tekenen, genereren, gestart

    traject = gestart(consulent)
    genereren(traject, consulent)
    alles_tekenen(traject, consulent)
    FinancieringFactory(traject=traject, regeling=Regeling.PERSPECTIEF_OP_WERK)
    plaatsing = traject.plaatsingen.get()
    eerste = maandag(plaatsing.startdatum)
    AanwezigheidFactory(plaatsing=plaatsing, week=eerste, bevestigd_door=consulent)
    tweede = AanwezigheidFactory(
        plaatsing=plaatsing,
        week=eerste + timedelta(weeks=1),
        gepland_uren=24,
        gewerkt_uren=16,
        afwezigheid_reden=AfwezigheidReden.ZIEK,
        bevestigd_door=consulent,
    )
    AanwezigheidCorrectie.objects.create(
        aanwezigheid=tweede,
        oud_uren=8,
        nieuw_uren=16,
        reden="Na belletje met het bedrijf",
        door=consulent,
        op=timezone.now(),
    )
    gesprek = VoortgangsgesprekFactory(
        traject=traject,
        vastgelegd_door=consulent,
        goed_ging="Werkt zelfstandig aan de naaimachine",
        afspraken="Vaker vragen stellen",
    )
    GesprekActieFactory(gesprek=gesprek, omschrijving="Rooster afstemmen")
    GesprekOndertekening.objects.create(
        gesprek=gesprek,
        partij=GesprekPartij.CONSULENT,
        door=consulent,
        getekend_op=timezone.localdate(),
        vastgelegd_op=timezone.now(),
    )
    Observatie.objects.create(
        traject=traject,
        datum=timezone.localdate(),
        soort=ObservatieSoort.NULMETING,
        door=consulent,
    )
    return traject


def met_commit(functie, *args, **kwargs):
    """Run `functie` and then its on-commit hooks (the eager task) as on commit."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return functie(*args, **kwargs)


def zip_van(inhoud: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(inhoud))


def pdf_in_zip(z: zipfile.ZipFile, naam: str, tmp_path) -> str:
    pad = tmp_path / naam.replace("/", "_")
    pad.write_bytes(z.read(naam))
    return pdftekst_pad(pad)
