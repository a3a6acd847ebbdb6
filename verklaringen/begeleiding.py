"""The standard gedragsvoorbeelden of the begeleidingsdocument (general versions).

Written in plain Dutch (B1): what you can see someone do. Loaded by a data migration
and restored after a test-database flush (see apps.py); never touches existing rows.
"""

import re

STANDAARD_GEDRAGSVOORBEELDEN: dict[str, list[str]] = {
    "B1-K1-W1": [
        "Vraagt aan het begin wat er moet gebeuren.",
        "Legt de spullen klaar die nodig zijn voor de taak.",
        "Trekt de juiste werkkleding aan.",
        "Houdt de werkplek schoon en veilig.",
    ],
    "B1-K1-W2": [
        "Doet de taak in de goede volgorde.",
        "Werkt door in een normaal tempo.",
        "Vraagt om hulp als iets niet lukt.",
        "Houdt zich aan de afspraken over veilig werken.",
    ],
    "B1-K1-W3": [
        "Ruimt de werkplek op na het werk.",
        "Vertelt wat klaar is en wat niet.",
        "Meldt zich af bij de leidinggevende.",
    ],
}


def standaard_gedragsvoorbeelden_laden(Gedragsvoorbeeld, Werkproces) -> int:
    """Create the general gedragsvoorbeelden for every Entree werkproces in the catalog
    that has none yet; works with historical models in migrations. Returns the count."""
    nieuw = []
    for werkproces in Werkproces.objects.filter(
        code__in=STANDAARD_GEDRAGSVOORBEELDEN,
        kerntaak__kwalificatie__naam__startswith="Entree",
    ):
        if Gedragsvoorbeeld.objects.filter(
            werkproces=werkproces, leerbedrijf__isnull=True
        ).exists():
            continue
        nieuw += [
            Gedragsvoorbeeld(werkproces=werkproces, tekst=tekst, volgorde=i)
            for i, tekst in enumerate(STANDAARD_GEDRAGSVOORBEELDEN[werkproces.code], 1)
        ]
    Gedragsvoorbeeld.objects.bulk_create(nieuw)
    return len(nieuw)


def gedrag_opdelen(tekst: str, max_len: int = 300) -> list[str]:
    """SBB's werkprocesgedrag as separate gedragsvoorbeelden: one per line (bullets
    removed), a long line per sentence, and what is still too long cut with '…'."""
    voorbeelden = []
    for regel in tekst.splitlines():
        regel = regel.strip().lstrip("-•*·–").strip()
        if not regel:
            continue
        delen = [regel] if len(regel) <= max_len else re.split(r"(?<=[.;!?])\s+", regel)
        voorbeelden += [
            d if len(d) <= max_len else d[: max_len - 1].rstrip() + "…"
            for d in delen
            if d.strip()
        ]
    return voorbeelden


def werkprocesgedrag_als_concept(sender, *, gedrag: dict[int, str], proberen, **kw):
    """Receiver of the catalog import: a werkproces without general gedragsvoorbeelden
    gets SBB's werkprocesgedrag as a first draft, switched off (actief=False) until the
    mbo-instelling or beheerder has rewritten it in plain Dutch and switched it on.
    Existing gedragsvoorbeelden are never touched. Returns the werkprocessen served."""
    from core.audit import bulk_aanmaken

    from .models import Gedragsvoorbeeld

    al = set(
        Gedragsvoorbeeld.objects.filter(
            werkproces_id__in=gedrag, leerbedrijf__isnull=True
        ).values_list("werkproces_id", flat=True)
    )
    open_ = [pk for pk in gedrag if pk not in al and gedrag_opdelen(gedrag[pk])]
    if not proberen:
        bulk_aanmaken(
            Gedragsvoorbeeld,
            [
                Gedragsvoorbeeld(werkproces_id=pk, tekst=t, volgorde=i, actief=False)
                for pk in open_
                for i, t in enumerate(gedrag_opdelen(gedrag[pk]), 1)
            ],
        )
    return len(open_)
