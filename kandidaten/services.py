"""Candidate intake and follow-up.

A consulent registers a kandidaat (intake, with the candidate's consent); the case
belongs to the consulent's organisation and region. Contact moments, data changes and
phase changes are written to the candidate's timeline (`Gebeurtenis`), which higher
apps (advies, trajecten, verklaringen) also write to through `gebeurtenis_vastleggen`.
"""

from django.db import transaction
from django.db.models import F

from core.concurrency import opslaan_met_versie

from .constants import Fase, GebeurtenisSoort
from .models import Contactmoment, Gebeurtenis, Kandidaat


def gebeurtenis_vastleggen(
    *, kandidaat: Kandidaat, soort: str, titel: str, door=None, toelichting: str = ""
) -> Gebeurtenis:
    """Add one entry to the candidate's timeline."""
    return Gebeurtenis.objects.create(
        kandidaat=kandidaat,
        soort=soort,
        titel=titel,
        door=door,
        toelichting=toelichting,
    )


@transaction.atomic
def kandidaat_intake(*, kandidaat: Kandidaat, door) -> Kandidaat:
    """Register a new kandidaat from a filled-in (unsaved) instance.

    The case belongs to the organisation of `door`, who also records the consent.
    """
    kandidaat.organisatie = door.organisatie
    kandidaat.toestemming_door = door
    kandidaat.fase = Fase.AANGEMELD
    kandidaat.full_clean()
    kandidaat.save()
    gebeurtenis_vastleggen(
        kandidaat=kandidaat,
        soort=GebeurtenisSoort.INTAKE,
        titel=f"Aangemeld door {door}",
        door=door,
    )
    return kandidaat


@transaction.atomic
def kandidaat_update(
    *, kandidaat: Kandidaat, door, versie: int | None, gewijzigd: list[str]
) -> Kandidaat:
    """Save changed intake data unless someone else saved in between (optimistic lock)."""
    kandidaat.full_clean()
    opslaan_met_versie(kandidaat, versie=versie)
    if gewijzigd:
        velden = ", ".join(
            str(Kandidaat._meta.get_field(v).verbose_name) for v in gewijzigd
        )
        gebeurtenis_vastleggen(
            kandidaat=kandidaat,
            soort=GebeurtenisSoort.GEWIJZIGD,
            titel="Gegevens gewijzigd",
            toelichting=velden,
            door=door,
        )
    return kandidaat


@transaction.atomic
def contactmoment_create(
    *, contactmoment: Contactmoment, kandidaat: Kandidaat, door
) -> Contactmoment:
    """Record a contact moment and put it on the timeline."""
    contactmoment.kandidaat = kandidaat
    contactmoment.door = door
    contactmoment.full_clean()
    contactmoment.save()
    gebeurtenis_vastleggen(
        kandidaat=kandidaat,
        soort=GebeurtenisSoort.CONTACT,
        titel=f"{contactmoment.get_soort_display()}: {contactmoment.samenvatting[:150]}",
        toelichting=(
            f"Volgende actie: {contactmoment.volgende_actie} "
            f"({contactmoment.volgende_actie_op:%d-%m-%Y})"
            if contactmoment.volgende_actie
            else ""
        ),
        door=door,
    )
    return contactmoment


@transaction.atomic
def kandidaat_fase_zetten(
    *, kandidaat: Kandidaat, fase: str, door, toelichting: str = ""
) -> Kandidaat:
    """Move the candidate to another phase (called by the advies and trajecten steps)."""
    kandidaat = Kandidaat.objects.select_for_update().get(pk=kandidaat.pk)
    if kandidaat.fase != fase:
        oud = kandidaat.get_fase_display()
        kandidaat.fase = fase
        # A new version: an edit form opened before this move cannot put the old
        # phase back (optimistic lock, see kandidaat_update).
        kandidaat.versie = F("versie") + 1
        kandidaat.save(update_fields=["fase", "versie", "updated_at"])
        kandidaat.refresh_from_db(fields=["versie"])
        gebeurtenis_vastleggen(
            kandidaat=kandidaat,
            soort=GebeurtenisSoort.FASE,
            titel=f"Fase: {oud} → {kandidaat.get_fase_display()}",
            toelichting=toelichting,
            door=door,
        )
    return kandidaat
