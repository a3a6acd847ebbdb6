"""The standard gedragsvoorbeelden of the begeleidingsdocument (general versions).

Written in plain Dutch (B1): what you can see someone do. Loaded by a data migration
and restored after a test-database flush (see apps.py); never touches existing rows.
"""

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
