"""Import of kandidaten from a spreadsheet (issue 7).

A row is a candidate, recognised by voornaam + achternaam + geboortedatum within the
importing organisation: a known candidate is an update (consulent and region stay as
they are), another one is a new intake for the consulent and region chosen on the
upload form. Every row passes the model validation (full_clean) the intake form uses;
`importeren` saves all rows through the intake and update services in one
transaction, or none, and puts "Geïmporteerd uit <bestand>" on each timeline.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.spreadsheet import (
    BIJWERKEN,
    FOUT,
    NIEUW,
    Kolom,
    Rijresultaat,
    Tabel,
    Voorbeeld,
    fouten_per_kolom,
    lees_datum,
    lees_ja_nee,
    lees_keuze,
)
from core.validators import normaliseer_postcode
from organisaties.constants import OrganisatieType
from organisaties.models import Arbeidsmarktregio, Medewerker

from .constants import Bron, GebeurtenisSoort, Opleiding, Startkwalificatie, Uitkering
from .models import Kandidaat
from .services import gebeurtenis_vastleggen, kandidaat_intake, kandidaat_update

KENMERKEN = [
    "arbeidsbeperking",
    "statushouder",
    "laaggeletterd",
    "voortijdig_schoolverlater",
    "pro_vso",
]
KEUZES = {
    "uitkering": Uitkering.choices,
    "hoogste_opleiding": Opleiding.choices,
    "startkwalificatie": Startkwalificatie.choices,
    "bron": Bron.choices,
}
TEKST = [
    "voornaam",
    "achternaam",
    "postcode",
    "woonplaats",
    "email",
    "telefoon",
    "startkwalificatie_motivatie",
    "wens_sector",
    "wens_beroep",
]
DATUMS = "dd-mm-jjjj, jjjj-mm-dd of een datumcel in Excel."


def _keuzes_uitleg(choices) -> str:
    return "Een van: " + ", ".join(str(label) for _c, label in choices)


KOLOMMEN = [
    Kolom("voornaam", True, "Halima"),
    Kolom("achternaam", True, "El Amrani"),
    Kolom("geboortedatum", True, "12-04-2003", DATUMS),
    Kolom("postcode", True, "7511 AB"),
    Kolom("woonplaats", True, "Enschede", "De gemeente waar de kandidaat woont."),
    Kolom("email", False, "halima@example.org"),
    Kolom("telefoon", False, "0612345678"),
    Kolom(
        "uitkering",
        True,
        "Participatiewet (bijstand)",
        _keuzes_uitleg(Uitkering.choices),
    ),
    Kolom(
        "hoogste_opleiding",
        True,
        "Opleiding in het buitenland",
        _keuzes_uitleg(Opleiding.choices),
    ),
    Kolom(
        "startkwalificatie",
        True,
        "Geen startkwalificatie",
        _keuzes_uitleg(Startkwalificatie.choices),
    ),
    Kolom(
        "startkwalificatie_motivatie",
        False,
        "",
        "Verplicht als de kandidaat al een startkwalificatie heeft.",
    ),
    Kolom("toestemming_op", True, "01-03-2026", "Datum van toestemming. " + DATUMS),
    Kolom(
        "bron",
        False,
        "Gemeente",
        "Leeg = jouw soort organisatie. " + _keuzes_uitleg(Bron.choices),
    ),
    *[Kolom(k, False, "nee", "ja of nee") for k in KENMERKEN],
    Kolom("wens_sector", False, "Textiel"),
    Kolom("wens_beroep", False, "Naaister"),
]
_STANDAARD_BRON = {
    OrganisatieType.GEMEENTE: Bron.GEMEENTE,
    OrganisatieType.UWV: Bron.UWV,
}
# Chosen on the upload form or set by the intake service, not in the file.
_NIET_UIT_BESTAND = [
    "regio",
    "organisatie",
    "consulent",
    "jobcoach",
    "toestemming_door",
]


def _sleutel(voornaam: str, achternaam: str, geboortedatum) -> tuple:
    return (voornaam.strip().lower(), achternaam.strip().lower(), geboortedatum)


def _waarden(resultaat: Rijresultaat, cellen: dict, bron: str) -> dict:
    """The model field values of one row; a cell that cannot be read is an error."""
    waarden = {k: cellen.get(k, "").strip() for k in TEKST}
    waarden["postcode"] = normaliseer_postcode(waarden["postcode"])
    for kolom in ("geboortedatum", "toestemming_op"):
        try:
            waarden[kolom] = lees_datum(cellen.get(kolom, ""))
        except ValidationError as exc:
            resultaat.fout(kolom, exc.messages[0])
    for kolom, choices in KEUZES.items():
        try:
            waarden[kolom] = lees_keuze(
                cellen.get(kolom, ""), choices, verplicht=kolom != "bron"
            )
        except ValidationError as exc:
            resultaat.fout(kolom, exc.messages[0])
    waarden["bron"] = waarden.get("bron") or bron
    for kolom in KENMERKEN:
        try:
            waarden[kolom] = lees_ja_nee(cellen.get(kolom, ""))
        except ValidationError as exc:
            resultaat.fout(kolom, exc.messages[0])
    return waarden


def preview(*, tabel: Tabel, user: Medewerker) -> Voorbeeld:
    """Validate every row: nieuw, bijwerken or fout, with a Dutch error per cell."""
    organisatie = user.organisatie
    bron = _STANDAARD_BRON.get(getattr(organisatie, "type", ""), Bron.ANDERS)
    rijen: list[Rijresultaat] = []
    per_rij = []
    for nummer, cellen in tabel.rijen:
        resultaat = Rijresultaat(
            rij=nummer,
            omschrijving=f"{cellen.get('voornaam', '')} {cellen.get('achternaam', '')}",
        )
        rijen.append(resultaat)
        per_rij.append((resultaat, _waarden(resultaat, cellen, bron)))

    # The known candidates of the organisation with these birth dates, in one query.
    datums = {w.get("geboortedatum") for _r, w in per_rij} - {None}
    bestaand: dict[tuple, list[Kandidaat]] = {}
    for k in Kandidaat.objects.filter(
        organisatie=organisatie, geboortedatum__in=datums
    ):
        bestaand.setdefault(
            _sleutel(k.voornaam, k.achternaam, k.geboortedatum), []
        ).append(k)

    gezien: dict[tuple, int] = {}
    for resultaat, waarden in per_rij:
        sleutel = _sleutel(
            waarden["voornaam"], waarden["achternaam"], waarden.get("geboortedatum")
        )
        if sleutel in gezien:
            resultaat.fout(
                "voornaam",
                _("Deze kandidaat staat al in rij %(rij)d van dit bestand.")
                % {"rij": gezien[sleutel]},
            )
            continue
        gezien[sleutel] = resultaat.rij
        treffers = bestaand.get(sleutel, [])
        if len(treffers) > 1:
            resultaat.fout(
                "voornaam",
                _(
                    "Er zijn al meer kandidaten met deze naam en geboortedatum. "
                    "Pas deze kandidaat met de hand aan."
                ),
            )
            continue
        if treffers:
            kandidaat = treffers[0]
            resultaat.actie, resultaat.bestaand = BIJWERKEN, kandidaat
            if resultaat.fouten:
                resultaat.actie = FOUT
            # A column the file does not have leaves that field as it is.
            waarden = {k: v for k, v in waarden.items() if k in tabel.kolommen}
        else:
            kandidaat = Kandidaat()
        for veld, waarde in waarden.items():
            setattr(kandidaat, veld, waarde)
        try:
            # The same model rules as the intake form: postcode, dates not in the
            # future, e-mail, choices, the startkwalificatie motivation.
            kandidaat.full_clean(
                exclude=_NIET_UIT_BESTAND + [k for k, _b in resultaat.fouten]
            )
        except ValidationError as exc:
            fouten_per_kolom(
                resultaat, exc, kolommen={"__all__": "startkwalificatie_motivatie"}
            )
        resultaat.waarden = waarden
    return Voorbeeld(rijen=rijen)


@transaction.atomic
def importeren(
    *,
    tabel: Tabel,
    door: Medewerker,
    consulent: Medewerker,
    regio: Arbeidsmarktregio,
    bestandsnaam: str,
) -> Voorbeeld:
    """Validate again and register or update every row; ValidationError (nothing
    saved) when any row has an error now. Each candidate gets a timeline entry."""
    voorbeeld = preview(tabel=tabel, user=door)
    if voorbeeld.heeft_fouten:
        raise ValidationError(voorbeeld.foutmeldingen())
    for rij in voorbeeld.rijen:
        if rij.actie == NIEUW:
            kandidaat = kandidaat_intake(
                kandidaat=Kandidaat(regio=regio, consulent=consulent, **rij.waarden),
                door=door,
            )
        else:
            kandidaat = Kandidaat.objects.get(pk=rij.bestaand.pk)
            gewijzigd = [
                veld
                for veld, waarde in rij.waarden.items()
                if getattr(kandidaat, veld) != waarde
            ]
            for veld in gewijzigd:
                setattr(kandidaat, veld, rij.waarden[veld])
            kandidaat_update(
                kandidaat=kandidaat,
                door=door,
                versie=kandidaat.versie,
                gewijzigd=gewijzigd,
            )
        gebeurtenis_vastleggen(
            kandidaat=kandidaat,
            soort=GebeurtenisSoort.GEWIJZIGD
            if rij.actie == BIJWERKEN
            else GebeurtenisSoort.INTAKE,
            titel=f"Geïmporteerd uit {bestandsnaam}"[:200],
            door=door,
        )
    return voorbeeld
