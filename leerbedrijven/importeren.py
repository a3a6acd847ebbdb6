"""Import of leerbedrijven from a spreadsheet (issue 7).

A row is a company, recognised by its KvK-nummer: a known KvK of a leerbedrijf the
user may see is an update, a KvK of a company outside the user's scope is an error.
New companies get the region chosen on the upload form; an update keeps its region.
The address columns add (or update) a vestiging, the contact columns a contactpersoon.
Every row passes the same model validation (full_clean) as the forms; `importeren`
saves all rows through the services in one transaction, or none.
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
    lees_keuze,
)
from core.validators import normaliseer_postcode
from kwalificaties.constants import Sector
from organisaties.models import Arbeidsmarktregio, Medewerker, Organisatie

from . import services
from .constants import LeerbedrijfSoort
from .models import Contactpersoon, Leerbedrijf, Vestiging

KOLOMMEN = [
    Kolom("naam", True, "Bakkerij De Korenschoof", "Naam van het bedrijf."),
    Kolom("kvk_nummer", True, "12345678", "8 cijfers uit het Handelsregister."),
    Kolom("sector", True, "Horeca", "Een van: " + ", ".join(map(str, Sector.labels))),
    Kolom(
        "soort",
        False,
        "Reguliere werkgever",
        "Leeg = reguliere werkgever. Een van: "
        + ", ".join(map(str, LeerbedrijfSoort.labels)),
    ),
    Kolom("straat", False, "Hengelosestraat", "Adres van de vestiging."),
    Kolom("huisnummer", False, "12a"),
    Kolom("postcode", False, "7511 AB"),
    Kolom("plaats", False, "Enschede"),
    Kolom("contactpersoon", False, "Peter Brink", "Naam van de contactpersoon."),
    Kolom("telefoon", False, "0612345678"),
    Kolom("email", False, "peter@example.org"),
]
ADRES = ("straat", "huisnummer", "postcode", "plaats")


def _omschrijving(cellen: dict) -> str:
    return f"{cellen.get('naam', '')} (KvK {cellen.get('kvk_nummer', '') or '-'})"


def preview(*, tabel: Tabel, user, regio: Arbeidsmarktregio) -> Voorbeeld:
    """Validate every row: nieuw, bijwerken or fout, with a Dutch error per cell."""
    kvks = {c.get("kvk_nummer", "") for _n, c in tabel.rijen} - {""}
    organisaties = {
        o.kvk_nummer: o
        for o in Organisatie.objects.filter(kvk_nummer__in=kvks).select_related(
            "leerbedrijf"
        )
    }
    zichtbaar = set(
        Leerbedrijf.objects.zichtbaar_voor(user)
        .filter(organisatie__kvk_nummer__in=kvks)
        .values_list("pk", flat=True)
    )
    gezien: dict[str, int] = {}
    rijen = []
    for nummer, cellen in tabel.rijen:
        resultaat = Rijresultaat(rij=nummer, omschrijving=_omschrijving(cellen))
        rijen.append(resultaat)
        kvk = cellen.get("kvk_nummer", "")
        if kvk in gezien:
            resultaat.fout(
                "kvk_nummer",
                _("Dit KvK-nummer staat al in rij %(rij)d van dit bestand.")
                % {"rij": gezien[kvk]},
            )
            continue
        if kvk:
            gezien[kvk] = nummer
        _rij_controleren(resultaat, cellen, organisaties.get(kvk), zichtbaar, regio)
    return Voorbeeld(rijen=rijen)


def _rij_controleren(resultaat, cellen, organisatie, zichtbaar, regio) -> None:
    waarden = {"naam": cellen.get("naam", ""), "kvk_nummer": cellen.get("kvk_nummer")}
    for kolom, choices, verplicht in [
        ("sector", Sector.choices, True),
        ("soort", LeerbedrijfSoort.choices, False),
    ]:
        try:
            waarden[kolom] = lees_keuze(
                cellen.get(kolom, ""), choices, verplicht=verplicht
            )
        except ValidationError as exc:
            resultaat.fout(kolom, exc.messages[0])
    waarden["soort"] = waarden.get("soort") or LeerbedrijfSoort.REGULIER

    leerbedrijf = None
    if organisatie is not None:
        leerbedrijf = getattr(organisatie, "leerbedrijf", None)
        if leerbedrijf is None:
            resultaat.fout(
                "kvk_nummer", _("Er is al een organisatie met dit KvK-nummer.")
            )
            return
        if leerbedrijf.pk not in zichtbaar:
            resultaat.fout(
                "kvk_nummer",
                _("Dit leerbedrijf bestaat al in een andere regio."),
            )
            return
        resultaat.bestaand = leerbedrijf
        resultaat.actie = FOUT if resultaat.fouten else BIJWERKEN
        organisatie.naam = waarden["naam"]
        leerbedrijf.sector = waarden.get("sector", leerbedrijf.sector)
        if not cellen.get("soort"):  # an empty soort keeps the current one
            waarden["soort"] = leerbedrijf.soort
        leerbedrijf.soort = waarden["soort"]
    else:
        organisatie = Organisatie(
            naam=waarden["naam"], kvk_nummer=waarden["kvk_nummer"]
        )
        organisatie.type = services._organisatietype(waarden["soort"])
        leerbedrijf = Leerbedrijf(
            regio=regio, sector=waarden.get("sector", ""), soort=waarden["soort"]
        )
    # The same model rules as the form (KvK: 8 digits, required naam, choices).
    for instance, exclude in [
        (organisatie, ["regios"]),
        (leerbedrijf, ["organisatie", "sector", "soort"]),
    ]:
        try:
            instance.full_clean(exclude=exclude, validate_unique=False)
        except ValidationError as exc:
            fouten_per_kolom(resultaat, exc)

    adres = {k: cellen.get(k, "") for k in ADRES}
    if any(adres.values()):
        adres["postcode"] = normaliseer_postcode(adres["postcode"])
        try:
            Vestiging(**adres).full_clean(exclude=["leerbedrijf"])
        except ValidationError as exc:
            fouten_per_kolom(resultaat, exc)
        waarden["vestiging"] = adres
    contact = {
        "naam": cellen.get("contactpersoon", ""),
        "telefoon": cellen.get("telefoon", ""),
        "email": cellen.get("email", ""),
    }
    if any(contact.values()):
        try:
            Contactpersoon(**contact).full_clean(exclude=["leerbedrijf"])
        except ValidationError as exc:
            fouten_per_kolom(resultaat, exc, kolommen={"naam": "contactpersoon"})
        waarden["contactpersoon"] = contact
    resultaat.waarden = waarden


@transaction.atomic
def importeren(
    *, tabel: Tabel, door: Medewerker, regio: Arbeidsmarktregio
) -> Voorbeeld:
    """Validate again and create or update every row; ValidationError (nothing saved)
    when any row has an error now."""
    voorbeeld = preview(tabel=tabel, user=door, regio=regio)
    if voorbeeld.heeft_fouten:
        raise ValidationError(voorbeeld.foutmeldingen())
    for rij in voorbeeld.rijen:
        w = rij.waarden
        if rij.actie == NIEUW:
            leerbedrijf = services.leerbedrijf_create(
                door=door,
                naam=w["naam"],
                kvk_nummer=w["kvk_nummer"],
                regio=regio,
                sector=w["sector"],
                soort=w["soort"],
            )
        else:
            leerbedrijf = Leerbedrijf.objects.select_related("organisatie").get(
                pk=rij.bestaand.pk
            )
            services.leerbedrijf_update(
                leerbedrijf=leerbedrijf,
                door=door,
                versie=leerbedrijf.versie,
                naam=w["naam"],
                kvk_nummer=w["kvk_nummer"],
                regio=leerbedrijf.regio,
                sector=w["sector"],
                soort=w["soort"],
                biedt_springplank=leerbedrijf.biedt_springplank,
                biedt_duurzaam=leerbedrijf.biedt_duurzaam,
                baancreatie=leerbedrijf.baancreatie,
                werkprocessen=list(leerbedrijf.werkprocessen.all()),
                toelichting=leerbedrijf.toelichting,
            )
        if "vestiging" in w:
            adres = w["vestiging"]
            services.vestiging_opslaan(
                leerbedrijf=leerbedrijf,
                vestiging=leerbedrijf.vestigingen.filter(
                    postcode=adres["postcode"], huisnummer__iexact=adres["huisnummer"]
                ).first(),
                **adres,
            )
        if "contactpersoon" in w:
            contact = w["contactpersoon"]
            bestaand = leerbedrijf.contactpersonen.filter(
                naam__iexact=contact["naam"]
            ).first()
            # Only name, phone and e-mail come from the file; keep the rest as it is.
            services.contactpersoon_opslaan(
                leerbedrijf=leerbedrijf,
                contactpersoon=bestaand,
                functie=bestaand.functie if bestaand else "",
                is_praktijkopleider=bool(bestaand and bestaand.is_praktijkopleider),
                account=bestaand.account if bestaand else None,
                **contact,
            )
    return voorbeeld
