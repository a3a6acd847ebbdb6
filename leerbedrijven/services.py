"""Writes for leerbedrijven (werkgeversdienstverlening).

A consulent or jobcoach records an employer they approached (`leerbedrijf_create`):
its Organisatie, the Leerbedrijf profile in status BENADERD and the first history row.
The talks move it along TRANSITIONS (`leerbedrijf_status_wijzigen`): in gesprek,
akkoord, actief, or gestopt; a gestopt employer is reopened as benaderd. Along the way
they log contactmomenten and record vestigingen, contactpersonen (praktijkopleiders),
SBB erkenningen per kwalificatie and open leerbanen. Profile edits use optimistic
locking: a save based on an outdated version is refused and nothing is stored.
"""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from core.concurrency import opslaan_met_versie
from core.validators import normaliseer_postcode
from core.workflow import TransitionNotAllowed
from kwalificaties.models import Kwalificatie, Werkproces
from organisaties.constants import OrganisatieType
from organisaties.models import Arbeidsmarktregio, Medewerker, Organisatie

from .constants import (
    SOORTEN_ONTWIKKELBEDRIJF,
    TRANSITIONS,
    Baancreatie,
    LeerbedrijfSoort,
    LeerbedrijfStatus,
)
from .models import (
    Contactmoment,
    Contactpersoon,
    Erkenning,
    Leerbaan,
    Leerbedrijf,
    LeerbedrijfStatuswijziging,
    Vestiging,
)

_ORGANISATIETYPES_LEERBEDRIJF = {
    OrganisatieType.LEERBEDRIJF,
    OrganisatieType.ONTWIKKELBEDRIJF,
}


def _organisatietype(soort: str) -> str:
    if soort in SOORTEN_ONTWIKKELBEDRIJF:
        return OrganisatieType.ONTWIKKELBEDRIJF
    return OrganisatieType.LEERBEDRIJF


@transaction.atomic
def leerbedrijf_create(
    *,
    door: Medewerker,
    naam: str,
    kvk_nummer: str,
    regio: Arbeidsmarktregio,
    sector: str,
    soort: str = LeerbedrijfSoort.REGULIER,
    biedt_springplank: bool = False,
    biedt_duurzaam: bool = False,
    baancreatie: str = Baancreatie.GEEN,
    werkprocessen: Iterable[Werkproces] = (),
    toelichting: str = "",
    organisatie: Organisatie | None = None,
) -> Leerbedrijf:
    """Record a newly approached employer: Organisatie + Leerbedrijf (BENADERD) + history.

    Pass `organisatie` to give an existing organisation without a profile (made in the
    admin, or demo data) its Leerbedrijf instead of creating a new organisation.
    """
    if organisatie is None:
        organisatie = Organisatie(type=_organisatietype(soort))
    organisatie.naam, organisatie.kvk_nummer = naam, kvk_nummer
    organisatie.full_clean()
    organisatie.save()
    organisatie.regios.add(regio)
    leerbedrijf = Leerbedrijf(
        organisatie=organisatie,
        regio=regio,
        sector=sector,
        soort=soort,
        status=LeerbedrijfStatus.BENADERD,
        biedt_springplank=biedt_springplank,
        biedt_duurzaam=biedt_duurzaam,
        baancreatie=baancreatie,
        toelichting=toelichting,
    )
    leerbedrijf.full_clean()
    leerbedrijf.save()
    leerbedrijf.werkprocessen.set(werkprocessen)
    LeerbedrijfStatuswijziging.objects.create(
        leerbedrijf=leerbedrijf,
        van="",
        naar=LeerbedrijfStatus.BENADERD,
        door=door,
        reden=_("Leerbedrijf vastgelegd."),
    )
    return leerbedrijf


@transaction.atomic
def leerbedrijf_update(
    *,
    leerbedrijf: Leerbedrijf,
    door: Medewerker,
    versie: int | None,
    naam: str,
    kvk_nummer: str,
    regio: Arbeidsmarktregio,
    sector: str,
    soort: str,
    biedt_springplank: bool,
    biedt_duurzaam: bool,
    baancreatie: str,
    werkprocessen: Iterable[Werkproces],
    toelichting: str = "",
) -> Leerbedrijf:
    """Save the profile if nobody saved it since `versie` was shown (ValidationError
    otherwise, with nothing stored); also updates the organisation's naam and KvK."""
    leerbedrijf.regio = regio
    leerbedrijf.sector, leerbedrijf.soort = sector, soort
    leerbedrijf.biedt_springplank = biedt_springplank
    leerbedrijf.biedt_duurzaam = biedt_duurzaam
    leerbedrijf.baancreatie = baancreatie
    leerbedrijf.toelichting = toelichting
    leerbedrijf.full_clean()
    # First the version check: a refusal must leave the organisation untouched too.
    opslaan_met_versie(leerbedrijf, versie=versie)
    organisatie = leerbedrijf.organisatie
    organisatie.naam, organisatie.kvk_nummer = naam, kvk_nummer
    if organisatie.type in _ORGANISATIETYPES_LEERBEDRIJF:
        organisatie.type = _organisatietype(soort)
    organisatie.full_clean()
    organisatie.save()
    organisatie.regios.add(regio)
    leerbedrijf.werkprocessen.set(werkprocessen)
    return leerbedrijf


def _label(status: str) -> str:
    return dict(LeerbedrijfStatus.choices).get(status, status)


@transaction.atomic
def leerbedrijf_status_wijzigen(
    *, leerbedrijf: Leerbedrijf, naar: str, door: Medewerker, reden: str = ""
) -> Leerbedrijf:
    """Move the leerbedrijf to `naar` if TRANSITIONS allows it and log the change.

    Raises TransitionNotAllowed otherwise. Bumps the version, so that an edit form
    opened before the change cannot silently put the old status back.
    """
    vergrendeld = Leerbedrijf.objects.select_for_update().get(pk=leerbedrijf.pk)
    if naar not in TRANSITIONS[vergrendeld.status]:
        raise TransitionNotAllowed(
            _("Van '%(van)s' kan een leerbedrijf niet naar '%(naar)s'.")
            % {"van": _label(vergrendeld.status), "naar": _label(naar)}
        )
    LeerbedrijfStatuswijziging.objects.create(
        leerbedrijf=vergrendeld,
        van=vergrendeld.status,
        naar=naar,
        door=door,
        reden=reden,
    )
    vergrendeld.status = naar
    vergrendeld.versie = F("versie") + 1
    vergrendeld.save(update_fields=["status", "versie", "updated_at"])
    vergrendeld.refresh_from_db(fields=["versie"])
    leerbedrijf.status, leerbedrijf.versie = vergrendeld.status, vergrendeld.versie
    return vergrendeld


def _onderdeel(model, leerbedrijf: Leerbedrijf, bestaand):
    """A new child row of `leerbedrijf`, or `bestaand` after checking it belongs to it."""
    if bestaand is None:
        return model(leerbedrijf=leerbedrijf)
    if bestaand.leerbedrijf_id != leerbedrijf.pk:
        raise ValueError(
            f"{model.__name__} {bestaand.pk} hoort niet bij dit leerbedrijf"
        )
    return bestaand


def _opslaan(instance, **velden):
    for veld, waarde in velden.items():
        setattr(instance, veld, waarde)
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def contactmoment_create(
    *,
    leerbedrijf: Leerbedrijf,
    door: Medewerker,
    datum: date,
    soort: str,
    samenvatting: str,
    volgende_actie: str = "",
    volgende_actie_op: date | None = None,
) -> Contactmoment:
    """Add an entry to the contact log (the date cannot lie in the future)."""
    return _opslaan(
        Contactmoment(leerbedrijf=leerbedrijf),
        door=door,
        datum=datum,
        soort=soort,
        samenvatting=samenvatting,
        volgende_actie=volgende_actie,
        volgende_actie_op=volgende_actie_op,
    )


@transaction.atomic
def erkenning_opslaan(
    *,
    leerbedrijf: Leerbedrijf,
    kwalificatie: Kwalificatie,
    status: str,
    aangevraagd_op: date | None = None,
    erkend_op: date | None = None,
    geldig_tot: date | None = None,
    erkenning: Erkenning | None = None,
) -> Erkenning:
    """Create (or, with `erkenning`, update) the SBB erkenning for one kwalificatie."""
    return _opslaan(
        _onderdeel(Erkenning, leerbedrijf, erkenning),
        kwalificatie=kwalificatie,
        status=status,
        aangevraagd_op=aangevraagd_op,
        erkend_op=erkend_op,
        geldig_tot=geldig_tot,
    )


def leerbaan_fouten(
    *,
    leerbedrijf: Leerbedrijf,
    kwalificatie: Kwalificatie,
    werkprocessen: Iterable[Werkproces],
    vestiging: Vestiging | None,
) -> dict[str, str]:
    """The field errors of a leerbaan that need more than its own row (shared with the form)."""
    fouten = {}
    pks = [w.pk for w in werkprocessen]
    if (
        pks
        and Werkproces.objects.filter(pk__in=pks)
        .exclude(kerntaak__kwalificatie=kwalificatie)
        .exists()
    ):
        fouten["werkprocessen"] = _(
            "Kies alleen werkprocessen van de kwalificatie %(kwalificatie)s."
        ) % {"kwalificatie": kwalificatie}
    if vestiging is not None and vestiging.leerbedrijf_id != leerbedrijf.pk:
        fouten["vestiging"] = _("Kies een vestiging van dit leerbedrijf.")
    return fouten


@transaction.atomic
def leerbaan_opslaan(
    *,
    leerbedrijf: Leerbedrijf,
    kwalificatie: Kwalificatie,
    werkprocessen: Iterable[Werkproces] = (),
    aantal: int = 1,
    startdatum: date | None = None,
    vestiging: Vestiging | None = None,
    open: bool = True,
    leerbaan: Leerbaan | None = None,
) -> Leerbaan:
    """Create or update a leerbaan; its werkprocessen must belong to its kwalificatie."""
    werkprocessen = list(werkprocessen)
    fouten = leerbaan_fouten(
        leerbedrijf=leerbedrijf,
        kwalificatie=kwalificatie,
        werkprocessen=werkprocessen,
        vestiging=vestiging,
    )
    if fouten:
        raise ValidationError(fouten)
    leerbaan = _opslaan(
        _onderdeel(Leerbaan, leerbedrijf, leerbaan),
        kwalificatie=kwalificatie,
        aantal=aantal,
        startdatum=startdatum,
        vestiging=vestiging,
        open=open,
    )
    leerbaan.werkprocessen.set(werkprocessen)
    return leerbaan


@transaction.atomic
def contactpersoon_opslaan(
    *,
    leerbedrijf: Leerbedrijf,
    naam: str,
    functie: str = "",
    telefoon: str = "",
    email: str = "",
    is_praktijkopleider: bool = False,
    account: Medewerker | None = None,
    contactpersoon: Contactpersoon | None = None,
) -> Contactpersoon:
    """Create or update a contactpersoon; `account` must be a medewerker of the company."""
    return _opslaan(
        _onderdeel(Contactpersoon, leerbedrijf, contactpersoon),
        naam=naam,
        functie=functie,
        telefoon=telefoon,
        email=email,
        is_praktijkopleider=is_praktijkopleider,
        account=account,
    )


@transaction.atomic
def vestiging_opslaan(
    *,
    leerbedrijf: Leerbedrijf,
    straat: str,
    huisnummer: str,
    postcode: str,
    plaats: str,
    naam: str = "",
    vestiging: Vestiging | None = None,
) -> Vestiging:
    """Create or update a vestiging; the postcode is stored as '7511 AB'."""
    return _opslaan(
        _onderdeel(Vestiging, leerbedrijf, vestiging),
        naam=naam,
        straat=straat,
        huisnummer=huisnummer,
        postcode=normaliseer_postcode(postcode),
        plaats=plaats,
    )
