"""The three agreements of a traject: generated from its data, signed per party.

`overeenkomsten_genereren` snapshots the traject's data per agreement. When the data
differs from the newest version, a new version is made (old versions and their
signatures stay); the PDF is rendered by a Celery task queued after commit. If the
broker cannot be reached, the version is marked 'kon niet starten' and can be retried
(a beat task also retries versions that stay waiting). Signing is recorded per party on
the newest version; the traject can only move on when every party signed every agreement.
"""

import hashlib
import json
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from core.datums import datum_tekst
from core.pdf import (
    PdfDocument,
    pdf_in_wachtrij,
    pdf_opnieuw_in_wachtrij,
    pdf_opslaan,
)
from core.validators import validate_pdf
from kandidaten.constants import GebeurtenisSoort
from kandidaten.services import gebeurtenis_vastleggen
from meldingen.services import melding_versturen
from trajecten.constants import (
    PARTIJEN,
    Ondertekenwijze,
    OvereenkomstSoort,
    Partij,
    PdfStatus,
)
from trajecten.models import Ondertekening, Overeenkomst, OvereenkomstVersie, Traject
from trajecten.regels import mag_in_portaal_tekenen, mag_op_papier_toevoegen
from trajecten.selectors import traject_team

MAX_UPLOAD = 5 * 1024 * 1024


def overeenkomst_gegevens(*, traject: Traject) -> dict:
    """Everything the agreements show, as plain data (the snapshot of a version)."""
    kandidaat = traject.kandidaat
    plaatsingen = list(
        traject.plaatsingen.select_related(
            "leerbedrijf__organisatie", "vestiging", "praktijkopleider"
        ).order_by("startdatum", "pk")
    )
    return {
        "kandidaat": {
            "naam": str(kandidaat),
            "geboortedatum": datum_tekst(kandidaat.geboortedatum),
            "woonplaats": f"{kandidaat.postcode} {kandidaat.woonplaats}",
        },
        "verwijzer": {
            "naam": kandidaat.organisatie.naam,
            "consulent": str(traject.consulent),
        },
        "mbo": {
            "naam": traject.mbo_instelling.naam,
            "brin": traject.mbo_instelling.brin_code,
        },
        "kwalificatie": {
            "naam": traject.kwalificatie.naam,
            "crebo": traject.kwalificatie.crebo,
            "niveau": traject.kwalificatie.niveau,
        },
        "werkprocessen": [
            {"code": w.code, "titel": w.titel}
            for w in traject.werkprocessen.order_by("kerntaak__code", "code")
        ],
        "plaatsingen": [
            {
                "leerbedrijf": str(p.leerbedrijf),
                "kvk": p.leerbedrijf.organisatie.kvk_nummer,
                "adres": str(p.vestiging) if p.vestiging else "",
                "praktijkopleider": p.praktijkopleider.naam,
                "fase": p.get_routefase_display(),
                "van": datum_tekst(p.startdatum),
                "tot": datum_tekst(p.einddatum),
            }
            for p in plaatsingen
        ],
        "startdatum": datum_tekst(traject.startdatum),
        "einddatum": datum_tekst(traject.geplande_einddatum),
        "uren_per_week": traject.uren_per_week,
        "plaatsingstype": traject.get_plaatsingstype_display(),
        "baancreatie": traject.get_baancreatie_display(),
    }


def _vingerafdruk(soort: str, gegevens: dict) -> str:
    tekst = json.dumps({"soort": soort, **gegevens}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(tekst.encode()).hexdigest()


def versie_verouderd(*, versie: OvereenkomstVersie, soort: str, gegevens: dict) -> bool:
    """Whether the traject's data (`overeenkomst_gegevens`) no longer match what this
    version says: then it needs a new version, and that version new signatures."""
    return versie.vingerafdruk != _vingerafdruk(soort, gegevens)


def verouderde_overeenkomsten(*, traject: Traject) -> list[str]:
    """The soorten whose newest version no longer matches the traject's data, in the
    order of OvereenkomstSoort. An agreement without a version is not listed: its
    first version will hold the current data."""
    gegevens = overeenkomst_gegevens(traject=traject)
    laatste = _laatste_versies(traject)
    return [
        soort
        for soort in OvereenkomstSoort.values
        if laatste.get(soort)
        and versie_verouderd(versie=laatste[soort], soort=soort, gegevens=gegevens)
    ]


# By name: the task calls `pdf_maken` below, so this module does not import it.
PDF_TAAK = "trajecten.tasks.overeenkomst_pdf_maken"


@transaction.atomic
def overeenkomsten_genereren(*, traject: Traject, door) -> list[OvereenkomstVersie]:
    """Make a new version of each agreement whose data changed, and queue its PDF.

    An unchanged agreement keeps its version (and signatures); one whose PDF could not
    be started is queued again.
    """
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    traject.moet_actief_zijn()
    gegevens = overeenkomst_gegevens(traject=traject)
    versies = []
    for overeenkomst in traject.overeenkomsten.all():
        vingerafdruk = _vingerafdruk(overeenkomst.soort, gegevens)
        laatste = overeenkomst.versies.order_by("-nummer").first()
        if laatste and laatste.vingerafdruk == vingerafdruk:
            if pdf_opnieuw_in_wachtrij(PDF_TAAK, OvereenkomstVersie, laatste.pk):
                laatste.refresh_from_db(fields=["pdf_status", "updated_at"])
            versies.append(laatste)
            continue
        versie = OvereenkomstVersie.objects.create(
            overeenkomst=overeenkomst,
            nummer=(laatste.nummer + 1) if laatste else 1,
            gegevens=gegevens,
            vingerafdruk=vingerafdruk,
            aangevraagd_door=door,
        )
        pdf_in_wachtrij(PDF_TAAK, OvereenkomstVersie, versie.pk)
        versies.append(versie)
    return versies


def _document(versie: OvereenkomstVersie) -> PdfDocument:
    soort = versie.overeenkomst.soort
    return PdfDocument(
        sjabloon="pdf/overeenkomst.html",
        context={
            "soort": soort,
            "titel": OvereenkomstSoort(soort).label,
            "voettekst": f"{OvereenkomstSoort(soort).label} · versie {versie.nummer}",
            "versie": versie,
            "g": versie.gegevens,
            "partijen": [Partij(p).label for p in PARTIJEN[soort]],
            "gemaakt_op": timezone.localtime(),
        },
        bestandsnaam=f"{soort}-v{versie.nummer}.pdf",
    )


def pdf_maken(*, versie_id: int) -> OvereenkomstVersie:
    """Render and store the PDF of one version; a no-op when it is already there
    (`core.pdf.pdf_opslaan`: under the row's lock, file and status together)."""
    return pdf_opslaan(
        OvereenkomstVersie.objects.select_related("overeenkomst"), versie_id, _document
    )


def _laatste_versies(traject: Traject) -> dict[str, OvereenkomstVersie | None]:
    # A fresh query, not the related manager: the traject page prefetches the
    # agreements already (another Prefetch of 'versies' would clash).
    overeenkomsten = Overeenkomst.objects.filter(traject=traject).prefetch_related(
        Prefetch(
            "versies",
            OvereenkomstVersie.objects.prefetch_related("ondertekeningen").order_by(
                "-nummer"
            ),
        )
    )
    return {o.soort: next(iter(o.versies.all()), None) for o in overeenkomsten}


@dataclass(frozen=True)
class Ontbrekend:
    """One thing missing before the work may start: an agreement not made (or out of
    date, `verouderd`) when `partij` is empty, else one party's signature."""

    soort: str
    partij: str = ""
    verouderd: bool = False

    def tekst(self) -> str:
        label = OvereenkomstSoort(self.soort).label
        if self.partij:
            return _("%(ovk)s: handtekening van %(partij)s ontbreekt") % {
                "ovk": label,
                "partij": Partij(self.partij).label,
            }
        if self.verouderd:
            return (
                _(
                    "%s: de gegevens van het traject zijn veranderd; maak een nieuwe versie"
                )
                % label
            )
        return _("%s is nog niet gemaakt") % label


def ontbrekend(*, traject: Traject) -> list[Ontbrekend]:
    """What is still missing before the traject may start, in the agreements' order."""
    uit = []
    laatste = _laatste_versies(traject)
    gegevens = overeenkomst_gegevens(traject=traject)
    for soort in OvereenkomstSoort.values:
        versie = laatste.get(soort)
        if versie is None or versie.pdf_status != PdfStatus.KLAAR:
            uit.append(Ontbrekend(soort))
            continue
        if versie_verouderd(versie=versie, soort=soort, gegevens=gegevens):
            uit.append(Ontbrekend(soort, verouderd=True))
            continue
        getekend = {o.partij for o in versie.ondertekeningen.all()}
        uit += [Ontbrekend(soort, p) for p in PARTIJEN[soort] if p not in getekend]
    return uit


def ontbrekende_handtekeningen(*, traject: Traject) -> list[str]:
    """What is still missing before the traject may start, in Dutch; [] when complete."""
    return [o.tekst() for o in ontbrekend(traject=traject)]


@transaction.atomic
def ondertekening_vastleggen(
    *,
    versie: OvereenkomstVersie,
    partij: str,
    door,
    naam: str,
    rol: str,
    datum,
    wijze: str,
    bestand=None,
) -> Ondertekening:
    """Record one party's signature on the newest version of an agreement.

    Locks the traject first (as generating does), so a signature never lands on a
    version that is being replaced. A party accepts in the portal itself; a paper
    signature (PDF upload) is recorded by the case managers: the referring
    organisation or the mbo-instelling.
    """
    traject_id = OvereenkomstVersie.objects.values_list(
        "overeenkomst__traject_id", flat=True
    ).get(pk=versie.pk)
    traject = (
        Traject.objects.select_for_update(of=("self",))
        .select_related("kandidaat")
        .get(pk=traject_id)
    )
    traject.moet_actief_zijn()
    versie = OvereenkomstVersie.objects.select_related("overeenkomst").get(pk=versie.pk)
    overeenkomst = versie.overeenkomst
    nieuwste = overeenkomst.versies.aggregate(n=Max("nummer"))["n"]
    if versie.nummer != nieuwste:
        raise ValidationError(
            _("Er is een nieuwere versie van deze overeenkomst. Teken die.")
        )
    if versie.pdf_status != PdfStatus.KLAAR:
        raise ValidationError(_("De overeenkomst is nog niet klaar om te tekenen."))
    if partij not in PARTIJEN[overeenkomst.soort]:
        raise ValidationError(
            {"partij": _("Deze partij hoeft deze overeenkomst niet te tekenen.")}
        )
    if versie.ondertekeningen.filter(partij=partij).exists():
        raise ValidationError({"partij": _("Deze partij heeft al getekend.")})
    if datum > timezone.localdate():
        raise ValidationError(
            {"datum": _("De datum van tekenen kan niet in de toekomst liggen.")}
        )
    if wijze == Ondertekenwijze.PAPIER:
        if not mag_op_papier_toevoegen(traject=traject, door=door):
            raise ValidationError(
                {
                    "wijze": _(
                        "Een getekende PDF voegt de consulent of de mbo-instelling toe. "
                        "Geef zelf akkoord in het portaal."
                    )
                }
            )
        if not bestand:
            raise ValidationError(
                {"bestand": _("Voeg de getekende overeenkomst toe als PDF.")}
            )
        if bestand.size > MAX_UPLOAD:
            raise ValidationError(
                {
                    "bestand": _(
                        "Alleen een PDF-bestand van maximaal 5 MB kan worden toegevoegd."
                    )
                }
            )
        # A real PDF without scripts, actions or attached files (not only "%PDF-").
        try:
            validate_pdf(bestand)
        except ValidationError as exc:
            raise ValidationError({"bestand": exc.messages}) from exc
    else:
        bestand = None  # accepting in the portal needs no file, and keeps none
        if not mag_in_portaal_tekenen(partij=partij, traject=traject, door=door):
            # Said to the person who reads it: one who may add the paper copy herself
            # is not told to ask the consulent.
            anders = (
                _("Voeg anders de op papier getekende PDF toe.")
                if mag_op_papier_toevoegen(traject=traject, door=door)
                else _("Laat de consulent anders de op papier getekende PDF toevoegen.")
            )
            raise ValidationError(
                {
                    "wijze": _(
                        "Alleen iemand van deze partij kan in het portaal akkoord geven."
                    )
                    + " "
                    + anders
                }
            )
    # The file is written by save(), after validation: a refused signature leaves none.
    ondertekening = Ondertekening(
        versie=versie,
        partij=partij,
        naam=naam,
        rol=rol,
        datum=datum,
        wijze=wijze,
        vastgelegd_door=door,
        bestand=bestand or "",
    )
    ondertekening.full_clean()
    ondertekening.save()
    gebeurtenis_vastleggen(
        kandidaat=traject.kandidaat,
        soort=GebeurtenisSoort.TRAJECT,
        titel=_("%(ovk)s getekend door %(partij)s (%(naam)s)")
        % {
            "ovk": overeenkomst.get_soort_display(),
            "partij": Partij(partij).label,
            "naam": naam,
        },
        door=door,
    )
    melding_versturen(
        ontvangers=traject_team(traject),
        oorzaak=f"ondertekend:{versie.pk}:{partij}",
        titel=_("Er is een overeenkomst getekend"),
        tekst=_("%(ovk)s van %(kandidaat)s is getekend door %(partij)s.")
        % {
            "ovk": overeenkomst.get_soort_display(),
            "kandidaat": traject.kandidaat,
            "partij": Partij(partij).label,
        },
        url=traject.get_absolute_url(),
        actor=door,
    )
    return ondertekening
