"""A candidate with something in every place personal data can end up: contact
moments, advice, two trajecten (agreements with a PDF and a signed paper copy; an
issued praktijkverklaring with its PDF), outcome and follow-up, audit entries."""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone

from core.crypto import versleutel
from kandidaten.models import Kandidaat
from tests.factories.kandidaten import ContactmomentFactory
from tests.factories.uitkomsten import UitkomstFactory, VervolgmetingFactory
from tests.trajecten.test_advies import antwoorden
from tests.trajecten.test_traject import gestart, tekenen
from tests.verklaringen.test_verklaring_views import uitgereikt
from trajecten.constants import AdviesUitkomst, PdfStatus, TrajectStatus
from trajecten.models import OvereenkomstVersie, Traject
from trajecten.services import advies_vastleggen, overeenkomsten_genereren

VOORNAAM, ACHTERNAAM = "Halima", "Haddou"  # gestart() names the candidate so
EMAIL = "halima.haddou@voorbeeld.nl"
TELEFOON = "0687654321"
BSN = "111222333"


@dataclass
class Dossier:
    kandidaat: Kandidaat
    bestanden: list[str]

    @property
    def zoektermen(self) -> list[str]:
        return [VOORNAAM, ACHTERNAAM, EMAIL, TELEFOON, BSN]


def dossier_maken(consulent, mbo_medewerker) -> Dossier:
    traject = gestart(consulent)
    kandidaat = traject.kandidaat
    # Saved as a form would: the audit trail holds these values in its diff.
    kandidaat.email, kandidaat.telefoon = EMAIL, TELEFOON
    kandidaat.bsn_versleuteld = versleutel(BSN)
    kandidaat.wens_beroep = f"Naaister, zegt {VOORNAAM}"
    kandidaat.save()
    ContactmomentFactory(
        kandidaat=kandidaat,
        door=consulent,
        samenvatting=f"{VOORNAAM} {ACHTERNAAM} belde: bereikbaar op {TELEFOON}.",
        volgende_actie=f"Mail naar {EMAIL}",
        volgende_actie_op=timezone.localdate(),
    )
    advies_vastleggen(
        kandidaat=kandidaat,
        door=consulent,
        mbo_medewerker=mbo_medewerker,
        antwoorden=antwoorden(),
        besluit=AdviesUitkomst.PRAKTIJKVERKLARING,
        motivatie=f"{VOORNAAM} leert het best in de praktijk.",
    )

    overeenkomsten_genereren(traject=traject, door=consulent)  # no PDF task run
    versie = OvereenkomstVersie.objects.filter(overeenkomst__traject=traject).first()
    versie.pdf.save("overeenkomst.pdf", ContentFile(b"%PDF-1.4 proef"))
    versie.pdf_status = PdfStatus.KLAAR
    versie.save(update_fields=["pdf", "pdf_status"])
    ondertekening = tekenen(
        versie,
        versie.overeenkomst.partijen[0],
        consulent,
        naam=f"{VOORNAAM} {ACHTERNAAM}",
    )

    verklaring, _opleider, _mbo = uitgereikt(kandidaat=kandidaat)
    verklaring.pdf.save("verklaring.pdf", ContentFile(b"%PDF-1.4 proef"))

    # Both trajecten ended, with an outcome and a follow-up.
    vandaag = timezone.localdate()
    for t in (traject, verklaring.traject):
        Traject.objects.filter(pk=t.pk).update(
            status=TrajectStatus.AFGESLOTEN, einddatum=vandaag
        )
        t.refresh_from_db()
        UitkomstFactory(
            traject=t,
            door=consulent,
            toelichting=f"{VOORNAAM} werkt nu bij het atelier.",
        )
        VervolgmetingFactory(
            traject=t,
            gemeten=True,
            door=consulent,
            toelichting=f"Gebeld met {VOORNAAM} op {TELEFOON}.",
        )
    return Dossier(
        kandidaat=Kandidaat.objects.get(pk=kandidaat.pk),
        bestanden=[versie.pdf.name, ondertekening.bestand.name, verklaring.pdf.name],
    )
