"""Other proofs of the candidate beside the praktijkverklaring (`Bewijs`): recorded by
the traject's consulent or a mbo-medewerker of its mbo-instelling."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.validators import validate_pdf
from trajecten.models import Traject
from verklaringen.constants import BewijsSoort
from verklaringen.models import Bewijs
from verklaringen.regels import mag_bewijs_toevoegen

from .beoordeling import _eis, _niet_in_toekomst


@transaction.atomic
def bewijs_toevoegen(
    *,
    traject: Traject,
    door,
    soort: str,
    uitgever: str,
    datum,
    omschrijving: str = "",
    document=None,
    gedragsvoorbeelden=(),
) -> Bewijs:
    """Record one proof. Refuses (ValidationError, nothing saved) a date in the
    future, an empty issuer, a document that is not a clean PDF, and
    gedragsvoorbeelden on anything but a werknemersvaardigheden-certificaat or
    outside the traject's werkprocessen."""
    _eis(mag_bewijs_toevoegen(traject, door))
    _niet_in_toekomst(datum, "datum")
    uitgever = (uitgever or "").strip()
    if not uitgever:
        raise ValidationError(
            {"uitgever": _("Vul in wie het bewijs heeft uitgegeven.")}
        )
    if document:
        try:
            validate_pdf(document)
        except ValidationError as exc:
            raise ValidationError({"document": exc.messages}) from exc
    gedragsvoorbeelden = list(gedragsvoorbeelden)
    if gedragsvoorbeelden:
        if soort != BewijsSoort.WERKNEMERSVAARDIGHEDEN:
            raise ValidationError(
                {
                    "gedragsvoorbeelden": _(
                        "Gedragsvoorbeelden horen alleen bij een certificaat "
                        "werknemersvaardigheden."
                    )
                }
            )
        werkprocessen = set(traject.werkprocessen.values_list("pk", flat=True))
        if any(gv.werkproces_id not in werkprocessen for gv in gedragsvoorbeelden):
            raise ValidationError(
                {
                    "gedragsvoorbeelden": _(
                        "Kies alleen gedragsvoorbeelden van de werkprocessen van dit "
                        "traject."
                    )
                }
            )
    bewijs = Bewijs(
        traject=traject,
        soort=soort,
        uitgever=uitgever,
        datum=datum,
        omschrijving=omschrijving or "",
        toegevoegd_door=door,
    )
    bewijs.full_clean(exclude=["document"])
    if document:
        bewijs.document.save(document.name, document, save=False)
    bewijs.save()
    if gedragsvoorbeelden:
        bewijs.gedragsvoorbeelden.set(gedragsvoorbeelden)
    return bewijs
