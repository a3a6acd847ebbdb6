"""Writes for the kennisbank.

An editor (regiocoördinator, functioneel beheerder) adds or changes an item; whoever
saves it has checked it today, and "Klopt nog" stamps a check without other changes.
An item not checked for KENNISBANK_CONTROLE_MAANDEN shows a warning. The body is
sanitised on every save (`Item.save`); uploaded documents are checked here too, so
that code paths other than the form (imports, seed) cannot skip the check.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from .constants import Soort
from .models import Item, Tag
from .validators import validate_document

REGELING_VELDEN = (
    "wie_mag",
    "voorwaarden",
    "max_duur_maanden",
    "max_bedrag",
    "geldig_van",
    "geldig_tot",
)


# Paths of the kennisbank's own pages, which an item's slug may not take.
GERESERVEERD = frozenset({"nieuw"})


def _unieke_slug(model, tekst: str, *, pk=None, max_length: int = 200) -> str:
    basis = slugify(tekst)[:max_length] or "item"
    slug, n = basis, 2
    while (
        slug in GERESERVEERD or model.objects.exclude(pk=pk).filter(slug=slug).exists()
    ):
        slug = f"{basis}-{n}"
        n += 1
    return slug


def tags_ophalen(namen: Iterable[str]) -> list[Tag]:
    """The tags with these names (case-insensitive), created when new."""
    tags = []
    for naam in dict.fromkeys(n.strip() for n in namen if n and n.strip()):
        tag = Tag.objects.filter(naam__iexact=naam).first()
        if tag is None:
            tag = Tag.objects.create(
                naam=naam[:50], slug=_unieke_slug(Tag, naam, max_length=50)
            )
        tags.append(tag)
    return tags


@transaction.atomic
def item_opslaan(
    *,
    item: Item,
    door,
    trefwoorden: Iterable[str] = (),
    gerelateerd: Iterable[Item] | None = None,
) -> Item:
    """Create or update an item (checked today by `door`), with its tags and links.

    Fields of a regeling are emptied on other kinds; a new upload is checked first.
    """
    if item.soort != Soort.REGELING:
        for veld in REGELING_VELDEN:
            setattr(item, veld, "" if veld in ("wie_mag", "voorwaarden") else None)
    if item.bestand and not item.bestand._committed:
        validate_document(item.bestand)
        item.bestandsnaam = item.bestand.name[:200]
    if not item.slug:
        item.slug = _unieke_slug(Item, item.titel, pk=item.pk)
    item.laatst_gecontroleerd_op = timezone.localdate()
    item.gecontroleerd_door = door
    item.full_clean()
    item.save()
    item.tags.set(tags_ophalen(trefwoorden))
    if gerelateerd is not None:
        # Links to items that `door` cannot see (another region) were not on the form
        # and stay as they are.
        verborgen = item.gerelateerd.exclude(pk__in=Item.objects.zichtbaar_voor(door))
        item.gerelateerd.set([*verborgen, *(i for i in gerelateerd if i.pk != item.pk)])
    return item


@transaction.atomic
def item_gecontroleerd(*, item: Item, door) -> None:
    """Mark an item as still correct today, without other changes (audited)."""
    item = Item.objects.select_for_update().get(pk=item.pk)
    item.laatst_gecontroleerd_op = timezone.localdate()
    item.gecontroleerd_door = door
    item.save(
        update_fields=["laatst_gecontroleerd_op", "gecontroleerd_door", "updated_at"]
    )
